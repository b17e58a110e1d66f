using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

public class WorkspaceSymbolTests
{
    private const string Notes = "# Reading list\n\n- Informer: https://arxiv.org/abs/2012.07436\n- arXiv:2404.16112\n- not yet in the catalog: arXiv:2312.00752\n";

    private static async Task<LspTestClient> StartAsync()
    {
        var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", Notes);
        await client.OpenAsync("model.py", "# Informer again: arXiv:2012.07436\n", "python");
        return client;
    }

    private static async Task<JsonElement[]> Query(LspTestClient client, string query) =>
        (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = query })).EnumerateArray().ToArray();

    [Fact]
    public async Task Cited_papers_are_symbols_named_by_title_in_their_first_author_and_year_at_the_first_citation()
    {
        await using var client = await StartAsync();

        var symbols = await Query(client, "");

        Assert.Equal(3, symbols.Length);
        var informer = Assert.Single(symbols, s => s.GetProperty("name").GetString()!.StartsWith("Informer:", StringComparison.Ordinal));
        Assert.Equal("Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting", informer.GetProperty("name").GetString());
        Assert.Equal(14, informer.GetProperty("kind").GetInt32());
        Assert.Equal("Zhou 2020", informer.GetProperty("containerName").GetString());
        var location = informer.GetProperty("location");
        Assert.Equal(client.Workspace.Uri("model.py"), location.GetProperty("uri").GetString());
        Assert.Equal((0, 24), (location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(), location.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32()));
        var unknown = Assert.Single(symbols, s => s.GetProperty("name").GetString() == "arXiv:2312.00752");
        Assert.False(unknown.TryGetProperty("containerName", out _));
    }

    [Fact]
    public async Task A_query_matching_nothing_or_an_empty_workspace_gives_no_symbols()
    {
        await using var client = await StartAsync();
        Assert.Empty(await Query(client, "transformer quantum"));

        await using var empty = await LspTestClient.StartAsync(new TestWorkspace());
        Assert.Empty(await Query(empty, ""));
    }
}
