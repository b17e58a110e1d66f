namespace PaperLens.Cli.Tests;

/// <summary>`paperlens citations` (spec §5): every citation with its form and the claims beside it.</summary>
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

    [Fact]
    public void Json_gives_each_citation_its_title_name_and_author_year_claims()
    {
        using var repo = new TempRepo(
            ("README.md", """
                - [Direct Preference Optimization (DPO)](https://arxiv.org/abs/2305.18290)
                - [Vaswani et al. (2017)](https://arxiv.org/abs/1706.03762)
                - Gu, A., & Dao, T. (2023). Mamba: Linear-Time Sequence Modeling with Selective State Spaces. arXiv:2312.00752
                - [ICML 2024] Transformers are SSMs: Generalized Models and Efficient Algorithms [paper](https://arxiv.org/abs/2405.21060)
                """),
            ("refs.bib", """
                @article{gu2023,
                  title = {Mamba},
                  author = {Gu, Albert and Dao, Tri},
                  year = {2023},
                  eprint = {2312.00752},
                  archivePrefix = {arXiv},
                }
                """));

        var run = PaperLensProcess.Run(repo.Catalog, "citations", repo.Root, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var rows = run.Json.GetProperty("citations").EnumerateArray()
            .Select(c => $"{c.GetProperty("path").GetString()}:{c.GetProperty("line").GetInt32()} {c.GetProperty("id").GetString()} " +
                $"title={c.GetProperty("title")} name={c.GetProperty("name")} authors={c.GetProperty("authors")} year={c.GetProperty("year")}")
            .ToList();
        Assert.Equal(
        [
            "README.md:1 2305.18290 title= name=Direct Preference Optimization (DPO) authors= year=",
            "README.md:2 1706.03762 title= name= authors=Vaswani et al. year=2017",
            "README.md:3 2312.00752 title=Mamba: Linear-Time Sequence Modeling with Selective State Spaces name= authors=Gu, A., & Dao, T. year=2023",
            "README.md:4 2405.21060 title=Transformers are SSMs: Generalized Models and Efficient Algorithms name= authors= year=",
            "refs.bib:5 2312.00752 title=Mamba name= authors=Gu, Albert and Dao, Tri year=2023",
        ], rows);
    }
}
