using System.Text.Json;
using System.Text.Json.Nodes;
using PaperLens.Core.Identifiers;
using PaperLens.Server.Protocol;

namespace PaperLens.Server.Tests;

/// <summary>Settings changed while the server runs: validated whole before anything changes, from the
/// client or from .paperlens.json, and a catalog switch that never closes the catalog under a read.</summary>
public class SessionSettingsTests
{
    private const string Mamba = "Mamba-360";

    private static JsonObject CatalogSetting(string path) => new() { ["catalog"] = path };

    private static async Task<string> HoverAsync(LspTestClient client, string relativePath, (int Line, int Character) at)
    {
        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(client.Workspace.Uri(relativePath), at));
        return hover.GetProperty("contents").GetProperty("value").GetString()!;
    }

    [Fact]
    public async Task A_catalog_setting_naming_a_file_that_is_no_catalog_is_refused_and_status_and_hovers_stay_on_the_catalog_read()
    {
        var workspace = new TestWorkspace(("notes.txt", "not a catalog\n"));
        await using var client = await LspTestClient.StartAsync(workspace, initializationOptions: CatalogSetting(workspace.CatalogPath), catalogOnCommandLine: false);
        await client.OpenAsync("a.md", "See arXiv:2404.16112.\n");
        Assert.Contains(Mamba, await HoverAsync(client, "a.md", (0, 12)));
        var notACatalog = Path.Combine(workspace.Root, "notes.txt");

        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["paperlens"] = CatalogSetting(notACatalog) } });

        var shown = await client.WaitForAsync("window/showMessage");
        Assert.Contains("not applied", shown!["message"]!.GetValue<string>());
        Assert.Contains(notACatalog, shown["message"]!.GetValue<string>());
        var status = await client.RequestAsync("paperlens/status", null);
        Assert.Equal(Path.GetFullPath(workspace.CatalogPath), status.GetProperty("catalog").GetString());
        Assert.Contains(Mamba, await HoverAsync(client, "a.md", (0, 12)));
        Assert.Equal("not a catalog\n", await File.ReadAllTextAsync(notACatalog));
    }

    [Fact]
    public async Task A_paperlens_json_naming_a_file_that_is_no_catalog_is_refused_the_same_way()
    {
        var workspace = new TestWorkspace(("notes.txt", "not a catalog\n"));
        workspace.Write(".paperlens.json", JsonSerializer.Serialize(new { catalog = workspace.CatalogPath }));
        // The client watches files (dynamic registration), so the change arrives once, when the test says.
        var capabilities = JsonNode.Parse("""{ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }""")!.AsObject();
        await using var client = await LspTestClient.StartAsync(workspace, capabilities, catalogOnCommandLine: false);
        await client.OpenAsync("a.md", "See arXiv:2404.16112.\n");

        workspace.Write(".paperlens.json", JsonSerializer.Serialize(new { catalog = Path.Combine(workspace.Root, "notes.txt") }));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = workspace.Uri(".paperlens.json"), ["type"] = 2 }),
        });

        await client.WaitForAsync("window/showMessage", p => p!["message"]!.GetValue<string>().Contains("not applied", StringComparison.Ordinal));
        var status = await client.RequestAsync("paperlens/status", null);
        Assert.Equal(Path.GetFullPath(workspace.CatalogPath), status.GetProperty("catalog").GetString());
        Assert.Contains(Mamba, await HoverAsync(client, "a.md", (0, 12)));
    }

    [Fact]
    public void A_snapshot_taken_before_the_catalog_switches_reads_its_catalog_until_it_is_disposed()
    {
        using var workspace = new TestWorkspace();
        var other = Path.Combine(Path.GetDirectoryName(workspace.CatalogPath)!, "other.db");
        // No connection: each message is handled on the calling thread, in the order of the calls.
        using var server = new LanguageServer(new LanguageServerOptions { Offline = true, Log = _ => { } });
        server.Initialize(new InitializeParams
        {
            RootUri = workspace.Uri(""),
            InitializationOptions = JsonSerializer.SerializeToElement(new { catalog = workspace.CatalogPath }),
        });
        var mamba = ArxivId.Of("2404.16112");

        var before = server.TakeSnapshot();
        server.DidChangeConfiguration(new DidChangeConfigurationParams(JsonSerializer.SerializeToElement(new { paperlens = new { catalog = other } })));
        using var after = server.TakeSnapshot();

        Assert.Equal(other, after.Papers.Path);
        Assert.Equal(Path.GetFullPath(workspace.CatalogPath), before.Papers.Path);
        Assert.StartsWith(Mamba, before.Papers.Find(mamba)!.Title);
        before.Dispose();
        // The last reader gone, the catalog replaced is closed.
        Assert.Throws<ObjectDisposedException>(() => before.Papers.Find(mamba));
        Assert.NotNull(after.Papers.Find(mamba));
    }
}
