using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

/// <summary>The workspace side of the protocol: indexing with progress, files changed behind the
/// editor's back, folders added, pulled diagnostics, the check command, the abstract request, and
/// position encodings.</summary>
public class WorkspaceLifecycleTests
{
    private static JsonObject Capabilities(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public async Task Indexing_reports_work_done_progress_and_publishes_the_workspace_findings()
    {
        var workspace = new TestWorkspace(("notes/a.md", "typo arXiv:2313.00752\n"), ("src/b.py", "# fine: arXiv:2404.16112\n"));
        await using var client = await LspTestClient.StartAsync(workspace, Capabilities("""{ "window": { "workDoneProgress": true } }"""));

        var diagnostics = await client.WaitForDiagnosticsAsync(workspace.Uri("notes/a.md"), d => d.GetArrayLength() == 1);

        Assert.Equal("PL001", diagnostics[0].GetProperty("code").GetString());
        var progress = client.Notifications.Where(n => n.Method == "$/progress").Select(n => n.Params!["value"]!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["begin", "end"], progress);
        Assert.Contains(client.Notifications, n => n.Method == "window/workDoneProgress/create");
    }

    [Fact]
    public async Task A_bib_file_changed_on_disk_resolves_a_pandoc_key_in_an_open_draft()
    {
        var workspace = new TestWorkspace(("refs.bib", "@article{other, title = {Other}}\n"));
        await using var client = await LspTestClient.StartAsync(workspace);
        await client.OpenAsync("draft.md", "---\nbibliography: refs.bib\n---\nAs shown [@gu2023].\n");
        var draft = workspace.Uri("draft.md");
        await client.WaitForDiagnosticsAsync(draft, d => d.EnumerateArray().Any(x => x.GetProperty("code").GetString() == "PL008"));

        workspace.Write("refs.bib", "@article{gu2023, title = {Mamba-360}, eprint = {2404.16112}, archivePrefix = {arXiv}}\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = workspace.Uri("refs.bib"), ["type"] = 2 }),
        });

        await client.WaitForDiagnosticsAsync(draft, d => d.GetArrayLength() == 0);
    }

    [Fact]
    public async Task A_change_publishes_the_open_document_before_the_workspace_documents_it_changes()
    {
        var workspace = new TestWorkspace(("draft.md", "---\nbibliography: refs.bib\n---\nAs shown [@gu2023].\n"));
        await using var client = await LspTestClient.StartAsync(workspace);
        var draft = workspace.Uri("draft.md");
        await client.WaitForDiagnosticsAsync(draft, d => Codes(d).Contains("PL008"));
        var before = client.Notifications.Count;

        await client.OpenAsync("refs.bib", "@article{gu2023, title = {Mamba-360}, eprint = {2313.00752}, archivePrefix = {arXiv}}\n", "bibtex");
        await client.WaitForDiagnosticsAsync(draft, d => !Codes(d).Contains("PL008"));

        var published = client.Notifications.Skip(before).Where(n => n.Method == "textDocument/publishDiagnostics")
            .Select(n => n.Params!["uri"]!.GetValue<string>()).ToList();
        Assert.Equal([workspace.Uri("refs.bib"), draft], published.Distinct());
    }

    private static List<string?> Codes(JsonElement diagnostics) =>
        diagnostics.EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();

    [Fact]
    public async Task An_added_workspace_folder_is_indexed()
    {
        var workspace = new TestWorkspace(("a.md", "arXiv:2404.16112\n"));
        var other = workspace.Write("../second/b.md", "typo arXiv:2313.00752\n");
        await using var client = await LspTestClient.StartAsync(workspace);

        var folder = Path.GetDirectoryName(other)!;
        await client.NotifyAsync("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["added"] = new JsonArray(new JsonObject { ["uri"] = new Uri(folder).AbsoluteUri, ["name"] = "second" }),
                ["removed"] = new JsonArray(),
            },
        });

        var diagnostics = await client.WaitForDiagnosticsAsync(new Uri(other).AbsoluteUri, d => d.GetArrayLength() == 1);
        Assert.Equal("PL001", diagnostics[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_folder_added_twice_keeps_its_documents_until_it_is_removed_twice()
    {
        var workspace = new TestWorkspace(("a.md", "arXiv:2404.16112\n"));
        var second = Path.GetDirectoryName(workspace.Write("../second/b.md", "typo arXiv:2313.00752\n"))!;
        await using var client = await LspTestClient.StartAsync(workspace);

        await ChangeFoldersAsync(client, added: [second]);
        await ChangeFoldersAsync(client, added: [second]);
        await ChangeFoldersAsync(client, removed: [second]);
        var whileNamedOnce = await CheckedFilesAsync(client);
        await ChangeFoldersAsync(client, removed: [second]);

        Assert.Equal(2, whileNamedOnce);
        Assert.Equal(1, await CheckedFilesAsync(client));
    }

    [Fact]
    public async Task Removing_a_folder_keeps_what_another_folder_holds_and_the_documents_still_open()
    {
        var workspace = new TestWorkspace(("a.md", "arXiv:2404.16112\n"), ("inner/b.md", "typo arXiv:2313.00752\n"));
        var elsewhere = Path.GetDirectoryName(workspace.Write("../elsewhere/c.md", "arXiv:2404.16112\n"))!;
        await using var client = await LspTestClient.StartAsync(workspace);
        await ChangeFoldersAsync(client, added: [Path.Combine(workspace.Root, "inner"), elsewhere]);
        var whileAdded = await CheckedFilesAsync(client);
        await client.OpenAsync("../elsewhere/open.md", "Survey: arXiv:2404.16112 is long.\n");

        await ChangeFoldersAsync(client, removed: [Path.Combine(workspace.Root, "inner"), elsewhere]);

        Assert.Equal(3, whileAdded);
        // a.md and inner/b.md are the first folder's; c.md left with its folder; open.md stays while open.
        Assert.Equal(3, await CheckedFilesAsync(client));
        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(workspace.Uri("../elsewhere/open.md"), (0, 16)));
        Assert.Contains("Mamba-360", hover.GetProperty("contents").GetProperty("value").GetString());
    }

    private static Task ChangeFoldersAsync(LspTestClient client, string[]? added = null, string[]? removed = null)
    {
        static JsonArray Folders(string[]? paths) =>
            new((paths ?? []).Select(p => (JsonNode)new JsonObject { ["uri"] = new Uri(p).AbsoluteUri, ["name"] = Path.GetFileName(p) }).ToArray());
        return client.NotifyAsync("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject { ["added"] = Folders(added), ["removed"] = Folders(removed) },
        });
    }

    /// <summary>How many documents the workspace check reads, once every folder added is indexed.</summary>
    private static async Task<int> CheckedFilesAsync(LspTestClient client) =>
        (await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "paperlens.checkWorkspace" })).GetProperty("files").GetInt32();

    [Fact]
    public async Task A_client_that_pulls_diagnostics_gets_them_on_request_and_none_pushed()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), Capabilities("""{ "textDocument": { "diagnostic": {} } }"""));
        Assert.Equal("paperlens", client.InitializeResult.GetProperty("capabilities").GetProperty("diagnosticProvider").GetProperty("identifier").GetString());
        await client.OpenAsync("a.md", "typo arXiv:2313.00752 and \"Attention Is All You Need\" (arXiv:1409.3215)\n");

        var report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.Workspace.Uri("a.md") } });

        Assert.Equal("full", report.GetProperty("kind").GetString());
        Assert.Equal(["PL001", "PL003"], report.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        await Task.Delay(300);
        Assert.DoesNotContain(client.Notifications, n => n.Method == "textDocument/publishDiagnostics");
    }

    [Fact]
    public async Task The_check_command_summarises_the_workspace()
    {
        var workspace = new TestWorkspace(("a.md", "typo arXiv:2313.00752, \"Attention Is All You Need\" (arXiv:1409.3215), arXiv:2312.00752\n"));
        await using var client = await LspTestClient.StartAsync(workspace);

        var summary = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "paperlens.checkWorkspace" });

        Assert.Equal((1, 3, 1, 1, 1), (summary.GetProperty("files").GetInt32(), summary.GetProperty("citations").GetInt32(),
            summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(), summary.GetProperty("information").GetInt32()));
    }

    [Fact]
    public async Task The_abstract_request_returns_the_escaped_markdown_and_its_file()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());

        var result = await client.RequestAsync("paperlens/abstract", new JsonObject { ["id"] = "2012.07436" });

        var markdown = result.GetProperty("markdown").GetString()!;
        Assert.StartsWith("# Informer: Beyond Efficient Transformer", markdown);
        Assert.Equal(markdown, await File.ReadAllTextAsync(new Uri(result.GetProperty("uri").GetString()!).LocalPath));
        var unknown = await client.RequestAsync("paperlens/abstract", new JsonObject { ["id"] = "2312.00752" });
        Assert.Equal(JsonValueKind.Null, unknown.ValueKind);
    }

    [Theory]
    [InlineData("utf-16", 17, 27)]
    [InlineData("utf-8", 22, 32)]
    public async Task Positions_follow_the_negotiated_encoding_on_accented_and_cjk_text(string encoding, int start, int end)
    {
        // Before the id: 17 UTF-16 code units, 22 UTF-8 bytes.
        const string text = "Pöppel 注意: arXiv:2404.16112\n";
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(),
            Capabilities($$"""{ "general": { "positionEncodings": ["{{encoding}}"] } }"""));
        Assert.Equal(encoding, client.InitializeResult.GetProperty("capabilities").GetProperty("positionEncoding").GetString());
        await client.OpenAsync("a.md", text);

        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(client.Workspace.Uri("a.md"), (0, start + 2)));

        var range = hover.GetProperty("range");
        Assert.Equal((start, end), (range.GetProperty("start").GetProperty("character").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));
    }
}
