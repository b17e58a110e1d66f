namespace PaperLens.Cli.Tests;

/// <summary>Spec §5: an explicit --catalog or PAPERLENS_CATALOG naming a file that does not exist is an
/// error (a typo must not silently create an empty catalog); import creates it; the default catalog is
/// created and seeded on first use.</summary>
public class CatalogChoiceTests
{
    public static TheoryData<string[]> CommandsReadingTheCatalog => new()
    {
        new[] { "check", "." },
        new[] { "citations", "." },
        new[] { "lookup", "2404.16112" },
        new[] { "lsp" },
    };

    [Theory]
    [MemberData(nameof(CommandsReadingTheCatalog))]
    public void A_catalog_named_in_PAPERLENS_CATALOG_that_does_not_exist_is_an_error_and_is_not_created(string[] command)
    {
        using var repo = new TempRepo(("notes.md", "arXiv:2404.16112\n"));
        var typo = Path.Combine(repo.Root + "-cache", "catalgo.db");

        var run = PaperLensProcess.Run(typo, [.. command.Select(a => a == "." ? repo.Root : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"paperlens: no catalog at {typo}\n", run.Stderr);
        Assert.False(File.Exists(typo));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("lookup")]
    [InlineData("lsp")]
    public void A_catalog_named_by_the_catalog_option_that_does_not_exist_is_an_error_and_is_not_created(string command)
    {
        using var repo = new TempRepo(("notes.md", "arXiv:2404.16112\n"));
        var typo = Path.Combine(repo.Root + "-cache", "catalgo.db");
        string[] arguments = command switch
        {
            "check" => ["check", repo.Root, "--catalog", typo],
            "lookup" => ["lookup", "2404.16112", "--catalog", typo],
            _ => ["lsp", "--catalog", typo],
        };

        var run = PaperLensProcess.Run(repo.Catalog, arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"paperlens: no catalog at {typo}\n", run.Stderr);
        Assert.False(File.Exists(typo));
    }

    [Fact]
    public void Import_creates_a_catalog_it_is_told_to_use()
    {
        using var repo = new TempRepo();
        var bib = repo.Write("refs.bib", "@article{gu2023, title = {Mamba}, eprint = {2312.00752}, archivePrefix = {arXiv}}\n");
        var created = Path.Combine(repo.Root + "-cache", "new", "catalog.db");

        var run = PaperLensProcess.Run(repo.Catalog, "import", bib, "--catalog", created);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"catalog {created}: 58 papers", run.Stdout);
    }

    [Fact]
    public void The_default_catalog_is_created_and_seeded_on_first_use()
    {
        using var repo = new TempRepo();
        var cacheHome = Path.Combine(repo.Root + "-cache", "xdg");
        var environment = new Dictionary<string, string?> { ["PAPERLENS_CATALOG"] = null, ["XDG_CACHE_HOME"] = cacheHome };

        var run = PaperLensProcess.Run(repo.Catalog, environment, "lookup", "2404.16112");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Mamba-360: Survey of State Space Models as Transformer Alternative", run.Stdout);
        Assert.True(File.Exists(Path.Combine(cacheHome, "paperlens", "catalog.db")));
    }
}
