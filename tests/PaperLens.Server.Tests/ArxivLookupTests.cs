using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PaperLens.Testing;

namespace PaperLens.Server.Tests;

/// <summary>Issue 4, the editor side of arXiv lookups, against the loopback stand-in for arXiv: hover and
/// diagnostics answer from the catalog at once, a lookup in the background refreshes them when it lands,
/// faults and the offline setting leave the editor working, and title completion asks arXiv when the
/// catalog has little to offer.</summary>
public class ArxivLookupTests
{
    private const string AttentionTitle = "Attention Is All You Need";

    // arXiv's pacing: a request waits this long after the previous one ended.
    private static readonly TimeSpan PacingInterval = TimeSpan.FromSeconds(3);

    private static string Atom(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "atom", name);

    private static JsonObject Capabilities(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public async Task A_paper_the_catalog_lacks_is_looked_up_in_the_background_then_diagnostics_and_hover_show_what_arXiv_said()
    {
        using var arxiv = new LoopbackArxivServer();
        arxiv.AddEntriesFromFile(Atom("francojc_lumen__arxiv_get_by_id.xml"));
        arxiv.AddPaper("2101.00001", "A Paper Looked Up First");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), arxiv: arxiv, clock: clock);
        // A first lookup; the pacing then holds the next one until the test moves the clock on, so the
        // hover below certainly comes before the lookup it asks about.
        await client.OpenAsync("first.md", "arXiv:2101.00001\n");
        await client.WaitForLogAsync("arXiv lookup: 1 found");

        var fixture = CursorFixture.Parse("Transformers: arXiv:1706.03$0762. Typo: arXiv:2101.99999\n");
        await client.OpenAsync("paper.md", fixture.Text);
        var uri = client.Workspace.Uri("paper.md");

        var pending = await HoverText(client, uri, fixture.Cursor);
        Assert.Contains("is not in the local catalog yet", pending);
        Assert.Contains("Looking it up on arXiv", pending);
        Assert.Equal(["PL009", "PL009"], Codes(await client.WaitForDiagnosticsAsync(uri, d => d.GetArrayLength() == 2)));

        clock.Advance(PacingInterval);

        var settled = await client.WaitForDiagnosticsAsync(uri, d => Codes(d).SequenceEqual(["PL002"]));
        Assert.Equal(fixture.Text.IndexOf("2101.99999", StringComparison.Ordinal), settled[0].GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        var found = await HoverText(client, uri, fixture.Cursor);
        Assert.Contains(AttentionTitle, found);
        Assert.DoesNotContain("Looking it up", found);
        Assert.Equal([["2101.00001"], ["1706.03762", "2101.99999"]], (await AnsweredRequests(arxiv, 2)).Select(r => r.IdList.Order().ToList()));
    }

    [Fact]
    public async Task A_client_that_pulls_diagnostics_is_asked_to_pull_again_when_a_lookup_lands()
    {
        using var arxiv = new LoopbackArxivServer();
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), Capabilities("""
            { "textDocument": { "diagnostic": {} },
              "workspace": { "diagnostics": { "refreshSupport": true }, "inlayHint": { "refreshSupport": true } } }
            """), arxiv: arxiv);
        await client.OpenAsync("a.md", "Typo: arXiv:2101.99999\n");

        await client.WaitForAsync("workspace/diagnostic/refresh");
        await client.WaitForAsync("workspace/inlayHint/refresh");

        var report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.Workspace.Uri("a.md") } });
        Assert.Equal(["PL002"], Codes(report.GetProperty("items")));
        Assert.DoesNotContain(client.Notifications, n => n.Method == "textDocument/publishDiagnostics");
    }

    [Fact]
    public async Task Offline_nothing_is_asked_of_arXiv_until_the_setting_is_turned_off()
    {
        using var arxiv = new LoopbackArxivServer();
        arxiv.AddEntriesFromFile(Atom("francojc_lumen__arxiv_get_by_id.xml"));
        arxiv.AddSearch("pyramid", File.ReadAllText(Atom("francojc_lumen__arxiv_search.xml")));
        var paper = CursorFixture.Parse("Transformers: arXiv:1706.03$0762\n");
        var comment = CursorFixture.Parse("# see arXiv:pyramid$0\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), initializationOptions: new JsonObject { ["offline"] = true }, arxiv: arxiv);
        await client.OpenAsync("paper.md", paper.Text);
        await client.OpenAsync("model.py", comment.Text, "python");
        var uri = client.Workspace.Uri("paper.md");

        Assert.Equal(["PL009"], Codes(await client.WaitForDiagnosticsAsync(uri, d => d.GetArrayLength() == 1)));
        var hover = await HoverText(client, uri, paper.Cursor);
        Assert.Contains("Offline", hover);
        Assert.DoesNotContain("Looking it up", hover);
        var list = await Complete(client, "model.py", comment);
        Assert.False(list.GetProperty("isIncomplete").GetBoolean());
        Assert.Empty(arxiv.Requests);

        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["paperlens"] = new JsonObject { ["offline"] = false } } });

        await client.WaitForDiagnosticsAsync(uri, d => d.GetArrayLength() == 0);
        Assert.Contains(AttentionTitle, await HoverText(client, uri, paper.Cursor));
        Assert.Equal(["1706.03762"], Assert.Single(await AnsweredRequests(arxiv, 1)).IdList);
    }

    [Fact]
    public async Task When_arXiv_fails_the_citation_stays_not_in_catalog_and_the_server_keeps_answering()
    {
        using var arxiv = new LoopbackArxivServer();
        arxiv.AddEntriesFromFile(Atom("francojc_lumen__arxiv_get_by_id.xml"));
        arxiv.FailNext(ArxivFault.Html);
        var paper = CursorFixture.Parse("Transformers: arXiv:1706.03$0762\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), arxiv: arxiv);
        await client.OpenAsync("paper.md", paper.Text);
        var uri = client.Workspace.Uri("paper.md");

        // Answered while the lookup retries (arXiv's pacing and backoff take seconds).
        Assert.Contains("is not in the local catalog yet", await HoverText(client, uri, paper.Cursor));
        await client.WaitForLogAsync("arXiv lookup of 1 of 1 papers failed", TimeSpan.FromSeconds(60));

        var hover = await HoverText(client, uri, paper.Cursor);
        Assert.Contains("is not in the local catalog yet", hover);
        Assert.Contains("The arXiv lookup failed", hover);
        Assert.Equal(["PL009"], Codes(await client.WaitForDiagnosticsAsync(uri, d => d.GetArrayLength() == 1)));
        Assert.NotEmpty(arxiv.Requests);
        Assert.All(arxiv.Requests, r => Assert.Equal(["1706.03762"], r.IdList));
    }

    [Fact]
    public async Task Completion_with_few_local_matches_searches_arXiv_titles_and_the_next_list_shows_what_it_found()
    {
        using var arxiv = new LoopbackArxivServer();
        arxiv.AddSearch("pyramid", File.ReadAllText(Atom("francojc_lumen__arxiv_search.xml")));
        var comment = CursorFixture.Parse("# see arXiv:pyramid$0\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), arxiv: arxiv);
        await client.OpenAsync("model.py", comment.Text, "python");

        var first = await Complete(client, "model.py", comment);
        Assert.True(first.GetProperty("isIncomplete").GetBoolean());
        Assert.DoesNotContain(Labels(first), l => l.StartsWith("PyramidTNT", StringComparison.Ordinal));
        await client.WaitForLogAsync("arXiv title search 'pyramid'");

        var next = await Complete(client, "model.py", comment);
        var item = Assert.Single(next.GetProperty("items").EnumerateArray(), i => i.GetProperty("label").GetString()!.StartsWith("PyramidTNT", StringComparison.Ordinal));
        Assert.Equal("2201.00978", item.GetProperty("textEdit").GetProperty("newText").GetString());
        Assert.False(next.GetProperty("isIncomplete").GetBoolean());
        var search = Assert.Single(await AnsweredRequests(arxiv, 1));
        Assert.Contains("ti:pyramid", search.SearchQuery);
    }

    [Fact]
    public async Task The_real_server_looks_papers_up_at_PAPERLENS_ARXIV_API_and_publishes_what_it_learned()
    {
        using var arxiv = new LoopbackArxivServer();
        arxiv.AddEntriesFromFile(Atom("francojc_lumen__arxiv_get_by_id.xml"));
        var workspace = new TestWorkspace(("notes.md", "Transformers: arXiv:1706.03762. Typo: arXiv:2101.99999\n"));
        await using var server = StdioProcess.Start(workspace, arxiv.ApiBase);
        await server.InitializeAsync(workspace);

        var published = await server.WaitForDiagnosticsAsync(workspace.Uri("notes.md"),
            p => p["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).SequenceEqual(["PL002"]));

        Assert.Equal("2101.99999", published["diagnostics"]![0]!["data"]!["id"]!.GetValue<string>());
        var request = Assert.Single(await AnsweredRequests(arxiv, 1));
        Assert.Equal(["1706.03762", "2101.99999"], request.IdList.Order());
        Assert.StartsWith("PaperLens/", request.UserAgent);
        Assert.Equal(0, await ShutdownAsync(server));
    }

    private static async Task<int> ShutdownAsync(StdioProcess server)
    {
        await server.RequestAsync("shutdown", null);
        await server.NotifyAsync("exit", null);
        return await server.WaitForExitAsync();
    }

    private static async Task<string> HoverText(LspTestClient client, string uri, (int Line, int Character) position)
    {
        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(uri, position));
        return hover.GetProperty("contents").GetProperty("value").GetString()!;
    }

    /// <summary>The loopback server records a request just after answering it; this waits for the record.</summary>
    internal static async Task<IReadOnlyList<RecordedRequest>> AnsweredRequests(LoopbackArxivServer arxiv, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (arxiv.Requests.Count < count && DateTime.UtcNow < deadline) await Task.Delay(10);
        return arxiv.Requests;
    }

    private static Task<JsonElement> Complete(LspTestClient client, string path, CursorFixture fixture)
    {
        var request = LspTestClient.Position(client.Workspace.Uri(path), fixture.Cursor);
        request["context"] = new JsonObject { ["triggerKind"] = 1 };
        return client.RequestAsync("textDocument/completion", request);
    }

    private static IEnumerable<string> Labels(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!);

    private static List<string> Codes(JsonElement diagnostics) =>
        diagnostics.EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToList();
}
