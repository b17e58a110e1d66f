using System.Runtime.CompilerServices;
using PaperLens.Testing;

namespace PaperLens.Cli.Tests;

/// <summary><c>paperlens bib</c> run as a user would: entries for ids, for every paper a repository cites
/// (keys of its .bib kept), online through the loopback arXiv server, and what it writes read back by
/// <c>paperlens import</c> with nothing lost.</summary>
public sealed class BibCommandTests
{
    internal static string ExampleRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "examples", "research-notes"));

    [Fact]
    public void Ids_in_any_form_print_arxivs_layout_and_a_missing_one_is_a_line_and_status_1()
    {
        using var repo = new TempRepo();

        var run = PaperLensProcess.Run(repo.Catalog, "bib", "arXiv:1409.3215", "https://arxiv.org/abs/2404.16112v2", "2401.99999");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("""
            @misc{sutskever2014sequence,
                  title={Sequence to Sequence Learning with Neural Networks},
                  author={Ilya Sutskever and Oriol Vinyals and Quoc V. Le},
                  year={2014},
                  eprint={1409.3215},
                  archivePrefix={arXiv},
                  primaryClass={cs.CL},
                  url={https://arxiv.org/abs/1409.3215},
            }

            """.ReplaceLineEndings("\n"), run.Stdout[..(run.Stdout.IndexOf("\n\n", StringComparison.Ordinal) + 1)]);
        Assert.Contains("@misc{patro2024mamba,", run.Stdout, StringComparison.Ordinal);
        Assert.Equal($"paperlens: 2401.99999 is not in the catalog {repo.Catalog} (run online, or import the arXiv snapshot with 'paperlens import')", run.Stderr.Trim());
    }

    [Fact]
    public void Biblatex_style_writes_online_entries_with_eprinttype()
    {
        using var repo = new TempRepo();

        var run = PaperLensProcess.Run(repo.Catalog, "bib", "1409.3215", "--style", "biblatex");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("@online{sutskever2014sequence,\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("      eprinttype={arXiv},\n      eprintclass={cs.CL},\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_catalog_that_does_not_exist_and_a_path_without_cited_are_usage_errors()
    {
        using var repo = new TempRepo(("notes.md", "arXiv:1409.3215\n"));
        var missing = Path.Combine(repo.Root, "nope.db");

        var noCatalog = PaperLensProcess.Run(repo.Catalog, "bib", "1409.3215", "--catalog", missing);
        var path = PaperLensProcess.Run(repo.Catalog, "bib", repo.Root);

        Assert.Equal((2, $"paperlens: no catalog at {missing}"), (noCatalog.ExitCode, noCatalog.Stderr.Trim()));
        Assert.Equal((2, $"paperlens: {repo.Root} is a path, not an arXiv id: add --cited for the papers it cites"), (path.ExitCode, path.Stderr.Trim()));
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Cited_on_the_example_repository_writes_a_bib_that_imports_back_without_loss()
    {
        using var repo = new TempRepo();
        var run = PaperLensProcess.Run(repo.Catalog, "bib", "--cited", ExampleRoot());
        var written = repo.Write("out.bib", run.Stdout);
        var cited = PaperLensProcess.Run(repo.Catalog, "citations", ExampleRoot(), "--format", "json").Json.GetProperty("citations").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()).OfType<string>().Distinct().ToList();

        var imported = Path.Combine(repo.Root, "imported.db");
        var import = PaperLensProcess.Run(repo.Catalog, "import", written, "--catalog", imported);

        Assert.Equal(0, import.ExitCode);
        // The workspace's own keys are kept.
        Assert.Contains("@misc{sutskever2014seq2seq,", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("@misc{gu2021lssl,", run.Stdout, StringComparison.Ordinal);
        var entries = run.Stdout.Split("\n@").Length;
        var notInCatalog = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cited.Count, entries + notInCatalog.Length);
        Assert.Equal(notInCatalog.Length > 0 ? 1 : 0, run.ExitCode);
        foreach (var id in cited.Where(id => !run.Stderr.Contains(id, StringComparison.Ordinal)))
        {
            var original = PaperLensProcess.Run(repo.Catalog, "lookup", id, "--format", "json").Json.GetProperty("papers")[0];
            var back = PaperLensProcess.Run(imported, "lookup", id, "--format", "json").Json.GetProperty("papers")[0];
            foreach (var field in new[] { "id", "title", "authors", "doi", "journalRef" })
                Assert.Equal(original.GetProperty(field).ToString(), back.GetProperty(field).ToString());
        }
    }

    [Fact]
    public void Online_a_paper_the_catalog_lacks_is_asked_of_arxiv_once()
    {
        using var server = new LoopbackArxivServer();
        server.AddPaper("2401.00001", "Sparse Mixtures of Made-Up Experts", authors: ["Ada Lovelace", "Alan Turing"], published: new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        using var repo = new TempRepo();
        var online = new Dictionary<string, string?> { ["PAPERLENS_OFFLINE"] = null, ["PAPERLENS_ARXIV_API"] = server.ApiBase.ToString() };

        var run = PaperLensProcess.Run(repo.Catalog, online, "bib", "2401.00001", "1409.3215");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2401.00001"], Assert.Single(server.Requests).IdList);
        Assert.StartsWith("@misc{lovelace2024sparse,\n      title={Sparse Mixtures of Made-Up Experts},\n      author={Ada Lovelace and Alan Turing},\n      year={2024},\n", run.Stdout, StringComparison.Ordinal);
    }
}
