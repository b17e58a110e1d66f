namespace PaperLens.Cli.Tests;

/// <summary>The Lua filter of the Quarto extension (<c>_extensions/paperlens</c>, the file its
/// <c>_extension.yml</c> names) run by Debian's real pandoc on a document, with the built paperlens on
/// PATH. Quarto is not packaged for Debian, so the extension is tested through the filter it contributes.</summary>
public sealed class PandocFilterTests
{
    // Not on arXiv's title (PL003, a warning), the emoji reaching the filter as a JSON surrogate pair; and a
    // paper the catalog lacks (PL009, information), which offline says nothing wrong.
    private const string Mismatched = "We build on \"Attention Is All You Need 😀\" (arXiv:1409.3215) and Mamba (arXiv:2312.00752).\n";

    private const string Warning = "paperlens: paper.md:1:51: warning PL003: title \"Attention Is All You Need 😀\" does not match arXiv:1409.3215 \"Sequence to Sequence Learning with Neural Networks\"";

    private static RunResult Pandoc(TempRepo repo, params string[] args) =>
        ToolProcess.Run(repo.Root, new Dictionary<string, string?> { ["PAPERLENS_CATALOG"] = repo.Catalog },
            "pandoc", ["--lua-filter", ExtensionFilter(), "paper.md", "-o", "paper.html", .. args]);

    /// <summary>The filter as Quarto loads it: the one <c>_extension.yml</c> contributes.</summary>
    private static string ExtensionFilter()
    {
        var extension = SourceTree.File("_extensions/paperlens");
        var lines = File.ReadAllLines(Path.Combine(extension, "_extension.yml"));
        var filter = lines.SkipWhile(l => l.Trim() != "filters:").Skip(1).First().Trim().TrimStart('-').Trim();
        return Path.Combine(extension, filter);
    }

    [ToolFact("pandoc", "pandoc")]
    public void A_wrong_citation_is_a_warning_on_stderr_and_the_document_is_still_converted()
    {
        using var repo = new TempRepo(("paper.md", Mismatched));

        var run = Pandoc(repo);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal([Warning], run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Attention Is All You Need", File.ReadAllText(Path.Combine(repo.Root, "paper.html")), StringComparison.Ordinal);
    }

    [ToolFact("pandoc", "pandoc")]
    public void Paperlens_fail_on_in_the_front_matter_fails_the_conversion()
    {
        using var repo = new TempRepo(("paper.md", "---\npaperlens-fail-on: warning\n---\n" + Mismatched));

        var run = Pandoc(repo);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(Warning.Replace("paper.md:1:", "paper.md:4:", StringComparison.Ordinal), run.Stderr, StringComparison.Ordinal);
        Assert.Contains("paperlens: 1 finding at or above paperlens-fail-on (warning)", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repo.Root, "paper.html")));
    }

    [ToolFact("pandoc", "pandoc")]
    public void Fail_on_error_lets_a_warning_through_and_fails_on_a_malformed_id()
    {
        using var repo = new TempRepo(("paper.md", Mismatched));

        var warned = Pandoc(repo, "-M", "paperlens-fail-on=error");
        Assert.True(warned.ExitCode == 0, warned.Stderr);

        repo.Write("paper.md", Mismatched + "\nA typo: arXiv:2313.00752\n");
        var failed = Pandoc(repo, "-M", "paperlens-fail-on=error");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("paperlens: paper.md:3:15: error PL001: malformed arXiv id '2313.00752'", failed.Stderr, StringComparison.Ordinal);
    }

    [ToolFact("pandoc", "pandoc")]
    public void A_clean_document_converts_without_a_word_even_when_failing_is_asked_for()
    {
        using var repo = new TempRepo(("paper.md", "---\npaperlens-fail-on: warning\n---\n\"Sequence to Sequence Learning with Neural Networks\" (arXiv:1409.3215)\n"));

        var run = Pandoc(repo);

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.True(File.Exists(Path.Combine(repo.Root, "paper.html")));
    }

    [ToolFact("pandoc", "pandoc")]
    public void Without_paperlens_on_PATH_the_filter_says_so()
    {
        using var repo = new TempRepo(("paper.md", Mismatched));

        var run = ToolProcess.Run(repo.Root, new Dictionary<string, string?> { ["PATH"] = "/usr/bin:/bin" },
            "pandoc", "--lua-filter", ExtensionFilter(), "paper.md", "-o", "paper.html");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("paperlens: could not check the document (is paperlens on PATH?)", run.Stderr, StringComparison.Ordinal);
    }
}
