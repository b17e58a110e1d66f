using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PaperLens.Core.Catalog;
using PaperLens.Core.Rules;
using PaperLens.Core.Workspace;

namespace PaperLens.Core.Tests.Workspace;

/// <summary>examples/research-notes is the README's demonstration: its EXPECTED.md lists every
/// finding the offline check must report there, and it cites every bundled paper.</summary>
public partial class ExampleRepositoryTests
{
    [GeneratedRegex(@"^- (?<path>\S+):(?<line>\d+) (?<code>PL\d{3})\b")]
    private static partial Regex ExpectedFinding();

    private static string ExampleRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "examples", "research-notes"));

    [Fact]
    public void The_offline_check_reports_exactly_the_findings_listed_in_EXPECTED_md()
    {
        var root = ExampleRoot();
        var expected = File.ReadLines(Path.Combine(root, "EXPECTED.md"))
            .Select(line => ExpectedFinding().Match(line))
            .Where(match => match.Success)
            .Select(match => $"{match.Groups["path"].Value}:{match.Groups["line"].Value} {match.Groups["code"].Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var scan = WorkspaceScanner.Scan(root, WorkspaceOptions.Default, CancellationToken.None);
        using var catalogFolder = new TempWorkspace();
        using var catalog = PaperCatalog.Open(Path.Combine(catalogFolder.Root, "catalog.db"));

        var actual = Checker.Check(scan.Documents, catalog, RuleSettings.Default)
            .Select(d => $"{d.Path}:{scan.LineMapFor(d.Path)!.GetPosition(d.Span.Start).Line + 1} {d.Code}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_file_is_scanned_except_the_ignored_scratch_folder()
    {
        var scan = WorkspaceScanner.Scan(ExampleRoot(), WorkspaceOptions.Default, CancellationToken.None);

        Assert.Empty(scan.Skipped);
        Assert.Contains("notebooks/forecasting.ipynb", scan.Documents.Select(d => d.Path));
        Assert.DoesNotContain(scan.Documents, d => d.Path.StartsWith("scratch/", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bundled_paper_is_cited_somewhere()
    {
        var scan = WorkspaceScanner.Scan(ExampleRoot(), WorkspaceOptions.Default, CancellationToken.None);
        var cited = scan.Documents.SelectMany(d => d.Citations).Select(c => c.Id?.Canonical).ToHashSet();

        var uncited = BundledSeed.Records(DateTimeOffset.UnixEpoch).Select(r => r.Id.Canonical).Where(id => !cited.Contains(id)).ToList();

        Assert.Empty(uncited);
    }
}
