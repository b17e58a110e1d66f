using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

/// <summary>LSP notebook document sync: the cells of a notebook open in the editor are documents of their
/// own, with hover and diagnostics at the cells' own lines, while the notebook file on disk is not
/// counted a second time.</summary>
public class NotebookSyncTests
{
    private const string Markdown = "# Related work\n\nSurvey: arXiv:2404.16112 and arXiv:2313.00752\n";
    private const string Code = "import torch\n# after arXiv:2404.16112\nx = 1\n";

    [Fact]
    public async Task Cells_of_an_open_notebook_hover_and_are_diagnosed_at_their_own_lines_through_edits_and_structure_changes()
    {
        using var workspace = new TestWorkspace(("analysis.ipynb", Notebook(("markdown", Markdown), ("code", Code))));
        await using var client = await LspTestClient.StartAsync(workspace);
        await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "paperlens.checkWorkspace" });
        var file = workspace.Uri("analysis.ipynb");
        // Closed, the notebook file is checked like `paperlens check` does, at the .ipynb's own lines.
        await client.WaitForDiagnosticsAsync(file, d => Codes(d).SequenceEqual(["PL001"]));

        var (markdownCell, codeCell, newCell) = (Cell(file, "W0sZmlsZQ=="), Cell(file, "W1sZmlsZQ=="), Cell(file, "W2sZmlsZQ=="));
        await client.NotifyAsync("notebookDocument/didOpen", new JsonObject
        {
            ["notebookDocument"] = new JsonObject
            {
                ["uri"] = file, ["notebookType"] = "jupyter-notebook", ["version"] = 1,
                ["cells"] = new JsonArray(NotebookCell(2, markdownCell), NotebookCell(2, codeCell)),
            },
            ["cellTextDocuments"] = new JsonArray(CellText(markdownCell, "markdown", Markdown), CellText(codeCell, "python", Code)),
        });

        // The malformed id is reported once, on the cell, at the cell's line; the file's report is withdrawn.
        var cellDiagnostics = await client.WaitForDiagnosticsAsync(markdownCell, d => Codes(d).SequenceEqual(["PL001"]));
        var range = cellDiagnostics[0].GetProperty("range").GetProperty("start");
        Assert.Equal(2, range.GetProperty("line").GetInt32());
        Assert.InRange(range.GetProperty("character").GetInt32(), 29, 35);
        await client.WaitForDiagnosticsAsync(file, d => d.GetArrayLength() == 0);

        var markdownHover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(markdownCell, (2, 16)));
        Assert.Contains("Mamba-360: Survey of State Space Models", HoverText(markdownHover));
        // Two places cite it, the two cells: the notebook file's own copy of them is not a third.
        Assert.Contains("Cited in 2 places", HoverText(markdownHover));
        Assert.Equal(2, markdownHover.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        var codeHover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(codeCell, (1, 12)));
        Assert.Contains("Mamba-360: Survey of State Space Models", HoverText(codeHover));

        // An edit of a cell is checked again: the malformed id is gone.
        await client.NotifyAsync("notebookDocument/didChange", new JsonObject
        {
            ["notebookDocument"] = new JsonObject { ["uri"] = file, ["version"] = 2 },
            ["change"] = new JsonObject
            {
                ["cells"] = new JsonObject
                {
                    ["textContent"] = new JsonArray(new JsonObject
                    {
                        ["document"] = new JsonObject { ["uri"] = markdownCell, ["version"] = 2 },
                        ["changes"] = new JsonArray(new JsonObject { ["range"] = Range((2, 24), (2, 45)), ["text"] = "" }),
                    }),
                },
            },
        });
        await client.WaitForDiagnosticsAsync(markdownCell, d => d.GetArrayLength() == 0);

        // A cell added with a malformed id is diagnosed; the code cell removed no longer answers.
        await client.NotifyAsync("notebookDocument/didChange", new JsonObject
        {
            ["notebookDocument"] = new JsonObject { ["uri"] = file, ["version"] = 3 },
            ["change"] = new JsonObject
            {
                ["cells"] = new JsonObject
                {
                    ["structure"] = new JsonObject
                    {
                        ["array"] = new JsonObject { ["start"] = 1, ["deleteCount"] = 1, ["cells"] = new JsonArray(NotebookCell(1, newCell)) },
                        ["didOpen"] = new JsonArray(CellText(newCell, "markdown", "Also arXiv:2313.00752.\n")),
                        ["didClose"] = new JsonArray(new JsonObject { ["uri"] = codeCell }),
                    },
                },
            },
        });
        await client.WaitForDiagnosticsAsync(newCell, d => Codes(d).SequenceEqual(["PL001"]));
        Assert.Equal(JsonValueKind.Null, (await client.RequestAsync("textDocument/hover", LspTestClient.Position(codeCell, (1, 12)))).ValueKind);

        // Closed, the cells' diagnostics are withdrawn and the file on disk is checked again.
        await client.NotifyAsync("notebookDocument/didClose", new JsonObject
        {
            ["notebookDocument"] = new JsonObject { ["uri"] = file },
            ["cellTextDocuments"] = new JsonArray(new JsonObject { ["uri"] = markdownCell }, new JsonObject { ["uri"] = newCell }),
        });
        await client.WaitForDiagnosticsAsync(newCell, d => d.GetArrayLength() == 0);
        await client.WaitForDiagnosticsAsync(file, d => Codes(d).SequenceEqual(["PL001"]));
    }

    [Fact]
    public async Task Completion_in_a_code_cells_comment_replaces_the_typed_words_by_the_id_at_the_cells_line()
    {
        var fixture = CursorFixture.Parse("import torch\n# encoder-decoder, see arXiv:sequence neu$0\n");
        using var workspace = new TestWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace);
        var file = workspace.Uri("train.ipynb");
        var cell = Cell(file, "W0sZmlsZQ==");
        await client.NotifyAsync("notebookDocument/didOpen", new JsonObject
        {
            ["notebookDocument"] = new JsonObject { ["uri"] = file, ["notebookType"] = "jupyter-notebook", ["version"] = 1, ["cells"] = new JsonArray(NotebookCell(2, cell)) },
            ["cellTextDocuments"] = new JsonArray(CellText(cell, "python", fixture.Text)),
        });

        var parameters = LspTestClient.Position(cell, fixture.Cursor);
        parameters["context"] = new JsonObject { ["triggerKind"] = 1 };
        var list = await client.RequestAsync("textDocument/completion", parameters);

        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("label").GetString() == "Sequence to Sequence Learning with Neural Networks");
        var edit = item.GetProperty("textEdit");
        Assert.Equal("1409.3215", edit.GetProperty("newText").GetString());
        Assert.Equal(1, edit.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    // VS Code's cell URIs: the notebook's path under a scheme of their own, the cell in the fragment.
    private static string Cell(string notebookUri, string fragment) =>
        "vscode-notebook-cell" + notebookUri["file".Length..] + "#" + Uri.EscapeDataString(fragment);

    private static JsonObject NotebookCell(int kind, string uri) => new() { ["kind"] = kind, ["document"] = uri };

    private static JsonObject CellText(string uri, string languageId, string text) =>
        new() { ["uri"] = uri, ["languageId"] = languageId, ["version"] = 1, ["text"] = text };

    private static JsonObject Range((int Line, int Character) start, (int Line, int Character) end) => new()
    {
        ["start"] = new JsonObject { ["line"] = start.Line, ["character"] = start.Character },
        ["end"] = new JsonObject { ["line"] = end.Line, ["character"] = end.Character },
    };

    private static string HoverText(JsonElement hover) => hover.GetProperty("contents").GetProperty("value").GetString()!;

    private static IEnumerable<string> Codes(JsonElement diagnostics) =>
        diagnostics.EnumerateArray().Select(d => d.GetProperty("code").GetString()!);

    private static string Notebook(params (string Type, string Source)[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
        {
            ["cell_type"] = c.Type,
            ["metadata"] = new JsonObject(),
            ["source"] = c.Source,
        }).ToArray()),
        ["metadata"] = new JsonObject { ["language_info"] = new JsonObject { ["name"] = "python" } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    }.ToJsonString();
}
