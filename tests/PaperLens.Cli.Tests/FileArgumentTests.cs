namespace PaperLens.Cli.Tests;

/// <summary>`check FILE...` and `citations PATH...` (spec §5): a file is checked with the .bib files and
/// configuration of the workspace it lies in, and only its findings are reported, with paths relative to
/// that workspace's root.</summary>
public class FileArgumentTests
{
    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static TempRepo Workspace() => new(
        (".paperlens.json", """{ "rules": { "PL001": "warning" } }"""),
        ("refs.bib", """
            @article{gu2023,
              title = {Mamba: Linear-Time Sequence Modeling with Selective State Spaces},
              eprint = {2312.00752},
              archivePrefix = {arXiv},
            }
            """),
        ("a/b.md", "Mamba [@gu2023], a key no entry has [@nobody2020], a typo arXiv:2313.00752.\n"),
        ("other.md", "Another typo: arXiv:2499.99999 and [@missing2021].\n"));

    [Fact]
    public void A_file_in_a_workspace_resolves_keys_from_its_bib_takes_its_config_and_reports_only_itself()
    {
        using var repo = Workspace();

        var run = PaperLensProcess.Run(repo.Catalog, "check", Path.Combine(repo.Root, "a", "b.md"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
        [
            "a/b.md:1:39: error PL008: citation key '@nobody2020' matches no entry in the workspace's .bib files",
            "a/b.md:1:65: warning PL001: malformed arXiv id '2313.00752': month 13 does not exist (YYMM must have a month 01-12)",
        ], Lines(run.Stdout));
        Assert.Equal(["3 citations in 1 file: 1 error, 1 warning"], Lines(run.Stderr));
    }

    [Fact]
    public void Several_files_of_one_workspace_are_read_once_and_listed_relative_to_its_root()
    {
        using var repo = Workspace();

        var run = PaperLensProcess.Run(repo.Catalog, "citations", Path.Combine(repo.Root, "other.md"), Path.Combine(repo.Root, "a", "b.md"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
        [
            "a/b.md:1:9: citekey 2312.00752",
            "a/b.md:1:39: citekey unresolved key",
            "a/b.md:1:65: prefix malformed",
            "other.md:1:21: prefix malformed",
            "other.md:1:38: citekey unresolved key",
        ], Lines(run.Stdout));
    }

    [Fact]
    public void A_file_the_walk_leaves_out_is_named_on_stderr_and_a_missing_one_is_an_error()
    {
        using var repo = Workspace();
        var image = repo.Write("a/figure.png", "not really a picture");
        repo.Write(".gitignore", "drafts/\n");
        var draft = repo.Write("drafts/old.md", "arXiv:2313.00752\n");

        var unread = PaperLensProcess.Run(repo.Catalog, "check", image, draft);
        Assert.Equal(0, unread.ExitCode);
        Assert.Equal("", unread.Stdout);
        Assert.Equal(
        [
            "paperlens: a/figure.png is not checked: PaperLens reads no citations from this kind of file",
            "paperlens: drafts/old.md is not checked: the walk leaves it out (.gitignore, a folder such as node_modules or build output, or include/exclude in .paperlens.json)",
            "0 citations in 0 files: no problems",
        ], Lines(unread.Stderr));

        var missing = Path.Combine(repo.Root, "a", "typo.md");
        var failed = PaperLensProcess.Run(repo.Catalog, "check", missing);
        Assert.Equal(2, failed.ExitCode);
        Assert.Equal([$"paperlens: no such file or directory: {missing}"], Lines(failed.Stderr));
    }
}
