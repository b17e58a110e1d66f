using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

public class DocumentLinkTests
{
    private static JsonObject Request(string uri) => new() { ["textDocument"] = new JsonObject { ["uri"] = uri } };

    [Fact]
    public async Task Every_citation_with_an_id_links_to_its_abs_page_with_the_title_as_tooltip()
    {
        const string text = "# Notes\n\nSurvey arXiv:2404.16112 and [Informer](https://arxiv.org/pdf/2012.07436v2.pdf);\n"
            + "unknown arXiv:2312.00752, typo arXiv:2313.00752.\n";
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", text);

        var links = await client.RequestAsync("textDocument/documentLink", Request(client.Workspace.Uri("notes.md")));

        Assert.Equal(
            ["https://arxiv.org/abs/2404.16112", "https://arxiv.org/abs/2012.07436v2", "https://arxiv.org/abs/2312.00752"],
            links.EnumerateArray().Select(l => l.GetProperty("target").GetString()));
        var survey = links[0];
        Assert.Equal("Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges",
            survey.GetProperty("tooltip").GetString());
        var range = survey.GetProperty("range");
        Assert.Equal((2, 13, 2, 23), (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(),
            range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));
        Assert.StartsWith("Informer: Beyond Efficient Transformer", links[1].GetProperty("tooltip").GetString());
        Assert.False(links[2].TryGetProperty("tooltip", out _), "a paper the catalog lacks has no title to show");
    }

    [Fact]
    public async Task A_pandoc_key_links_to_the_paper_of_its_bib_entry()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("refs.bib", "@article{informer,\n  title = {Informer},\n  eprint = {2012.07436},\n  archivePrefix = {arXiv},\n}\n", "bibtex");
        await client.OpenAsync("paper.md", "As shown by [@informer], attention is sparse.\n");

        var links = await client.RequestAsync("textDocument/documentLink", Request(client.Workspace.Uri("paper.md")));

        var link = Assert.Single(links.EnumerateArray());
        Assert.Equal("https://arxiv.org/abs/2012.07436", link.GetProperty("target").GetString());
        Assert.Equal(14, link.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Link_ranges_count_utf8_bytes_when_the_client_chose_utf8()
    {
        var capabilities = new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-8", "utf-16") } };
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), capabilities);
        await client.OpenAsync("notes.md", "Café ☕ 日本 arXiv:2404.16112\n");

        var links = await client.RequestAsync("textDocument/documentLink", Request(client.Workspace.Uri("notes.md")));

        var range = Assert.Single(links.EnumerateArray()).GetProperty("range");
        // "Café ☕ 日本 arXiv:" is 23 bytes in UTF-8 (16 UTF-16 code units).
        Assert.Equal((23, 33), (range.GetProperty("start").GetProperty("character").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));
    }

    [Fact]
    public async Task A_document_without_citations_or_unknown_to_the_server_has_no_links()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("plain.md", "Version 1706.03762 of the tool; no citation here.\n");

        var none = await client.RequestAsync("textDocument/documentLink", Request(client.Workspace.Uri("plain.md")));
        var unknown = await client.RequestAsync("textDocument/documentLink", Request(client.Workspace.Uri("never-opened.md")));

        Assert.Equal(0, none.GetArrayLength());
        Assert.Equal(0, unknown.GetArrayLength());
    }
}
