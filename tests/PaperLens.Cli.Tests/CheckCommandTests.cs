using System.Text.Json;

namespace PaperLens.Cli.Tests;

/// <summary>`paperlens check` on repositories it has never seen (spec §4, §5), offline, against the
/// bundled catalog that seeds a new catalog file.</summary>
public class CheckCommandTests
{
    private const string Readme = """
        # Notes on sequence models

        The [Informer](https://arxiv.org/abs/2012.07436) paper forecasts long series.
        We misquote "Attention Is All You Need" (arXiv:1409.3215) here.
        A typo in arXiv:2313.00752 and a paper the catalog lacks, arXiv:2312.00752.
        Version 1706.03762 of the tool is a number, not a citation.
        """;

    private const string Model = """
        # Mamba-360 survey: arXiv:2404.16112
        url = "https://arxiv.org/abs/1706.03762"
        s = "# arXiv:2313.00752"
        """;

    [Fact]
    public void Json_report_lists_exactly_the_findings()
    {
        using var repo = new TempRepo(("README.md", Readme), ("src/model.py", Model));
        var run = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var json = run.Json;
        Assert.Equal(2, json.GetProperty("files").GetInt32());
        Assert.Equal(5, json.GetProperty("citations").GetInt32());
        Assert.Equal(0, json.GetProperty("skipped").GetInt32());
        var found = json.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("path").GetString()}:{d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()}-{d.GetProperty("endColumn").GetInt32()} {d.GetProperty("severity").GetString()} {d.GetProperty("code").GetString()} {d.GetProperty("id").GetString()}")
            .ToList();
        Assert.Equal(
        [
            "README.md:4:48-57 warning PL003 1409.3215",
            "README.md:5:17-27 error PL001 ",
            "README.md:5:65-75 information PL009 2312.00752",
        ], found);
    }

    [Fact]
    public void Text_report_is_compiler_style_and_strict_fails_on_warnings()
    {
        using var repo = new TempRepo(("notes.md", "See \"Attention Is All You Need\" (arXiv:1409.3215).\n"));
        var run = PaperLensProcess.Run(repo.Catalog, "check", repo.Root);
        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("PL003"));
        Assert.StartsWith("notes.md:1:40: warning PL003: ", line);
        Assert.Contains("Sequence to Sequence Learning with Neural Networks", line);

        Assert.Equal(1, PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--strict").ExitCode);
    }

    [Fact]
    public void Sarif_report_is_sarif_2_1_0_with_rules_and_regions()
    {
        using var repo = new TempRepo(("notes.md", "A typo: arXiv:2313.00752\n"));
        var run = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "sarif");
        Assert.Equal(1, run.ExitCode);
        var sarif = run.Json;
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var sarifRun = sarif.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"PL{i:000}"), rules);
        var result = Assert.Single(sarifRun.GetProperty("results").EnumerateArray());
        Assert.Equal("PL001", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal(0, result.GetProperty("ruleIndex").GetInt32());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("notes.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal((1, 15, 25), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void Rule_severities_come_from_the_workspace_config()
    {
        using var repo = new TempRepo(
            ("notes.md", "A typo: arXiv:2313.00752, missing arXiv:2312.00752\n"),
            (".paperlens.json", """{ "rules": { "PL001": "warning", "not-in-catalog": "off" } }"""));
        var run = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var d = Assert.Single(run.Json.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("PL001", "warning"), (d.GetProperty("code").GetString(), d.GetProperty("severity").GetString()));
    }

    [Fact]
    public void A_missing_path_is_a_one_line_error_with_exit_status_2()
    {
        using var repo = new TempRepo();
        var missing = Path.Combine(repo.Root, "nope");
        var run = PaperLensProcess.Run(repo.Catalog, "check", missing);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(missing, line);
    }

    [Fact]
    public void A_corrupt_catalog_is_named_and_left_untouched()
    {
        using var repo = new TempRepo(("notes.md", "arXiv:2404.16112\n"));
        Directory.CreateDirectory(Path.GetDirectoryName(repo.Catalog)!);
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 251)).ToArray();
        File.WriteAllBytes(repo.Catalog, garbage);

        var run = PaperLensProcess.Run(repo.Catalog, "check", repo.Root);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(repo.Catalog, line);
        Assert.Equal(garbage, File.ReadAllBytes(repo.Catalog));
    }

    [Fact]
    public void Usage_errors_exit_with_status_2()
    {
        using var repo = new TempRepo();
        var run = PaperLensProcess.Run(repo.Catalog, "check", repo.Root, "--format", "xml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("xml", run.Stderr);
    }
}
