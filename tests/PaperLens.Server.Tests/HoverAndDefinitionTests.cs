using System.Text.Json;

namespace PaperLens.Server.Tests;

public class HoverAndDefinitionTests
{
    [Fact]
    public async Task Hover_on_a_citation_shows_the_paper_escaped_with_its_range()
    {
        var fixture = CursorFixture.Parse("# Notes\n\nSurvey: arXiv:2404.16$0112 is long.\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", fixture.Text);

        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(client.Workspace.Uri("notes.md"), fixture.Cursor));

        var markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("Mamba-360: Survey of State Space Models", markdown);
        Assert.Contains("B. N. Patro and V. S. Agneeswaran", markdown);
        Assert.Contains("submitted Apr 24, 2024", markdown);
        Assert.Contains("(https://arxiv.org/abs/2404.16112)", markdown);
        var range = hover.GetProperty("range");
        Assert.Equal((2, 14, 24), (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));
    }

    [Fact]
    public async Task A_hover_before_the_workspace_is_indexed_answers_from_the_open_document()
    {
        // Without `initialized` the server never starts indexing: the hover can only come from the open
        // document's own scan and the catalog, opened in the background since initialize.
        var fixture = CursorFixture.Parse("Survey: arXiv:2404.16$0112 is long.\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(("other.md", "arXiv:2404.16112\n")), initialize: false);
        await client.RequestAsync("initialize", new System.Text.Json.Nodes.JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = client.Workspace.Uri("."),
            ["capabilities"] = new System.Text.Json.Nodes.JsonObject(),
        });
        await client.OpenAsync("notes.md", fixture.Text);

        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(client.Workspace.Uri("notes.md"), fixture.Cursor));

        var markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("Mamba-360: Survey of State Space Models", markdown);
        Assert.Contains("Cited in 1 place", markdown);
    }

    [Fact]
    public async Task A_hover_after_the_catalog_failed_to_open_tries_again_and_shows_the_paper()
    {
        // At start the catalog cannot be opened (a file stands where its folder goes): the hover says why.
        // Once the folder is free, the next hover opens the catalog and answers, instead of failing for
        // the rest of the session.
        var workspace = new TestWorkspace();
        File.WriteAllText(Path.GetDirectoryName(workspace.CatalogPath)!, "not a folder");
        var fixture = CursorFixture.Parse("Survey: arXiv:2404.16$0112 is long.\n");
        await using var client = await LspTestClient.StartAsync(workspace);
        await client.OpenAsync("notes.md", fixture.Text);
        var position = LspTestClient.Position(workspace.Uri("notes.md"), fixture.Cursor);

        var failed = await Assert.ThrowsAsync<StreamJsonRpc.RemoteInvocationException>(() => client.RequestAsync("textDocument/hover", position));
        Assert.Equal(-32803, failed.ErrorCode);
        Assert.Contains($"cannot use the catalog {workspace.CatalogPath}", failed.Message);
        File.Delete(Path.GetDirectoryName(workspace.CatalogPath)!);

        var hover = await client.RequestAsync("textDocument/hover", position);
        Assert.Contains("Mamba-360: Survey of State Space Models", hover.GetProperty("contents").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Hover_on_a_malformed_id_gives_the_reason_and_off_a_citation_gives_nothing()
    {
        var malformed = CursorFixture.Parse("typo arXiv:2313.0$0752\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("a.md", malformed.Text);
        var uri = client.Workspace.Uri("a.md");

        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(uri, malformed.Cursor));
        Assert.Contains("month 13 does not exist", hover.GetProperty("contents").GetProperty("value").GetString());

        var nothing = await client.RequestAsync("textDocument/hover", LspTestClient.Position(uri, (0, 1)));
        Assert.Equal(JsonValueKind.Null, nothing.ValueKind);
        var pastTheEnd = await client.RequestAsync("textDocument/hover", LspTestClient.Position(uri, (400, 9000)));
        Assert.Equal(JsonValueKind.Null, pastTheEnd.ValueKind);
    }

    [Fact]
    public async Task Definition_opens_a_generated_abstract_document()
    {
        var fixture = CursorFixture.Parse("see https://arxiv.org/abs/2012.0$07436\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("a.md", fixture.Text);

        var location = await client.RequestAsync("textDocument/definition", LspTestClient.Position(client.Workspace.Uri("a.md"), fixture.Cursor));

        var path = new Uri(location.GetProperty("uri").GetString()!).LocalPath;
        var text = await File.ReadAllTextAsync(path);
        Assert.StartsWith("# Informer: Beyond Efficient Transformer", text);
        Assert.Contains("## Abstract", text);
        Assert.Contains("prediction of long sequence time", text);
    }

    [Fact]
    public async Task Definition_of_a_pandoc_key_is_its_entry_in_the_front_matter_bibliography_whatever_its_case()
    {
        // a.bib sorts first and has the key too; the draft's front matter names refs.bib, where the
        // entry's key is on the second line.
        const string Entry = "@article{gu2023,\n  title = {Mamba},\n  eprint = {2404.16112},\n  archivePrefix = {arXiv},\n}\n";
        var files = new[] { ("a.bib", Entry), ("refs.bib", "@misc{x, title = {X}}\n" + Entry) };
        var fixture = CursorFixture.Parse("---\nbibliography: refs.bib\n---\nAs shown [@Gu$02023].\n");
        var workspace = new TestWorkspace(files);
        await using var client = await LspTestClient.StartAsync(workspace);
        foreach (var (path, text) in files) await client.OpenAsync(path, text, "bibtex");
        await client.OpenAsync("draft.md", fixture.Text);

        var location = await client.RequestAsync("textDocument/definition", LspTestClient.Position(workspace.Uri("draft.md"), fixture.Cursor));

        Assert.Equal(workspace.Uri("refs.bib"), location.GetProperty("uri").GetString());
        var range = location.GetProperty("range");
        Assert.Equal((1, 9, 1, 15), (
            range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(),
            range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));
    }

    [Theory]
    [InlineData("Survey: ar$0Xiv:2404.16112 is long.\n")]
    [InlineData("Survey: https://arxiv.org/a$0bs/2404.16112 is long.\n")]
    public async Task Hover_on_the_prefix_or_url_of_a_citation_shows_the_paper(string marked)
    {
        var fixture = CursorFixture.Parse(marked);
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", fixture.Text);

        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(client.Workspace.Uri("notes.md"), fixture.Cursor));

        Assert.Contains("Mamba-360", hover.GetProperty("contents").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Requests_after_shutdown_are_refused_with_InvalidRequest()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.RequestAsync("shutdown", null);
        var error = await Assert.ThrowsAsync<StreamJsonRpc.RemoteInvocationException>(() =>
            client.RequestAsync("textDocument/hover", LspTestClient.Position(client.Workspace.Uri("a.md"), (0, 0))));
        Assert.Equal(-32600, error.ErrorCode);
    }

    [Fact]
    public async Task Requests_before_initialize_are_refused_with_ServerNotInitialized()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), initialize: false);
        var error = await Assert.ThrowsAsync<StreamJsonRpc.RemoteInvocationException>(() =>
            client.RequestAsync("textDocument/hover", LspTestClient.Position(client.Workspace.Uri("a.md"), (0, 0))));
        Assert.Equal(-32002, error.ErrorCode);
    }

    [Fact]
    public async Task Diagnostics_are_published_for_open_documents_and_cleared_when_the_citation_is_edited_away()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("a.md", "typo arXiv:2313.00752\n");
        var uri = client.Workspace.Uri("a.md");
        var first = await client.WaitForDiagnosticsAsync(uri, d => d.GetArrayLength() == 1);
        Assert.Equal("PL001", first[0].GetProperty("code").GetString());

        await client.NotifyAsync("textDocument/didChange", new System.Text.Json.Nodes.JsonObject
        {
            ["textDocument"] = new System.Text.Json.Nodes.JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["range"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["start"] = new System.Text.Json.Nodes.JsonObject { ["line"] = 0, ["character"] = 5 },
                    ["end"] = new System.Text.Json.Nodes.JsonObject { ["line"] = 0, ["character"] = 11 },
                },
                ["text"] = "",
            }),
        });

        await client.WaitForDiagnosticsAsync(uri, d => d.GetArrayLength() == 0);
        Assert.Equal(0, await client.ShutdownAsync());
    }
}
