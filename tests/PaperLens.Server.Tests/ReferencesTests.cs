using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

public class ReferencesTests
{
    private const string BibMarked = "@article{patro2024,\n  title = {Mamba-360},\n  eprint = {2404.1$06112},\n  archivePrefix = {arXiv},\n}\n"
        + "@article{zhou2021,\n  eprint = {2012.07436},\n  archivePrefix = {arXiv},\n}\n";

    private static readonly string Bib = CursorFixture.Parse(BibMarked).Text;

    private const string Notes = "# Notes\n\nThe survey [@patro2024] covers it; see https://arxiv.org/abs/2404.16112v1.\nInformer: arXiv:2012.07436.\n";

    private const string Model = "import torch\n\n# State space models, surveyed in arXiv:2404.16$0112.\nx = 1\n";

    private static JsonObject Request(string uri, (int Line, int Character) position, bool includeDeclaration)
    {
        var request = LspTestClient.Position(uri, position);
        request["context"] = new JsonObject { ["includeDeclaration"] = includeDeclaration };
        return request;
    }

    private static async Task<LspTestClient> StartIndexedAsync()
    {
        var fixture = CursorFixture.Parse(Model);
        var client = await LspTestClient.StartAsync(new TestWorkspace(("refs.bib", Bib), ("notes.md", Notes), ("model.py", fixture.Text)));
        // The workspace is indexed after "initialized"; the server logs when the index is in place.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!client.Notifications.Any(n => n.Method == "window/logMessage" && n.Params!["message"]!.GetValue<string>().StartsWith("indexed", StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the workspace was never indexed:\n" + string.Join("\n", client.ServerLog));
            await Task.Delay(20);
        }
        return client;
    }

    private static IEnumerable<(string File, int Line, int Character)> Places(JsonElement locations) =>
        locations.EnumerateArray().Select(l => (
            Path.GetFileName(new Uri(l.GetProperty("uri").GetString()!).LocalPath),
            l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(),
            l.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32()));

    [Fact]
    public async Task References_find_every_form_across_markdown_python_and_bibtex()
    {
        var fixture = CursorFixture.Parse(Model);
        await using var client = await StartIndexedAsync();
        await client.OpenAsync("model.py", fixture.Text, "python");

        var withEntries = await client.RequestAsync("textDocument/references", Request(client.Workspace.Uri("model.py"), fixture.Cursor, includeDeclaration: true));
        var withoutEntries = await client.RequestAsync("textDocument/references", Request(client.Workspace.Uri("model.py"), fixture.Cursor, includeDeclaration: false));

        Assert.Equal([("model.py", 2, 40), ("notes.md", 2, 13), ("notes.md", 2, 61), ("refs.bib", 2, 12)], Places(withEntries).OrderBy(p => p.File).ThenBy(p => p.Line).ThenBy(p => p.Character));
        Assert.Equal([("model.py", 2, 40), ("notes.md", 2, 13), ("notes.md", 2, 61)], Places(withoutEntries).OrderBy(p => p.File).ThenBy(p => p.Character));
    }

    [Theory]
    [InlineData("notes.md", "# Notes\n\nThe survey [@patro$02024] covers it; see https://arxiv.org/abs/2404.16112v1.\nInformer: arXiv:2012.07436.\n")]
    [InlineData("notes.md", "# Notes\n\nThe survey [@patro2024] covers it; see https://arxiv.org/abs/2404.1$06112v1.\nInformer: arXiv:2012.07436.\n")]
    [InlineData("refs.bib", BibMarked)]
    public async Task References_from_any_form_are_those_of_the_same_paper(string file, string marked)
    {
        var fixture = CursorFixture.Parse(marked);
        await using var client = await StartIndexedAsync();
        await client.OpenAsync(file, fixture.Text, file.EndsWith(".bib", StringComparison.Ordinal) ? "bibtex" : "markdown");

        var locations = await client.RequestAsync("textDocument/references", Request(client.Workspace.Uri(file), fixture.Cursor, includeDeclaration: true));

        Assert.Equal(["model.py", "notes.md", "notes.md", "refs.bib"], Places(locations).Select(p => p.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_references_off_a_citation_past_the_end_or_in_a_document_that_is_not_open()
    {
        await using var client = await StartIndexedAsync();
        await client.OpenAsync("model.py", CursorFixture.Parse(Model).Text, "python");
        var uri = client.Workspace.Uri("model.py");

        var offCitation = await client.RequestAsync("textDocument/references", Request(uri, (0, 3), includeDeclaration: true));
        var pastTheEnd = await client.RequestAsync("textDocument/references", Request(uri, (90, 500), includeDeclaration: true));
        var notOpen = await client.RequestAsync("textDocument/references", Request(client.Workspace.Uri("notes.md"), (3, 12), includeDeclaration: true));

        Assert.Equal(JsonValueKind.Null, offCitation.ValueKind);
        Assert.Equal(JsonValueKind.Null, pastTheEnd.ValueKind);
        Assert.Equal(JsonValueKind.Null, notOpen.ValueKind);
    }
}
