namespace PaperLens.Cli.Tests;

/// <summary>`paperlens lookup` and `paperlens import` on a real catalog file.</summary>
public class LookupAndImportTests
{
    [Fact]
    public void Lookup_by_id_shows_the_bundled_record_with_a_human_date()
    {
        using var repo = new TempRepo();
        var run = PaperLensProcess.Run(repo.Catalog, "lookup", "arXiv:2404.16112");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Mamba-360: Survey of State Space Models as Transformer Alternative", run.Stdout);
        Assert.Contains("B. N. Patro and V. S. Agneeswaran", run.Stdout);
        Assert.Matches(@"submitted Apr 24, 2024 \(\w+ years? ago\)", run.Stdout);
        Assert.Contains("https://arxiv.org/abs/2404.16112", run.Stdout);
    }

    [Fact]
    public void Lookup_by_words_ranks_matching_titles_and_prints_json()
    {
        using var repo = new TempRepo();
        var run = PaperLensProcess.Run(repo.Catalog, "lookup", "mamba time series", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var ids = run.Json.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("2403.11144", ids);
        Assert.DoesNotContain("1409.3215", ids);
    }

    [Fact]
    public void Lookup_of_an_unknown_id_offline_says_so_and_fails()
    {
        using var repo = new TempRepo();
        var run = PaperLensProcess.Run(repo.Catalog, "lookup", "2312.00752");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2312.00752", run.Stderr);
    }

    [Fact]
    public void Import_of_a_snapshot_makes_its_papers_known()
    {
        using var repo = new TempRepo();
        var snapshot = repo.Write("snap.jsonl", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "arxiv-snapshot-head200.jsonl")));

        var import = PaperLensProcess.Run(repo.Catalog, "import", snapshot);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("200", import.Stdout);

        var lookup = PaperLensProcess.Run(repo.Catalog, "lookup", "0704.0001");
        Assert.Equal(0, lookup.ExitCode);
        Assert.Contains("Calculation of prompt diphoton production cross sections", lookup.Stdout);
        Assert.Contains("Balázs", lookup.Stdout);

        var again = PaperLensProcess.Run(repo.Catalog, "import", snapshot);
        Assert.Equal(0, again.ExitCode);
    }

    [Fact]
    public void Import_of_a_bib_file_adds_its_papers_but_never_replaces_arxivs_records()
    {
        using var repo = new TempRepo();
        var bib = repo.Write("refs.bib", """
            @article{gu2023, title = {Mamba: Linear-Time Sequence Modeling with Selective State Spaces},
              author = {Gu, Albert and Dao, Tri}, eprint = {2312.00752}, archivePrefix = {arXiv}}
            @article{wrong, title = {A Title arXiv Does Not Have}, eprint = {2404.16112}, archivePrefix = {arXiv}}
            """);

        var import = PaperLensProcess.Run(repo.Catalog, "import", bib);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("2 entries read, 1 new", import.Stdout);

        Assert.Contains("Mamba: Linear-Time Sequence Modeling", PaperLensProcess.Run(repo.Catalog, "lookup", "2312.00752").Stdout);
        Assert.Contains("Mamba-360: Survey of State Space Models", PaperLensProcess.Run(repo.Catalog, "lookup", "2404.16112").Stdout);
    }

    [Fact]
    public void Import_of_a_missing_file_names_it()
    {
        using var repo = new TempRepo();
        var run = PaperLensProcess.Run(repo.Catalog, "import", Path.Combine(repo.Root, "missing.jsonl"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing.jsonl", run.Stderr);
    }
}
