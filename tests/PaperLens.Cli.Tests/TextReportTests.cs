namespace PaperLens.Cli.Tests;

/// <summary>`paperlens check` text output as a person reads it (spec §5): findings one a line, the
/// not-in-catalog ones summed up in one line unless --verbose, notebook places with their cell (§3).</summary>
public class TextReportTests
{
    private const string Malformed = "malformed arXiv id '2313.00752': month 13 does not exist (YYMM must have a month 01-12)";

    private static string NotInCatalog(string id) =>
        $"information PL009: arXiv:{id} is not in the local catalog; add it with 'paperlens import' or run the check online to look it up";

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Not_in_catalog_findings_are_one_line_in_text_unless_verbose_and_every_one_in_json_and_sarif()
    {
        using var repo = new TempRepo(("notes.md", """
            Mamba arXiv:2312.00752, again arXiv:2312.00752v2, and S4 arXiv:2111.00396.
            A typo: arXiv:2313.00752
            """));

        var text = PaperLensProcess.Run(repo.Catalog, "check", repo.Root);
        Assert.Equal(1, text.ExitCode);
        Assert.Equal(
        [
            $"notes.md:2:15: error PL001: {Malformed}",
            "3 citations of 2 papers are not in the local catalog: run the check online or import a snapshot",
        ], Lines(text.Stdout));
        Assert.Equal(["4 citations in 1 file: 1 error, 3 information"], Lines(text.Stderr));

        var verbose = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--verbose");
        Assert.Equal(
        [
            $"notes.md:1:13: {NotInCatalog("2312.00752")}",
            $"notes.md:1:37: {NotInCatalog("2312.00752v2")}",
            $"notes.md:1:64: {NotInCatalog("2111.00396")}",
            $"notes.md:2:15: error PL001: {Malformed}",
        ], Lines(verbose.Stdout));

        var json = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "json").Json;
        Assert.Equal(3, json.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("code").GetString() == "PL009"));
        var sarif = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "sarif").Json;
        Assert.Equal(3, sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Count(r => r.GetProperty("ruleId").GetString() == "PL009"));
    }

    [Fact]
    public void The_not_in_catalog_line_is_singular_for_one_and_separates_thousands()
    {
        using var one = new TempRepo(("notes.md", "Mamba: arXiv:2312.00752\n"));
        Assert.Equal(
            ["1 citation of 1 paper is not in the local catalog: run the check online or import a snapshot"],
            Lines(PaperLensProcess.Run(one.Catalog, "check", one.Root).Stdout));

        using var many = new TempRepo(("notes.md", string.Concat(Enumerable.Repeat("arXiv:2312.00752 and arXiv:2111.00396\n", 600))));
        Assert.Equal(
            ["1,200 citations of 2 papers are not in the local catalog: run the check online or import a snapshot"],
            Lines(PaperLensProcess.Run(many.Catalog, "check", many.Root).Stdout));
    }

    [Fact]
    public void A_notebook_finding_is_placed_in_the_ipynb_text_and_in_its_cell_and_line()
    {
        // fixtures/reading-list.ipynb: a markdown cell whose source is an array of lines, and a code cell
        // whose source is one JSON string, where the notebook's own line says nothing about the cell's.
        using var repo = new TempRepo(
            ("reading-list.ipynb", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "reading-list.ipynb"))),
            ("notes.md", "A typo: arXiv:2313.00752\n"));

        var text = PaperLensProcess.Run(repo.Catalog, "check", repo.Root);
        Assert.Equal(
        [
            $"notes.md:1:15: error PL001: {Malformed}",
            "reading-list.ipynb:9:55: warning PL003: title \"Attention Is All You Need\" does not match arXiv:1409.3215 "
                + "\"Sequence to Sequence Learning with Neural Networks\" (cell 1, line 3)",
            $"reading-list.ipynb:17:47: error PL001: {Malformed} (cell 2, line 3)",
        ], Lines(text.Stdout));

        var diagnostics = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "json").Json.GetProperty("diagnostics");
        Assert.Equal(
            ["notes.md:1 - -", "reading-list.ipynb:9 cell 1 line 3", "reading-list.ipynb:17 cell 2 line 3"],
            diagnostics.EnumerateArray().Select(d => $"{d.GetProperty("path").GetString()}:{d.GetProperty("line").GetInt32()} {CellAndLine(d)}"));

        var citations = PaperLensProcess.Run(repo.Catalog, "citations", repo.Root, "--format", "json").Json.GetProperty("citations");
        Assert.Equal(
            ["notes.md:1 - -", "reading-list.ipynb:9 cell 1 line 3", "reading-list.ipynb:17 cell 2 line 3"],
            citations.EnumerateArray().Select(c => $"{c.GetProperty("path").GetString()}:{c.GetProperty("line").GetInt32()} {CellAndLine(c)}"));

        Assert.Equal(
        [
            "notes.md:1:15: prefix malformed",
            "reading-list.ipynb:9:55: prefix 1409.3215 \"Attention Is All You Need\" (cell 1, line 3)",
            "reading-list.ipynb:17:47: prefix malformed (cell 2, line 3)",
        ], Lines(PaperLensProcess.Run(repo.Catalog, "citations", repo.Root).Stdout));
    }

    // "-" where the field is absent, as it must be outside notebooks.
    private static string CellAndLine(System.Text.Json.JsonElement e) =>
        e.TryGetProperty("cell", out var cell) ? $"cell {cell.GetInt32()} line {e.GetProperty("cellLine").GetInt32()}"
        : e.TryGetProperty("cellLine", out _) ? "cellLine without cell" : "- -";
}
