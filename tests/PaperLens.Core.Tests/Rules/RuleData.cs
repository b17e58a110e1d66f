using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Tests.Rules;

/// <summary>The paper records the rule tests check against, read from tests/fixtures/rules.</summary>
internal static class RuleData
{
    private static readonly Lazy<IReadOnlyList<PaperRecord>> SeedRecords = new(() => LoadFile("seed-papers.jsonl"));
    private static readonly Lazy<IReadOnlyDictionary<string, PaperRecord>> Records = new(() =>
        SeedRecords.Value.Concat(LoadFile("browse-papers.jsonl")).ToDictionary(r => r.Id.Canonical, StringComparer.Ordinal));

    /// <summary>A file of tests/fixtures/rules: found beside this source file, or (when the build
    /// maps source paths away) above the test binaries.</summary>
    public static string FixturePath(string name, [CallerFilePath] string thisFile = "")
    {
        var besideSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "fixtures", "rules", name));
        if (File.Exists(besideSource)) return besideSource;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "fixtures", "rules", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"fixture {name} not found under tests/fixtures/rules");
    }

    public static IReadOnlyDictionary<string, PaperRecord> All => Records.Value;

    /// <summary>The 57 bundled papers.</summary>
    public static IReadOnlyList<PaperRecord> Seed => SeedRecords.Value;

    public static PaperRecord Paper(string id) => All[id];

    private static List<PaperRecord> LoadFile(string name) =>
        File.ReadLines(FixturePath(name)).Where(line => line.Length > 0).Select(Read).ToList();

    // Only the fields the rules read; the catalog's importer reads the rest.
    private static PaperRecord Read(string line)
    {
        var json = JsonDocument.Parse(line).RootElement;
        return new PaperRecord
        {
            Id = ArxivId.Of(json.GetProperty("id").GetString()!),
            Title = json.GetProperty("title").GetString()!,
            Authors = json.GetProperty("authors").GetString()!,
            Abstract = Text(json, "abstract"),
            JournalRef = Text(json, "journal-ref"),
            Doi = Text(json, "doi"),
            Comments = Text(json, "comments"),
            Versions = json.GetProperty("versions").EnumerateArray()
                .Select(v => new PaperVersion(int.Parse(v.GetProperty("version").GetString()![1..], CultureInfo.InvariantCulture), null))
                .ToList(),
            VersionsComplete = !json.TryGetProperty("versions_complete", out var complete) || complete.GetBoolean(),
        };
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
