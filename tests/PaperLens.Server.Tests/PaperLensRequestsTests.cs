using System.Text.Json;
using System.Text.Json.Nodes;
using PaperLens.Cli;

namespace PaperLens.Server.Tests;

/// <summary>PaperLens's own requests for the VS Code extension: catalog search (Search Papers), the
/// abstract at the cursor (Open Abstract), and the status a status bar shows.</summary>
public class PaperLensRequestsTests
{
    private const string InformerTitle = "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting";

    private static async Task<JsonElement[]> Search(LspTestClient client, string query, int? limit = null, string? documentUri = null)
    {
        var request = new JsonObject { ["query"] = query };
        if (limit is not null) request["limit"] = limit;
        if (documentUri is not null) request["textDocument"] = new JsonObject { ["uri"] = documentUri };
        return (await client.RequestAsync("paperlens/searchPapers", request)).EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Search_finds_a_paper_by_title_word_and_author_with_its_id_short_authors_and_year()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());

        foreach (var query in new[] { "informer", "zhou informer", "2012.0743" })
        {
            var informer = (await Search(client, query))[0];

            Assert.Equal("2012.07436", informer.GetProperty("id").GetString());
            Assert.Equal(InformerTitle, informer.GetProperty("title").GetString());
            Assert.StartsWith("H. Zhou, S. Zhang and ", informer.GetProperty("authors").GetString());
            Assert.Equal(2020, informer.GetProperty("year").GetInt32());
        }
    }

    [Fact]
    public async Task Bibtex_at_a_citation_is_the_papers_entry_under_the_key_a_bib_gives_it_else_the_key_rules()
    {
        var fixture = CursorFixture.Parse("Seq2seq (arXiv:1409.3$0215) and [@informer].\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("refs.bib", "@misc{informer, title = {Informer}, eprint = {2012.07436}}\n", "bibtex");
        await client.OpenAsync("notes.md", fixture.Text);
        var uri = client.Workspace.Uri("notes.md");

        var seq2seq = await client.RequestAsync("paperlens/bibtex", LspTestClient.Position(uri, fixture.Cursor));
        var informer = await client.RequestAsync("paperlens/bibtex", LspTestClient.Position(uri, (0, 35)));
        var nothing = await client.RequestAsync("paperlens/bibtex", LspTestClient.Position(uri, (0, 2)));

        Assert.Equal("sutskever2014sequence", seq2seq.GetProperty("key").GetString());
        Assert.StartsWith("@misc{sutskever2014sequence,\n      title={Sequence to Sequence Learning with Neural Networks},\n", seq2seq.GetProperty("entry").GetString(), StringComparison.Ordinal);
        Assert.Equal("informer", informer.GetProperty("key").GetString());
        var entry = informer.GetProperty("entry").GetString()!;
        var scan = PaperLens.Core.Scanning.Bibtex.BibtexScanner.Scan(entry, 0, entry.Length);
        Assert.Empty(scan.Problems);
        Assert.Equal(("informer", "2012.07436"), (scan.Entries.Single().Key, scan.Entries.Single().Id?.Canonical));
        Assert.Equal(JsonValueKind.Null, nothing.ValueKind);
    }

    [Fact]
    public async Task A_picked_paper_is_a_markdown_link_in_markdown_and_the_arxiv_prefix_form_elsewhere()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", "# Notes\n");
        await client.OpenAsync("model.py", "# model\n", "python");

        var inMarkdown = (await Search(client, "informer", documentUri: client.Workspace.Uri("notes.md")))[0];
        var inPython = (await Search(client, "informer", documentUri: client.Workspace.Uri("model.py")))[0];
        var nowhere = (await Search(client, "informer"))[0];

        Assert.Equal($"[{InformerTitle}](https://arxiv.org/abs/2012.07436)", inMarkdown.GetProperty("insertText").GetString());
        Assert.Equal("arXiv:2012.07436", inPython.GetProperty("insertText").GetString());
        Assert.Equal("arXiv:2012.07436", nowhere.GetProperty("insertText").GetString());
    }

    [Fact]
    public async Task Search_returns_at_most_the_limit_and_nothing_for_a_query_without_words()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());

        Assert.True((await Search(client, "transformer")).Length > 2);
        Assert.Equal(2, (await Search(client, "transformer", limit: 2)).Length);
        Assert.Empty(await Search(client, ""));
        Assert.Empty(await Search(client, "  ()\"*  "));
    }

    [Fact]
    public async Task Abstract_at_the_cursor_is_the_cited_papers_abstract_and_null_away_from_a_citation()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", "See arXiv:2012.07436 for details.\n");
        var uri = client.Workspace.Uri("notes.md");

        var onCitation = await client.RequestAsync("paperlens/abstractAt", LspTestClient.Position(uri, (0, 12)));
        var offCitation = await client.RequestAsync("paperlens/abstractAt", LspTestClient.Position(uri, (0, 1)));

        Assert.Equal("2012.07436", onCitation.GetProperty("id").GetString());
        Assert.Contains("Informer", onCitation.GetProperty("markdown").GetString());
        Assert.Contains("## Abstract", onCitation.GetProperty("markdown").GetString());
        Assert.Equal(JsonValueKind.Null, offCitation.ValueKind);
    }

    [Fact]
    public async Task Status_is_pushed_when_indexing_starts_and_ends_and_counts_the_indexed_files_and_citations()
    {
        var workspace = new TestWorkspace(
            ("notes/a.md", "arXiv:2012.07436 and arXiv:2404.16112\n"),
            ("src/b.py", "# arXiv:2404.16112\n"),
            ("data.csv", "arXiv:2012.07436\n"));
        await using var client = await LspTestClient.StartAsync(workspace);

        var statuses = await WaitForStatusesAsync(client, s => !s["indexing"]!.GetValue<bool>());

        Assert.True(statuses[0]!["indexing"]!.GetValue<bool>());
        var ready = statuses[^1]!;
        Assert.Equal(2, ready["files"]!.GetValue<int>());
        Assert.Equal(3, ready["citations"]!.GetValue<int>());
        Assert.True(ready["offline"]!.GetValue<bool>());
        Assert.Equal(workspace.CatalogPath, ready["catalog"]!.GetValue<string>());
        var asked = await client.RequestAsync("paperlens/status", null);
        Assert.Equal((false, 2, 3), (asked.GetProperty("indexing").GetBoolean(), asked.GetProperty("files").GetInt32(), asked.GetProperty("citations").GetInt32()));
    }

    [Fact]
    public async Task Status_counts_the_citations_of_an_edited_document()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(("a.md", "arXiv:2012.07436\n")));
        await WaitForStatusesAsync(client, s => !s["indexing"]!.GetValue<bool>());

        await client.OpenAsync("b.md", "arXiv:2404.16112 and arXiv:2103.14636\n");
        var status = await client.RequestAsync("paperlens/status", null);

        Assert.Equal(3, status.GetProperty("citations").GetInt32());
    }

    [Fact]
    public async Task Status_counts_what_the_check_counts_after_typing_and_a_previewed_abstract()
    {
        // As VS Code drives the server: a file in a folder whose name vscode-uri percent-encodes, typed
        // into one keystroke at a time, then go to definition's abstract opened for a preview and closed.
        var workspace = new TestWorkspace(
            ("README.md", "# Reading group\n\nThe classics: [Seq2seq](https://arxiv.org/abs/1409.3215).\n"),
            ("notes & drafts (v2)/été+@.md", "Informer (arXiv:2012.07436) and Mamba-360 (arXiv:2404.16112).\n"));
        await using var client = await LspTestClient.StartAsync(workspace);
        await WaitForStatusesAsync(client, s => !s["indexing"]!.GetValue<bool>());
        var notePath = Path.Combine(workspace.Root, "notes & drafts (v2)", "été+@.md");
        var note = VsCodeUri(notePath);
        var text = await File.ReadAllTextAsync(notePath);
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = note, ["languageId"] = "markdown", ["version"] = 1, ["text"] = text },
        });
        text = await TypeAtEndAsync(client, note, text, "Also see arXiv:Sequ, then arXiv:1409.3215.");

        var definition = await client.RequestAsync("textDocument/definition", LspTestClient.Position(note, (0, 18)));
        var abstractUri = definition.GetProperty("uri").GetString()!;
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = abstractUri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = await File.ReadAllTextAsync(new Uri(abstractUri).LocalPath),
            },
        });
        var whileOpen = await StatusCountsAsync(client);
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = abstractUri } });
        var afterClose = await StatusCountsAsync(client);

        // What `paperlens check` counts once the typed text is saved.
        await File.WriteAllTextAsync(notePath, text);
        var check = CheckCounts(workspace);
        Assert.Equal(check, whileOpen);
        Assert.Equal(check, afterClose);
    }

    /// <summary>A file URI spelled as vscode-uri spells it: everything but unreserved characters and
    /// slashes percent-encoded.</summary>
    private static string VsCodeUri(string path) => "file://" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Types text at the end of an open document the way VS Code reports typing: one
    /// incremental change per keystroke. Returns the document's new text.</summary>
    private static async Task<string> TypeAtEndAsync(LspTestClient client, string uri, string text, string typed)
    {
        var line = text.Count(c => c == '\n');
        var character = text.Length - (text.LastIndexOf('\n') + 1);
        var version = 1;
        foreach (var key in typed)
        {
            var position = new JsonObject { ["line"] = line, ["character"] = character };
            await client.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = ++version },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = new JsonObject { ["start"] = position, ["end"] = position.DeepClone() },
                    ["rangeLength"] = 0,
                    ["text"] = key.ToString(),
                }),
            });
            character++;
        }
        return text + typed;
    }

    private static async Task<(int Files, int Citations)> StatusCountsAsync(LspTestClient client)
    {
        var status = await client.RequestAsync("paperlens/status", null);
        return (status.GetProperty("files").GetInt32(), status.GetProperty("citations").GetInt32());
    }

    private static (int Files, int Citations) CheckCounts(TestWorkspace workspace)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(["check", workspace.Root, "--format", "json", "--offline", "--catalog", workspace.CatalogPath], stdout, stderr);
        Assert.True(exit is CliApp.Ok or CliApp.FindingsFailed, stderr.ToString());
        var report = JsonDocument.Parse(stdout.ToString()).RootElement;
        return (report.GetProperty("files").GetInt32(), report.GetProperty("citations").GetInt32());
    }

    private static async Task<JsonNode?[]> WaitForStatusesAsync(LspTestClient client, Func<JsonNode, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var statuses = client.Notifications.Where(n => n.Method == "paperlens/statusChanged").Select(n => n.Params).ToArray();
            if (statuses.Length > 0 && until(statuses[^1]!)) return statuses;
            await Task.Delay(50);
        }
        throw new TimeoutException("no matching paperlens/statusChanged; received: " + string.Join(", ", client.Notifications.Select(n => n.Method)));
    }
}
