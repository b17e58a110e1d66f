using System.Text.Json;
using PaperLens.Core.Rules;

namespace PaperLens.Core.Config;

/// <summary>Turns configuration JSON into a <see cref="PaperLensConfig"/>, refusing anything it does
/// not understand: a misspelt key silently ignored would leave the user wondering why a rule fires.</summary>
internal static class ConfigReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private const string KnownKeys = "rules, include, exclude, offline, catalog, inlayHints, arxiv";
    private const string KnownArxivKeys = "api, recordMaxAgeDays, missMaxAgeDays";

    public static PaperLensConfig Parse(string json, string source, string? baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(json)) return PaperLensConfig.Default;
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return Read(document.RootElement, source, baseDirectory);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new ConfigException($"{source}:{line}:{column}: invalid JSON: {Reason(e)}", e);
        }
    }

    public static PaperLensConfig Read(JsonElement root, string source, string? baseDirectory)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ConfigException($"{source}: the configuration must be a JSON object, not {Describe(root.ValueKind)}");

        var config = PaperLensConfig.Default;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            config = property.Name switch
            {
                "rules" => config with { Rules = ReadRules(value, source) },
                "include" => config with { Include = ReadGlobs(value, source, "include") },
                "exclude" => config with { Exclude = ReadGlobs(value, source, "exclude") },
                "offline" => config with { Offline = ReadBool(value, source, "offline") },
                "inlayHints" => config with { InlayHints = ReadBool(value, source, "inlayHints") },
                "catalog" => config with { Catalog = ReadCatalog(value, source, baseDirectory) },
                "arxiv" => ReadArxiv(config, value, source),
                _ => throw new ConfigException($"{source}: unknown key '{property.Name}' (known keys: {KnownKeys})"),
            };
        }
        return config;
    }

    private static Dictionary<string, Severity> ReadRules(JsonElement rules, string source)
    {
        if (rules.ValueKind != JsonValueKind.Object)
            throw new ConfigException($"{source}: 'rules' must be an object mapping rule codes or names to severities, not {Describe(rules.ValueKind)}");

        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var writtenAs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in rules.EnumerateObject())
        {
            var rule = RuleCatalog.Find(entry.Name)
                ?? throw new ConfigException($"{source}: unknown rule '{entry.Name}' in 'rules' (rules are PL001-PL015 or their names, e.g. 'title-mismatch')");
            if (writtenAs.TryGetValue(rule.Code, out var earlier))
                throw new ConfigException($"{source}: rule {rule.Code} is set twice in 'rules' ('{earlier}' and '{entry.Name}')");
            if (entry.Value.ValueKind != JsonValueKind.String || SeverityNames.Parse(entry.Value.GetString()!) is not { } severity)
                throw new ConfigException($"{source}: rule '{entry.Name}' has severity {entry.Value.GetRawText()}; use one of {SeverityNames.Accepted}");
            severities[rule.Code] = severity;
            writtenAs[rule.Code] = entry.Name;
        }
        return severities;
    }

    private static List<string> ReadGlobs(JsonElement globs, string source, string key)
    {
        if (globs.ValueKind == JsonValueKind.String) return [globs.GetString()!];
        if (globs.ValueKind != JsonValueKind.Array)
            throw new ConfigException($"{source}: '{key}' must be an array of glob strings, not {Describe(globs.ValueKind)}");
        var list = new List<string>();
        foreach (var item in globs.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new ConfigException($"{source}: '{key}' must contain only glob strings, found {item.GetRawText()}");
            list.Add(item.GetString()!);
        }
        return list;
    }

    private static bool ReadBool(JsonElement value, string source, string key) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new ConfigException($"{source}: '{key}' must be true or false, not {value.GetRawText()}"),
    };

    private static PaperLensConfig ReadArxiv(PaperLensConfig config, JsonElement arxiv, string source)
    {
        if (arxiv.ValueKind != JsonValueKind.Object)
            throw new ConfigException($"{source}: 'arxiv' must be an object ({KnownArxivKeys}), not {Describe(arxiv.ValueKind)}");
        foreach (var property in arxiv.EnumerateObject())
        {
            var value = property.Value;
            config = property.Name switch
            {
                "api" => config with { ArxivApi = ReadHttpUrl(value, source, "arxiv.api") },
                "recordMaxAgeDays" => config with { RecordMaxAge = ReadDays(value, source, "arxiv.recordMaxAgeDays") },
                "missMaxAgeDays" => config with { MissMaxAge = ReadDays(value, source, "arxiv.missMaxAgeDays") },
                _ => throw new ConfigException($"{source}: unknown key 'arxiv.{property.Name}' (known keys: {KnownArxivKeys})"),
            };
        }
        return config;
    }

    private static Uri ReadHttpUrl(JsonElement value, string source, string key) =>
        value.ValueKind == JsonValueKind.String && PaperLensConfig.TryParseApiUrl(value.GetString(), out var url)
            ? url
            : throw new ConfigException($"{source}: '{key}' must be an http or https URL, not {value.GetRawText()}");

    private static TimeSpan ReadDays(JsonElement value, string source, string key) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var days) && days > 0 && days <= 36_500
            ? TimeSpan.FromDays(days)
            : throw new ConfigException($"{source}: '{key}' must be a number of days, more than 0 and at most 36500 (fractions allowed), not {value.GetRawText()}");

    private static string ReadCatalog(JsonElement value, string source, string? baseDirectory)
    {
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            throw new ConfigException($"{source}: 'catalog' must be a file path, not {value.GetRawText()}");
        var path = value.GetString()!;
        return baseDirectory is null || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
    }

    // System.Text.Json appends its own "LineNumber: … | BytePositionInLine: …"; the position is
    // already in front of the message, in the compiler style.
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
