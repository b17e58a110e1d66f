using System.Text.Json;
using System.Text.Json.Nodes;
using PaperLens.Core.Text;

namespace PaperLens.Server.Tests;

/// <summary><c>paperlens-ignore</c> comments in the editor (spec §5): a finding a comment covers is never
/// published, and "Ignore this finding" is a quick fix (never the preferred one) that writes the comment,
/// after which the finding is no longer published.</summary>
public class IgnoreCommentTests
{
    private static JsonObject CodeActionRequest(string uri, (int Line, int Character) at, JsonElement diagnostics) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = at.Line, ["character"] = at.Character },
            ["end"] = new JsonObject { ["line"] = at.Line, ["character"] = at.Character },
        },
        ["context"] = new JsonObject { ["diagnostics"] = JsonNode.Parse(diagnostics.GetRawText()) },
    };

    private static int Line(JsonElement diagnostic) => diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32();

    [Fact]
    public async Task A_finding_an_ignore_comment_covers_is_not_published()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", "<!-- paperlens-ignore PL001 -->\nA typo arXiv:2313.00752.\n\nA typo arXiv:2313.00753.\n");
        var uri = client.Workspace.Uri("notes.md");

        var published = await client.WaitForDiagnosticsAsync(uri, d => d.GetArrayLength() > 0);

        var only = Assert.Single(published.EnumerateArray());
        Assert.Equal(("PL001", 3), (only.GetProperty("code").GetString(), Line(only)));
    }

    [Fact]
    public async Task Ignore_this_finding_writes_the_comment_and_the_finding_is_no_longer_published()
    {
        const string text = "def f():\n    return 1  # arXiv:2313.00752\n\ny = 2  # arXiv:2313.00753\n";
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("model.py", text, "python");
        var uri = client.Workspace.Uri("model.py");
        var published = await client.WaitForDiagnosticsAsync(uri, d => d.GetArrayLength() == 2);

        var actions = await client.RequestAsync("textDocument/codeAction", CodeActionRequest(uri, (1, 30), published));

        var ignore = Assert.Single(actions.EnumerateArray(), a => a.GetProperty("title").GetString() == "Ignore this finding (PL001)");
        Assert.Equal("quickfix", ignore.GetProperty("kind").GetString());
        Assert.False(ignore.TryGetProperty("isPreferred", out _), "ignoring is never the preferred fix");
        Assert.Equal(1, Line(Assert.Single(ignore.GetProperty("diagnostics").EnumerateArray())));
        var edit = Assert.Single(ignore.GetProperty("edit").GetProperty("changes").GetProperty(uri).EnumerateArray());
        var lines = new LineMap(text);
        var start = edit.GetProperty("range").GetProperty("start");
        var at = lines.GetOffset(start.GetProperty("line").GetInt32(), start.GetProperty("character").GetInt32());
        var edited = text[..at] + edit.GetProperty("newText").GetString() + text[at..];
        Assert.Equal("def f():\n    # paperlens-ignore PL001\n    return 1  # arXiv:2313.00752\n\ny = 2  # arXiv:2313.00753\n", edited);

        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = edited }),
        });
        var after = await client.WaitForDiagnosticsAsync(uri, d => d.GetArrayLength() == 1);
        Assert.Equal(4, Line(Assert.Single(after.EnumerateArray())));
    }
}
