using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

public class InlayHintTests
{
    private const string Model = "# Survey: arXiv:2404.16112 covers SSMs.\n"
        + "# Also arXiv:2012.07436 \"Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting\".\n"
        + "# Not in the catalog: arXiv:2312.00752; a link https://arxiv.org/abs/2404.16112.\n"
        + "x = \"arXiv:1409.3215\"  # seq2seq is arXiv:1409.3215v3\n";

    private static JsonObject Request(string uri, (int Line, int Character) start, (int Line, int Character) end) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = start.Line, ["character"] = start.Character },
            ["end"] = new JsonObject { ["line"] = end.Line, ["character"] = end.Character },
        },
    };

    private static IEnumerable<(int Line, int Character, string Label)> Hints(JsonElement hints) =>
        hints.EnumerateArray().Select(h => (
            h.GetProperty("position").GetProperty("line").GetInt32(),
            h.GetProperty("position").GetProperty("character").GetInt32(),
            h.GetProperty("label").GetString()!));

    [Fact]
    public async Task The_short_title_follows_each_bare_prefixed_id_the_catalog_knows()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("model.py", Model, "python");

        var hints = await client.RequestAsync("textDocument/inlayHint", Request(client.Workspace.Uri("model.py"), (0, 0), (4, 0)));

        // Not after the id with its title beside it, the id the catalog lacks, the URL, or the string literal.
        Assert.Equal([(0, 26, "Mamba-360"), (3, 53, "Sequence to Sequence Learning with…")], Hints(hints));
        var first = hints[0];
        Assert.True(first.GetProperty("paddingLeft").GetBoolean());
        Assert.StartsWith("Mamba-360: Survey of State Space Models", first.GetProperty("tooltip").GetString());
    }

    [Fact]
    public async Task Only_the_requested_range_gets_hints_and_a_range_past_the_end_is_clamped()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("model.py", Model, "python");
        var uri = client.Workspace.Uri("model.py");

        var laterLines = await client.RequestAsync("textDocument/inlayHint", Request(uri, (1, 0), (900, 40)));
        var firstLineStart = await client.RequestAsync("textDocument/inlayHint", Request(uri, (0, 0), (0, 20)));

        Assert.Equal([(3, 53, "Sequence to Sequence Learning with…")], Hints(laterLines));
        Assert.Empty(Hints(firstLineStart));
    }

    [Fact]
    public async Task The_inlayHints_setting_turns_them_off_and_on_without_a_restart()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), initializationOptions: new JsonObject { ["inlayHints"] = false });
        await client.OpenAsync("model.py", Model, "python");
        var uri = client.Workspace.Uri("model.py");

        Assert.Empty(Hints(await client.RequestAsync("textDocument/inlayHint", Request(uri, (0, 0), (4, 0)))));

        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["paperlens"] = new JsonObject { ["inlayHints"] = true } } });
        Assert.Equal(2, Hints(await client.RequestAsync("textDocument/inlayHint", Request(uri, (0, 0), (4, 0)))).Count());
    }

    [Fact]
    public async Task No_hints_for_a_document_that_is_not_open()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        client.Workspace.Write("model.py", Model);

        var notOpen = await client.RequestAsync("textDocument/inlayHint", Request(client.Workspace.Uri("model.py"), (0, 0), (4, 0)));

        Assert.Equal(0, notOpen.GetArrayLength());
    }

    [Fact]
    public async Task Markdown_prose_gets_hints_too_but_not_where_a_title_is_written()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", "We build on arXiv:2012.07436 and \"Mamba-360: Survey of State Space Models as Transformer Alternative\" (arXiv:2404.16112).\n");

        var hints = await client.RequestAsync("textDocument/inlayHint", Request(client.Workspace.Uri("notes.md"), (0, 0), (1, 0)));

        Assert.Equal([(0, 28, "Informer")], Hints(hints));
    }
}
