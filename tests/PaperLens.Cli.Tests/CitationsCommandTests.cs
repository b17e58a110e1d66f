namespace PaperLens.Cli.Tests;

/// <summary>`paperlens citations` (spec §5): every citation with its form and title claim.</summary>
public class CitationsCommandTests
{
    [Fact]
    public void Json_lists_each_citation_with_form_version_and_title_claim()
    {
        using var repo = new TempRepo(
            ("notes.md", """
                ---
                bibliography: refs.bib
                ---
                See [Attention Is All You Need](https://arxiv.org/abs/1706.03762v5) and [@gu2023].
                """),
            ("refs.bib", """
                @article{gu2023,
                  title = {Mamba: Linear-Time Sequence Modeling with Selective State Spaces},
                  eprint = {2312.00752},
                  archivePrefix = {arXiv},
                }
                """));

        var run = PaperLensProcess.Run(repo.Catalog, "citations", repo.Root, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var rows = run.Json.GetProperty("citations").EnumerateArray()
            .Select(c => $"{c.GetProperty("path").GetString()}:{c.GetProperty("line").GetInt32()}:{c.GetProperty("column").GetInt32()} {c.GetProperty("form").GetString()} {c.GetProperty("id").GetString()} v{c.GetProperty("version")} {c.GetProperty("title")}")
            .ToList();
        Assert.Equal(
        [
            "notes.md:4:55 url 1706.03762 v5 Attention Is All You Need",
            "notes.md:4:75 citekey 2312.00752 v ",
            "refs.bib:3:13 bibtex 2312.00752 v Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
        ], rows);
    }
}
