using PaperLens.Testing;

namespace PaperLens.Cli.Tests;

/// <summary>`paperlens check` and `lookup` online, with the loopback server standing in for arXiv
/// (PAPERLENS_ARXIV_API), and `import` of a saved API response.</summary>
public sealed class OnlineCommandTests
{
    private const string KnownId = "2401.00001";
    private const string UnknownId = "2401.99999";
    private const string KnownTitle = "Sparse Mixtures of Made-Up Experts";

    private static Dictionary<string, string?> Online(LoopbackArxivServer server) => new()
    {
        ["PAPERLENS_OFFLINE"] = null,
        ["PAPERLENS_ARXIV_API"] = server.ApiBase.ToString(),
    };

    private static LoopbackArxivServer ServerKnowing(string id, string title)
    {
        var server = new LoopbackArxivServer();
        server.AddPaper(id, title, versions: 3, authors: ["Ada Lovelace", "Alan Turing"]);
        return server;
    }

    private static List<string> Findings(RunResult run) =>
        run.Json.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("id").GetString()}")
            .ToList();

    [Fact]
    public void Check_asks_arxiv_once_so_an_unknown_id_is_pl002_and_a_known_one_gets_its_record()
    {
        using var server = ServerKnowing(KnownId, KnownTitle);
        using var repo = new TempRepo(("notes.md", $"Read arXiv:{KnownId}v2 and arXiv:{UnknownId}.\n"));

        var run = PaperLensProcess.Run(repo.Catalog, Online(server), "check", repo.Root, "--format", "json");

        Assert.Equal([$"PL005 {KnownId}", $"PL002 {UnknownId}"], Findings(run));
        var request = Assert.Single(server.Requests);
        Assert.Equal([KnownId, UnknownId], request.IdList);
        Assert.StartsWith("PaperLens/", request.UserAgent, StringComparison.Ordinal);
        var lookup = PaperLensProcess.Run(repo.Catalog, "lookup", KnownId, "--format", "json");
        var paper = lookup.Json.GetProperty("papers")[0];
        Assert.Equal(KnownTitle, paper.GetProperty("title").GetString());
        Assert.Equal(3, paper.GetProperty("latestVersion").GetInt32());
    }

    [Fact]
    public void A_second_check_answers_from_the_catalog_without_asking_again()
    {
        using var server = ServerKnowing(KnownId, KnownTitle);
        using var repo = new TempRepo(("notes.md", $"Read arXiv:{KnownId} and arXiv:{UnknownId}.\n"));

        var first = PaperLensProcess.Run(repo.Catalog, Online(server), "check", repo.Root, "--format", "json");
        var second = PaperLensProcess.Run(repo.Catalog, Online(server), "check", repo.Root, "--format", "json");

        Assert.Equal(Findings(first), Findings(second));
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("environment")]
    [InlineData("configuration")]
    public void Offline_sends_nothing_and_unknown_ids_stay_pl009(string how)
    {
        using var server = ServerKnowing(KnownId, KnownTitle);
        using var repo = new TempRepo(("notes.md", $"Read arXiv:{KnownId}.\n"));
        var environment = Online(server);
        var args = new List<string> { "check", repo.Root, "--format", "json" };
        switch (how)
        {
            case "flag": args.Add("--offline"); break;
            case "environment": environment["PAPERLENS_OFFLINE"] = "1"; break;
            default: repo.Write(".paperlens.json", """{"offline": true}"""); break;
        }

        var run = PaperLensProcess.Run(repo.Catalog, environment, [.. args]);

        Assert.Equal([$"PL009 {KnownId}"], Findings(run));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void When_arxiv_cannot_be_reached_the_check_still_reports_and_says_why_on_stderr()
    {
        using var server = ServerKnowing(KnownId, KnownTitle);
        server.FailNext(ArxivFault.ErrorFeed);
        using var repo = new TempRepo(("notes.md", $"Read arXiv:{KnownId}.\n"));

        var run = PaperLensProcess.Run(repo.Catalog, Online(server), "check", repo.Root, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"PL009 {KnownId}"], Findings(run));
        Assert.Contains("could not ask arXiv about 1 paper", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("arXiv refused the query", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_of_an_unknown_id_asks_arxiv_and_shows_the_record()
    {
        using var server = ServerKnowing(KnownId, KnownTitle);
        using var repo = new TempRepo();

        var run = PaperLensProcess.Run(repo.Catalog, Online(server), "lookup", $"arXiv:{KnownId}");
        var missing = PaperLensProcess.Run(repo.Catalog, Online(server), "lookup", UnknownId);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(KnownTitle, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Lovelace", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"arXiv has no paper {UnknownId}", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal([[KnownId], [UnknownId]], server.Requests.Select(r => r.IdList));
    }

    [Fact]
    public void A_malformed_api_url_is_a_usage_failure_naming_the_variable()
    {
        using var repo = new TempRepo(("notes.md", "Read arXiv:2401.00001.\n"));
        var environment = new Dictionary<string, string?> { ["PAPERLENS_OFFLINE"] = null, ["PAPERLENS_ARXIV_API"] = "export.arxiv.org" };

        var run = PaperLensProcess.Run(repo.Catalog, environment, "check", repo.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PAPERLENS_ARXIV_API", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_processes_sharing_a_catalog_keep_to_one_request_every_three_seconds_between_them()
    {
        using var server = new LoopbackArxivServer();
        static string Cites(int from) => string.Join('\n', Enumerable.Range(from, 150).Select(n => $"arXiv:2405.{n:D5}"));
        using var first = new TempRepo(("a.md", Cites(1)));
        using var second = new TempRepo(("b.md", Cites(1001)));

        var runs = await Task.WhenAll(
            Task.Run(() => PaperLensProcess.Run(first.Catalog, Online(server), "check", first.Root, "--format", "json")),
            Task.Run(() => PaperLensProcess.Run(first.Catalog, Online(server), "check", second.Root, "--format", "json")));

        Assert.All(runs, run => Assert.Equal(150, Findings(run).Count(f => f.StartsWith("PL002", StringComparison.Ordinal))));
        var requests = server.Requests.OrderBy(r => r.ArrivedAt).ToList();
        Assert.Equal(4, requests.Count);
        foreach (var (earlier, later) in requests.Zip(requests.Skip(1)))
        {
            Assert.True(later.ArrivedAt - earlier.ArrivedAt >= TimeSpan.FromSeconds(3), $"{earlier.ArrivedAt:O} then {later.ArrivedAt:O}");
            Assert.True(later.ArrivedAt >= earlier.FinishedAt, "a request arrived before the previous one was answered");
        }
    }

    [Fact]
    public void Import_of_a_saved_api_response_adds_its_papers_and_a_truncated_one_adds_nothing()
    {
        using var repo = new TempRepo();
        var feed = Path.Combine(AppContext.BaseDirectory, "fixtures", "atom", "saeedrafsharx_arxiv-digest__arxiv_response.xml");
        var text = File.ReadAllText(feed);
        var truncated = repo.Write("cut.xml", text[..(text.Length / 2)]);

        var imported = PaperLensProcess.Run(repo.Catalog, "import", feed);
        var refused = PaperLensProcess.Run(repo.Catalog, "import", truncated);

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("10 records read, 10 new", imported.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("nothing was imported", refused.Stderr, StringComparison.Ordinal);
        var titles = PaperLensProcess.Run(repo.Catalog, "lookup", "nicotine", "--format", "json").Json.GetProperty("papers")
            .EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Contains("Single Molecule Transistor based Nanopore for the detection of Nicotine", titles);
    }

    [Fact]
    public void Check_online_finds_the_paper_a_title_under_the_wrong_id_names_with_one_remembered_title_search()
    {
        const string onlyArxivKnows = "Modeling Novel Oral Nicotine Use Among Adolescents";
        using var server = new LoopbackArxivServer();
        server.AddSearch("nicotine", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "atom", "saeedrafsharx_arxiv-digest__arxiv_response.xml")));
        using var repo = new TempRepo(("notes.md",
            $"- \"{onlyArxivKnows}\" (arXiv:1409.3215)\n- \"Recurrent Octopus Networks for Invented Tasks\" (arXiv:2404.16112)\n"));

        var first = PaperLensProcess.Run(repo.Catalog, Online(server), "check", repo.Root, "--format", "json");
        var second = PaperLensProcess.Run(repo.Catalog, Online(server), "check", repo.Root, "--format", "json");

        var messages = first.Json.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("code").GetString() == "PL003").Select(d => d.GetProperty("message").GetString()!).ToList();
        Assert.Equal(2, messages.Count);
        Assert.EndsWith("; it is the title of arXiv:2511.17570", messages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("it is the title of", messages[1], StringComparison.Ordinal);
        // One search each, in the first check only: the paper found is in the catalog, the search that
        // found nothing is remembered.
        var searches = server.Requests.Where(r => r.SearchQuery is not null).Select(r => r.SearchQuery!).ToList();
        Assert.Equal(["ti:modeling AND ti:novel AND ti:oral AND ti:nicotine AND ti:use AND ti:among AND ti:adolescents",
            "ti:recurrent AND ti:octopus AND ti:networks AND ti:for AND ti:invented AND ti:tasks"], searches);
        Assert.Equal(Findings(first), Findings(second));
        Assert.Equal(second.Json.GetProperty("diagnostics").ToString(), first.Json.GetProperty("diagnostics").ToString());
    }
}
