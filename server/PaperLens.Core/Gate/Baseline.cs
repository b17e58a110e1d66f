using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PaperLens.Core.Gate;

/// <summary>The findings a repository has accepted for now (spec §5, <c>--baseline</c>): each
/// <see cref="BaselineKey"/> with how many findings have it (one line may cite the same malformed id
/// twice). Written sorted, one finding a line, so that a change to it reads well in review:
/// <code>
/// {
///   "version": 1,
///   "findings": [
///     {"path":"paper/draft.md","code":"PL008","id":null,"text":"As [@gu2023mamba] and [@gu2023mamba] show,","count":2},
///     {"path":"references.bib","code":"PL007","id":"2405.13956","text":"eprint = {2405.13956},"}
///   ]
/// }
/// </code></summary>
public sealed class Baseline
{
    private const int Version = 1;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SortedDictionary<BaselineKey, int> _entries;

    private Baseline(SortedDictionary<BaselineKey, int> entries) => _entries = entries;

    /// <summary>Each recorded key and how many findings have it, sorted.</summary>
    public IReadOnlyDictionary<BaselineKey, int> Entries => _entries;

    /// <summary>How many findings it records.</summary>
    public int Count => _entries.Values.Sum();

    public static Baseline Of(IEnumerable<BaselineKey> findings)
    {
        var entries = new SortedDictionary<BaselineKey, int>();
        foreach (var key in findings) entries[key] = entries.GetValueOrDefault(key) + 1;
        return new Baseline(entries);
    }

    /// <summary>Which findings it hides, in order (each recorded key hides as many findings as it counts, the
    /// first ones), and how many of the findings it records in the files <paramref name="reported"/> were not
    /// found: fixed, or changed beyond recognition.</summary>
    public (IReadOnlyList<bool> Hidden, int Stale) Match(IReadOnlyList<BaselineKey> findings, Func<string, bool> reported)
    {
        var left = new Dictionary<BaselineKey, int>(_entries);
        var hidden = new bool[findings.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            var count = left.GetValueOrDefault(findings[i]);
            if (count == 0) continue;
            left[findings[i]] = count - 1;
            hidden[i] = true;
        }
        return (hidden, left.Where(e => reported(e.Key.Path)).Sum(e => e.Value));
    }

    /// <summary>This baseline brought up to date: the findings of the files <paramref name="reported"/> are
    /// <paramref name="findings"/>, those of other files stay as recorded (a check of one file does not forget the rest).</summary>
    public Baseline Updated(IEnumerable<BaselineKey> findings, Func<string, bool> reported) =>
        Of(_entries.Where(e => !reported(e.Key.Path)).SelectMany(e => Enumerable.Repeat(e.Key, e.Value)).Concat(findings));

    public string ToJson()
    {
        var json = new StringBuilder($"{{\n  \"version\": {Version},\n  \"findings\": [");
        var first = true;
        foreach (var (key, count) in _entries)
        {
            json.Append(first ? "\n    " : ",\n    ").Append(Entry(key, count));
            first = false;
        }
        return json.Append(first ? "]\n}\n" : "\n  ]\n}\n").ToString();
    }

    /// <exception cref="BaselineException">The text is not a baseline this version reads.</exception>
    public static Baseline Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
                throw new BaselineException($"{source}: not a PaperLens baseline (no \"version\")");
            if (!version.TryGetInt32(out var number) || number != Version)
                throw new BaselineException($"{source}: baseline version {version.GetRawText()}; this PaperLens reads version {Version}");
            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw new BaselineException($"{source}: \"findings\" must be an array");
            var entries = new SortedDictionary<BaselineKey, int>();
            var index = 0;
            foreach (var finding in findings.EnumerateArray())
            {
                var (key, count) = ReadEntry(finding, $"{source}: findings[{index++}]");
                entries[key] = entries.GetValueOrDefault(key) + count;
            }
            return new Baseline(entries);
        }
        catch (JsonException e)
        {
            throw new BaselineException($"{source}:{(e.LineNumber ?? 0) + 1}: invalid JSON", e);
        }
    }

    private static (BaselineKey Key, int Count) ReadEntry(JsonElement finding, string where)
    {
        if (finding.ValueKind != JsonValueKind.Object) throw new BaselineException($"{where} must be an object");
        string Text(string name, bool nullable = false) =>
            finding.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.String || nullable && value.ValueKind == JsonValueKind.Null)
                ? value.GetString()!
                : throw new BaselineException($"{where}: \"{name}\" must be a string{(nullable ? " or null" : "")}");
        var count = 1;
        if (finding.TryGetProperty("count", out var written) && (!written.TryGetInt32(out count) || count < 1))
            throw new BaselineException($"{where}: \"count\" must be a positive whole number");
        return (new BaselineKey(Text("path"), Text("code"), Text("id", nullable: true), Text("text")), count);
    }

    private static string Entry(BaselineKey key, int count)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("path", key.Path);
            writer.WriteString("code", key.Code);
            writer.WriteString("id", key.Id);
            writer.WriteString("text", key.Text);
            if (count > 1) writer.WriteNumber("count", count);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
