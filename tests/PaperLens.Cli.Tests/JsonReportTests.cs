using System.Text;

namespace PaperLens.Cli.Tests;

/// <summary><c>paperlens check --format json</c> as tools read it (spec §5): the report is written a piece
/// at a time, and a report many pieces long is still one indented JSON document with every character intact.</summary>
public class JsonReportTests
{
    [Fact]
    public void A_report_of_thousands_of_findings_under_a_non_ascii_path_is_one_document_with_every_finding_and_its_path_intact()
    {
        // Each finding repeats the path, so its two- and three-byte characters fall on every boundary between
        // the pieces written (about 64 KB each; the report is about 1 MB). Characters beyond the BMP are
        // written escaped, as System.Text.Json's relaxed encoder always does.
        const string path = "notes-é中文🙂.md";
        const int lines = 3000;
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++) text.Append("See arXiv:0801.").Append((i + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append(".\n");
        // Papers of January 2008, none of them among the seed papers a new catalog holds.
        using var repo = new TempRepo((path, text.ToString()));

        var run = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{\n  \"files\": 1,\n  \"citations\": 3000,\n  \"skipped\": 0,\n  \"diagnostics\": [\n    {\n      \"path\": \"notes-é中文\\uD83D\\uDE42.md\",", run.Stdout);
        Assert.EndsWith("\n  ]\n}\n", run.Stdout);
        Assert.True(run.Stdout.Length > 10 * 64 * 1024, $"the report is {run.Stdout.Length} characters: too short to be written in many pieces");
        var diagnostics = run.Json.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(lines, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(path, d.GetProperty("path").GetString()));
        Assert.Equal(Enumerable.Range(1, lines), diagnostics.Select(d => d.GetProperty("line").GetInt32()));
        Assert.Equal(Enumerable.Range(0, lines).Select(i => $"0801.{i + 1:D4}"), diagnostics.Select(d => d.GetProperty("id").GetString()));
    }
}
