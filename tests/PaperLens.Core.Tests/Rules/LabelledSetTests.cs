using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PaperLens.Core.Catalog;
using PaperLens.Core.Rules;
using PaperLens.Core.Tests.Catalog;
using PaperLens.Core.Text;
using PaperLens.Core.Workspace;
using Xunit.Abstractions;

namespace PaperLens.Core.Tests.Rules;

/// <summary>The invented-reference rules measured on tests/fixtures/invented: entries of our own wording
/// over real arXiv records (generate.py), each labelled with the findings the spec defines for it.
/// Precision must be 1.0 (no PL013, PL014 or PL015 on an entry that does not deserve it, no PL003 naming
/// the wrong paper) and recall at least 0.95. The figures are printed; the README reports them.</summary>
public sealed class LabelledSetTests(ITestOutputHelper output)
{
    private const double RecallGoal = 0.95;

    private sealed record Label(string File, int Line, string Kind, string[] Expect, string? TitleOf);

    private sealed record Score(string Rule, int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"| {Rule} | {TruePositives + FalseNegatives} | {TruePositives} | {FalsePositives} | {FalseNegatives} | {Precision:0.000} | {Recall:0.000} |");
    }

    private static string FixturePath(string name, [CallerFilePath] string thisFile = "")
    {
        var besideSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "fixtures", "invented", name));
        if (Path.Exists(besideSource)) return besideSource;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "fixtures", "invented", name);
            if (Path.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"fixture {name} not found under tests/fixtures/invented");
    }

    [Fact]
    public void The_labelled_set_meets_the_precision_and_recall_goal()
    {
        var labels = JsonSerializer.Deserialize<List<Label>>(File.ReadAllText(FixturePath("labels.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        Assert.True(labels.Count >= 200, $"{labels.Count} labelled entries");

        // A real catalog: the bundled seed, and arXiv's browse records imported as a snapshot.
        using var files = new CatalogTestFiles();
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        new SnapshotImporter().Import(catalog, FixturePath(Path.Combine("..", "catalog", "arxiv-browse-fixtures.jsonl")));
        var scan = WorkspaceScanner.Scan(FixturePath("workspace"), WorkspaceOptions.Default, CancellationToken.None);
        var findings = Checker.Check(scan.Documents, catalog, RuleSettings.Default);

        // Each finding belongs to the entry starting on its line or the nearest line above (a BibTeX entry spans several).
        var found = labels.ToDictionary(l => l, _ => new List<Diagnostic>());
        foreach (var document in scan.Documents)
        {
            var lines = new LineMap(File.ReadAllText(Path.Combine(scan.Root, document.Path)));
            var entries = labels.Where(l => l.File == document.Path).OrderBy(l => l.Line).ToList();
            foreach (var finding in findings.Where(f => f.Path == document.Path))
            {
                var line = lines.GetPosition(finding.Span.Start).Line + 1;
                found[entries.Last(e => e.Line <= line)].Add(finding);
            }
        }

        var scores = new List<Score>();
        foreach (var rule in new[] { "PL013", "PL014", "PL015" })
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var (label, fired) in found)
            {
                var expected = label.Expect.Contains(rule);
                var raised = fired.Any(f => f.Code == rule);
                if (expected && raised) tp++;
                else if (raised) fp++;
                else if (expected) fn++;
            }
            scores.Add(new Score(rule, tp, fp, fn));
        }
        // PL003 counts when it names the paper whose title the entry gives: the id the fix offers.
        int offered = 0, wrong = 0, missed = 0;
        foreach (var (label, fired) in found)
        {
            var mismatch = fired.FirstOrDefault(f => f.Code == "PL003");
            if (label.TitleOf is null) wrong += mismatch is null ? 0 : 1;
            else if (mismatch?.TitleOf?.Canonical == label.TitleOf) offered++;
            else if (mismatch?.TitleOf is not null) wrong++;
            else missed++;
        }
        scores.Add(new Score("PL003 + right id", offered, wrong, missed));

        output.WriteLine($"{labels.Count} entries: " + string.Join(", ", labels.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")));
        output.WriteLine("| rule | expected | found | false | missed | precision | recall |");
        foreach (var score in scores) output.WriteLine(score.ToString());
        foreach (var (label, fired) in found.Where(p => !p.Key.Expect.SequenceEqual(p.Value.Select(f => f.Code).Where(c => c is "PL003" or "PL013" or "PL014" or "PL015").Distinct().Order(StringComparer.Ordinal))))
            output.WriteLine($"{label.File}:{label.Line} {label.Kind} expected [{string.Join(' ', label.Expect)}]: " + string.Join(" / ", fired.Select(f => $"{f.Code} {f.Message}")));

        Assert.All(scores, s => Assert.True(s.Precision == 1.0, $"{s.Rule}: precision {s.Precision:0.000}"));
        Assert.All(scores, s => Assert.True(s.Recall >= RecallGoal, $"{s.Rule}: recall {s.Recall:0.000}"));
    }
}
