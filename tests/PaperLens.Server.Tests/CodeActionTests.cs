using System.Text.Json;
using System.Text.Json.Nodes;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Server.Tests;

public class CodeActionTests
{
    private const string InformerTitle = "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting";
    private const string SurveyTitle = "Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges";

    /// <summary>A workspace whose catalog also knows Mamba with its complete history (v1, v2): the
    /// bundled records' histories are partial, and only a complete one may be updated or pinned.</summary>
    private static TestWorkspace WithCompleteHistory()
    {
        var workspace = new TestWorkspace();
        using var catalog = PaperCatalog.Open(workspace.CatalogPath);
        catalog.Upsert([new PaperRecord
        {
            Id = ArxivId.Of("2312.00752"),
            Title = "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
            Authors = "Albert Gu and Tri Dao",
            Versions = [new PaperVersion(1, new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero)), new PaperVersion(2, new DateTimeOffset(2024, 5, 31, 0, 0, 0, TimeSpan.Zero))],
            VersionsComplete = true,
            Source = RecordSource.ArxivApi,
            FetchedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
        }]);
        return workspace;
    }

    private static JsonObject Request(string uri, (int Line, int Character) start, (int Line, int Character) end, JsonArray? diagnostics = null, params string[] only)
    {
        var context = new JsonObject { ["diagnostics"] = diagnostics ?? [] };
        if (only.Length > 0) context["only"] = new JsonArray(only.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
        return new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = start.Line, ["character"] = start.Character },
                ["end"] = new JsonObject { ["line"] = end.Line, ["character"] = end.Character },
            },
            ["context"] = context,
        };
    }

    private static async Task<(LspTestClient Client, JsonElement[] Actions, string Text)> ActionsAt(string file, string marked, TestWorkspace? workspace = null)
    {
        var fixture = CursorFixture.Parse(marked);
        var client = await LspTestClient.StartAsync(workspace ?? new TestWorkspace());
        await client.OpenAsync(file, fixture.Text, LanguageOf(file));
        var actions = await client.RequestAsync("textDocument/codeAction", Request(client.Workspace.Uri(file), fixture.Cursor, fixture.Cursor));
        return (client, actions.EnumerateArray().ToArray(), fixture.Text);
    }

    private static string LanguageOf(string file) => Path.GetExtension(file) switch
    {
        ".py" => "python",
        ".bib" => "bibtex",
        ".tex" => "latex",
        _ => "markdown",
    };

    /// <summary>The document after the action's edits, applied as an editor applies them.</summary>
    private static string Apply(string text, string uri, JsonElement action)
    {
        var lines = new LineMap(text);
        var edits = action.GetProperty("edit").GetProperty("changes").GetProperty(uri).EnumerateArray()
            .Select(e => (
                Start: Offset(lines, e.GetProperty("range").GetProperty("start")),
                End: Offset(lines, e.GetProperty("range").GetProperty("end")),
                NewText: e.GetProperty("newText").GetString()!))
            .OrderByDescending(e => e.Start);
        foreach (var (start, end, newText) in edits) text = text[..start] + newText + text[end..];
        return text;
    }

    private static int Offset(LineMap lines, JsonElement position) =>
        lines.GetOffset(position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());

    private static string Title(JsonElement action) => action.GetProperty("title").GetString()!;

    private static string Kind(JsonElement action) => action.GetProperty("kind").GetString()!;

    /// <summary>A quick fix that corrects the finding, not the one that ignores it.</summary>
    private static bool IsFix(JsonElement action) => Kind(action) == "quickfix" && !Title(action).StartsWith("Ignore this finding", StringComparison.Ordinal);

    [Fact]
    public async Task A_mismatched_title_in_a_markdown_link_becomes_the_real_title_and_the_fix_carries_its_diagnostic()
    {
        var fixture = CursorFixture.Parse("See [Attention Is All You Need](https://arxiv.org/abs/2012.07$0436).\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", fixture.Text);
        var uri = client.Workspace.Uri("notes.md");
        var published = await client.WaitForDiagnosticsAsync(uri, d => d.EnumerateArray().Any(x => x.GetProperty("code").GetString() == "PL003"));

        var actions = await client.RequestAsync("textDocument/codeAction",
            Request(uri, fixture.Cursor, fixture.Cursor, (JsonArray)JsonNode.Parse(published.GetRawText())!));

        var fix = Assert.Single(actions.EnumerateArray(), IsFix);
        Assert.Equal($"Change the title to \u201C{InformerTitle}\u201D", Title(fix));
        Assert.True(fix.GetProperty("isPreferred").GetBoolean());
        Assert.Equal("PL003", Assert.Single(fix.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal($"See [{InformerTitle}](https://arxiv.org/abs/2012.07436).\n", Apply(fixture.Text, uri, fix));
    }

    private const string Seq2Seq = "Sequence to Sequence Learning with Neural Networks";

    [Theory]
    [InlineData("notes.md", "- [" + Seq2Seq + "](https://arxiv.org/abs/2404.16$0112)\n", "- [" + Seq2Seq + "](https://arxiv.org/abs/1409.3215)\n")]
    [InlineData("notes.md", "Sutskever, I., & Le, Q. V. (2014). " + Seq2Seq + ". arXiv:2404.16$0112v2\n", "Sutskever, I., & Le, Q. V. (2014). " + Seq2Seq + ". arXiv:1409.3215v1\n")]
    [InlineData("model.py", "# arXiv:2404.16$0112 \"" + Seq2Seq + "\"\nx = 1\n", "# arXiv:1409.3215 \"" + Seq2Seq + "\"\nx = 1\n")]
    [InlineData("refs.bib", "@misc{s14,\n  title = {" + Seq2Seq + "},\n  eprint = {2404.16$0112},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2404.16112},\n}\n",
        "@misc{s14,\n  title = {" + Seq2Seq + "},\n  eprint = {1409.3215},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/1409.3215},\n}\n")]
    [InlineData("paper.tex", "\\begin{thebibliography}{9}\n\\bibitem{s14} I.~Sutskever, O.~Vinyals, and Q.~V. Le.\n\\newblock " + Seq2Seq + ".\n\\newblock arXiv:2404.16$0112, 2014.\n\\end{thebibliography}\n",
        "\\begin{thebibliography}{9}\n\\bibitem{s14} I.~Sutskever, O.~Vinyals, and Q.~V. Le.\n\\newblock " + Seq2Seq + ".\n\\newblock arXiv:1409.3215, 2014.\n\\end{thebibliography}\n")]
    public async Task A_title_under_the_wrong_id_gets_the_id_of_the_paper_with_that_title(string file, string marked, string expected)
    {
        var fixture = CursorFixture.Parse(marked);
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync(file, fixture.Text, LanguageOf(file));
        var uri = client.Workspace.Uri(file);
        var published = await client.WaitForDiagnosticsAsync(uri, d => d.EnumerateArray().Any(x => x.GetProperty("code").GetString() == "PL003"));
        var mismatch = Assert.Single(published.EnumerateArray(), x => x.GetProperty("code").GetString() == "PL003");
        Assert.EndsWith("; it is the title of arXiv:1409.3215", mismatch.GetProperty("message").GetString(), StringComparison.Ordinal);

        var actions = await client.RequestAsync("textDocument/codeAction",
            Request(uri, fixture.Cursor, fixture.Cursor, (JsonArray)JsonNode.Parse(published.GetRawText())!));

        var fix = actions.EnumerateArray().First(IsFix);
        Assert.Equal($"Replace the id with arXiv:1409.3215 \u201C{Seq2Seq}\u201D, the paper with this title", Title(fix));
        Assert.Equal("PL003", Assert.Single(fix.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(expected, Apply(fixture.Text, uri, fix));
    }

    [Fact]
    public async Task A_rule_turned_off_offers_no_fix()
    {
        var fixture = CursorFixture.Parse("See [Attention Is All You Need](https://arxiv.org/abs/2012.07$0436).\n");
        var settings = new JsonObject { ["rules"] = new JsonObject { ["title-mismatch"] = "off" } };
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), initializationOptions: settings);
        await client.OpenAsync("notes.md", fixture.Text);

        var actions = await client.RequestAsync("textDocument/codeAction", Request(client.Workspace.Uri("notes.md"), fixture.Cursor, fixture.Cursor));

        Assert.DoesNotContain(actions.EnumerateArray(), a => Kind(a) == "quickfix");
    }

    [Theory]
    [InlineData("{{Attention Is All You Need}}", "{{" + InformerTitle + "}}")]
    [InlineData("{Attention Is All You Need}", "{" + InformerTitle + "}")]
    [InlineData("\"Attention Is All You Need\"", "\"" + InformerTitle + "\"")]
    public async Task A_mismatched_bibtex_title_is_replaced_inside_its_delimiters(string written, string expected)
    {
        const string entry = "@article{{zhou2021,\n  title = {0},\n  eprint = {{2012.07$0436}},\n  archivePrefix = {{arXiv}},\n}}\n";
        var (client, actions, text) = await ActionsAt("refs.bib", string.Format(entry, written));
        await using var _ = client;

        var fix = Assert.Single(actions, IsFix);

        Assert.Equal(string.Format(entry, expected).Replace("$0", ""), Apply(text, client.Workspace.Uri("refs.bib"), fix));
    }

    [Theory]
    [InlineData("# Mamba arXiv:2312.00752v$01\n", "Update to the latest version v2", "PL005", "# Mamba arXiv:2312.00752v2\n")]
    [InlineData("# Mamba arXiv:2312.00752v$03\n", "Change to the latest version v2 (v3 does not exist)", "PL006", "# Mamba arXiv:2312.00752v2\n")]
    public async Task A_pinned_version_that_is_old_or_missing_is_fixed_to_the_latest(string marked, string title, string rule, string expected)
    {
        var fixture = CursorFixture.Parse(marked);
        await using var client = await LspTestClient.StartAsync(WithCompleteHistory());
        await client.OpenAsync("model.py", fixture.Text, "python");
        var uri = client.Workspace.Uri("model.py");
        var published = await client.WaitForDiagnosticsAsync(uri, d => d.EnumerateArray().Any(x => x.GetProperty("code").GetString() == rule));

        var actions = (await client.RequestAsync("textDocument/codeAction",
            Request(uri, fixture.Cursor, fixture.Cursor, (JsonArray)JsonNode.Parse(published.GetRawText())!))).EnumerateArray().ToArray();

        var fix = Assert.Single(actions, IsFix);
        Assert.Equal(title, Title(fix));
        Assert.Equal(rule, Assert.Single(fix.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(expected, Apply(fixture.Text, uri, fix));
        Assert.DoesNotContain(actions, a => Title(a).StartsWith("Pin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unpinned_citation_can_be_pinned_only_when_the_history_is_complete()
    {
        var (client, actions, text) = await ActionsAt("model.py", "# arXiv:2312.00$0752\n", WithCompleteHistory());
        await using var _ = client;
        var pin = Assert.Single(actions, a => Title(a) == "Pin to the latest version v2");
        Assert.Equal("refactor.rewrite", Kind(pin));
        Assert.False(pin.TryGetProperty("diagnostics", out var _), "a rewrite resolves no finding");
        Assert.Equal("# arXiv:2312.00752v2\n", Apply(text, client.Workspace.Uri("model.py"), pin));

        var (partial, partialActions, _) = await ActionsAt("model.py", "# arXiv:2404.16$0112\n");
        await using var __ = partial;
        Assert.DoesNotContain(partialActions, a => Title(a).StartsWith("Pin", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("model.py", "# paper: https://arxiv.org/pdf/2404.16$0112v1.pdf\n", "# paper: arXiv:2404.16112v1\n")]
    [InlineData("model.py", "# DOI 10.48550/arXiv.2404.16$0112\n", "# DOI arXiv:2404.16112\n")]
    [InlineData("notes.md", "[the survey](https://ar5iv.labs.arxiv.org/html/2404.16$0112)\n", "[the survey](https://arxiv.org/abs/2404.16112)\n")]
    [InlineData("notes.md", "Cite doi:10.48550/arXiv.2404.16$0112 please.\n", "Cite https://arxiv.org/abs/2404.16112 please.\n")]
    [InlineData("notes.md", "<https://huggingface.co/papers/2404.16$0112>\n", "<https://arxiv.org/abs/2404.16112>\n")]
    [InlineData("refs.bib", "@misc{p,\n  url = {http://arxiv.org/pdf/2404.16$0112},\n}\n", "@misc{p,\n  url = {https://arxiv.org/abs/2404.16112},\n}\n")]
    [InlineData("notes.md", "Code:\n\n```python\n# paper: https://arxiv.org/pdf/2404.16$0112\n```\n", "Code:\n\n```python\n# paper: arXiv:2404.16112\n```\n")]
    [InlineData("model.py", "# paper: https://browse.arxiv.org/abs/2404.16$0112\n", "# paper: arXiv:2404.16112\n")]
    [InlineData("model.py", "# paper: https://arxiv.org/abs/arXiv:2404.16$0112\n", "# paper: arXiv:2404.16112\n")]
    [InlineData("notes.md", "<https://hf.co/papers/2404.16$0112>\n", "<https://arxiv.org/abs/2404.16112>\n")]
    [InlineData("notes.md", "[the survey](https://www.alphaxiv.org/overview/2404.16$0112)\n", "[the survey](https://arxiv.org/abs/2404.16112)\n")]
    [InlineData("refs.bib", "@misc{p,\n  howpublished = {\\url{hf.co/papers/2404.16$0112}},\n}\n", "@misc{p,\n  howpublished = {\\url{https://arxiv.org/abs/2404.16112}},\n}\n")]
    public async Task A_url_or_doi_becomes_the_canonical_form_of_its_place(string file, string marked, string expected)
    {
        var (client, actions, text) = await ActionsAt(file, marked);
        await using var _ = client;

        var rewrite = Assert.Single(actions, a => Title(a).StartsWith("Use the canonical", StringComparison.Ordinal));

        Assert.Equal("refactor.rewrite", Kind(rewrite));
        Assert.Equal(expected, Apply(text, client.Workspace.Uri(file), rewrite));
    }

    [Theory]
    [InlineData("notes.md", "[the survey](https://arxiv.org/abs/2404.16$0112)\n")]
    [InlineData("refs.bib", "@misc{p,\n  doi = {10.48550/arXiv.2404.16$0112},\n}\n")]
    [InlineData("model.py", "# arXiv:2404.16$0112\n")]
    public async Task A_citation_already_in_its_canonical_form_is_not_rewritten(string file, string marked)
    {
        var (client, actions, _) = await ActionsAt(file, marked);
        await using var __ = client;

        Assert.DoesNotContain(actions, a => Title(a).StartsWith("Use the canonical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bare_id_in_code_gets_its_title_quoted_beside_it_which_then_counts_as_its_title()
    {
        var (client, actions, text) = await ActionsAt("model.py", "# see arXiv:2404.16$0112\n");
        await using var _ = client;
        var uri = client.Workspace.Uri("model.py");

        var add = Assert.Single(actions, a => Title(a).StartsWith("Add the title", StringComparison.Ordinal));
        var titled = Apply(text, uri, add);
        Assert.Equal($"# see arXiv:2404.16112 (\"{SurveyTitle}\")\n", titled);

        // Written back, the title is read as the citation's title claim: no more hint, no more offer.
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = titled }),
        });
        var again = await client.RequestAsync("textDocument/codeAction", Request(uri, (0, 16), (0, 16)));
        Assert.DoesNotContain(again.EnumerateArray(), a => Title(a).StartsWith("Add the title", StringComparison.Ordinal));
        var hints = await client.RequestAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 1, ["character"] = 0 } },
        });
        Assert.Equal(0, hints.GetArrayLength());
    }

    [Fact]
    public async Task A_bare_id_in_markdown_prose_becomes_a_titled_link()
    {
        var (client, actions, text) = await ActionsAt("notes.md", "See arXiv:2404.16$0112.\n");
        await using var _ = client;

        var link = Assert.Single(actions, a => Title(a).StartsWith("Write as a link", StringComparison.Ordinal));

        Assert.Equal($"See [{SurveyTitle}](https://arxiv.org/abs/2404.16112).\n", Apply(text, client.Workspace.Uri("notes.md"), link));
    }

    [Theory]
    [InlineData("See arXiv preprint 2404.16$0112.\n")]
    [InlineData("See _arXiv：2404.16$0112_.\n")]
    public async Task A_bare_id_in_any_prefix_phrasing_becomes_a_titled_link_in_place_of_the_whole_prefix(string marked)
    {
        var (client, actions, text) = await ActionsAt("notes.md", marked);
        await using var _ = client;

        var link = Assert.Single(actions, a => Title(a).StartsWith("Write as a link", StringComparison.Ordinal));

        var expected = marked.Contains('_') ? $"See _[{SurveyTitle}](https://arxiv.org/abs/2404.16112)_.\n" : $"See [{SurveyTitle}](https://arxiv.org/abs/2404.16112).\n";
        Assert.Equal(expected, Apply(text, client.Workspace.Uri("notes.md"), link));
    }

    [Fact]
    public async Task A_bare_id_in_a_markdown_code_block_gets_the_quoted_title_of_code()
    {
        var (client, actions, text) = await ActionsAt("notes.md", "```python\n# see arXiv:2404.16$0112\n```\n");
        await using var _ = client;

        var add = Assert.Single(actions, a => Title(a).StartsWith("Add the title", StringComparison.Ordinal));

        Assert.Equal($"```python\n# see arXiv:2404.16112 (\"{SurveyTitle}\")\n```\n", Apply(text, client.Workspace.Uri("notes.md"), add));
    }

    [Fact]
    public async Task In_a_notebook_the_new_text_is_escaped_for_the_json_around_it()
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = "code",
                ["metadata"] = new JsonObject(),
                ["source"] = new JsonArray("# see arXiv:2404.16112\n", "x = 1\n"),
                ["outputs"] = new JsonArray(),
                ["execution_count"] = null,
            }),
            ["metadata"] = new JsonObject { ["language_info"] = new JsonObject { ["name"] = "python" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("analysis.ipynb", notebook, "json");
        var uri = client.Workspace.Uri("analysis.ipynb");
        var (line, column) = new LineMap(notebook).GetPosition(notebook.IndexOf("2404.16112", StringComparison.Ordinal));

        var actions = await client.RequestAsync("textDocument/codeAction", Request(uri, (line, column), (line, column)));

        var add = Assert.Single(actions.EnumerateArray(), a => Title(a).StartsWith("Add the title", StringComparison.Ordinal));
        var source = JsonNode.Parse(Apply(notebook, uri, add))!["cells"]![0]!["source"]![0]!.GetValue<string>();
        Assert.Equal($"# see arXiv:2404.16112 (\"{SurveyTitle}\")\n", source);
    }

    [Fact]
    public async Task Edit_ranges_count_utf8_bytes_when_the_client_chose_utf8()
    {
        var capabilities = new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-8") } };
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), capabilities);
        await client.OpenAsync("notes.md", "Café ☕ voir https://arxiv.org/pdf/2404.16112\n");
        var uri = client.Workspace.Uri("notes.md");

        // The cursor on the id: byte 40 is UTF-16 column 37.
        var actions = await client.RequestAsync("textDocument/codeAction", Request(uri, (0, 40), (0, 40)));

        var rewrite = Assert.Single(actions.EnumerateArray(), a => Title(a).StartsWith("Use the canonical", StringComparison.Ordinal));
        var edit = Assert.Single(rewrite.GetProperty("edit").GetProperty("changes").GetProperty(uri).EnumerateArray());
        var range = edit.GetProperty("range");
        Assert.Equal((15, 47), (range.GetProperty("start").GetProperty("character").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));
        Assert.Equal("https://arxiv.org/abs/2404.16112", edit.GetProperty("newText").GetString());
    }

    [Fact]
    public async Task Only_the_requested_kinds_are_offered()
    {
        var fixture = CursorFixture.Parse("# arXiv:2312.00752v$01\n");
        await using var client = await LspTestClient.StartAsync(WithCompleteHistory());
        await client.OpenAsync("model.py", fixture.Text, "python");
        var uri = client.Workspace.Uri("model.py");

        var quickfixes = await client.RequestAsync("textDocument/codeAction", Request(uri, fixture.Cursor, fixture.Cursor, null, "quickfix"));
        var rewrites = await client.RequestAsync("textDocument/codeAction", Request(uri, fixture.Cursor, fixture.Cursor, null, "refactor.rewrite"));
        var refactorings = await client.RequestAsync("textDocument/codeAction", Request(uri, fixture.Cursor, fixture.Cursor, null, "refactor"));

        Assert.Equal(["Update to the latest version v2", "Ignore this finding (PL005)"], quickfixes.EnumerateArray().Select(Title));
        Assert.All(quickfixes.EnumerateArray(), a => Assert.Equal("quickfix", Kind(a)));
        Assert.Equal(["refactor.rewrite"], rewrites.EnumerateArray().Select(Kind));
        // "refactor" takes in its sub-kinds: the rewrite, and adding the paper to the bibliography.
        Assert.Equal(["refactor.rewrite", "refactor"], refactorings.EnumerateArray().Select(Kind));
    }

    [Fact]
    public async Task No_actions_off_a_citation_past_the_end_or_in_a_document_that_is_not_open()
    {
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", "Intro text.\n\nSee https://arxiv.org/pdf/2404.16112 here.\n");
        var uri = client.Workspace.Uri("notes.md");

        var offCitation = await client.RequestAsync("textDocument/codeAction", Request(uri, (0, 2), (0, 5)));
        var pastTheEnd = await client.RequestAsync("textDocument/codeAction", Request(uri, (70, 3), (80, 900)));
        var notOpen = await client.RequestAsync("textDocument/codeAction", Request(client.Workspace.Uri("other.md"), (0, 0), (0, 0)));
        var wholeDocument = await client.RequestAsync("textDocument/codeAction", Request(uri, (0, 0), (80, 900)));

        Assert.Equal(0, offCitation.GetArrayLength());
        Assert.Equal(0, pastTheEnd.GetArrayLength());
        Assert.Equal(0, notOpen.GetArrayLength());
        Assert.NotEqual(0, wholeDocument.GetArrayLength());
    }
}

/// <summary>"Add to bibliography" over the protocol: a <c>refactor</c> whose edit appends the entry at the
/// end of the workspace's .bib, or creates <c>references.bib</c> (<c>documentChanges</c>: a CreateFile, then
/// the text) when there is none.</summary>
public class AddToBibliographyActionTests
{
    private static JsonObject Request(string uri, (int Line, int Character) at) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = at.Line, ["character"] = at.Character },
            ["end"] = new JsonObject { ["line"] = at.Line, ["character"] = at.Character },
        },
        ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
    };

    [Fact]
    public async Task Without_a_bib_the_action_creates_references_bib_holding_the_entry()
    {
        var fixture = CursorFixture.Parse("Read arXiv:1409.3$0215.\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", fixture.Text);

        var actions = await client.RequestAsync("textDocument/codeAction", Request(client.Workspace.Uri("notes.md"), fixture.Cursor));

        var add = Assert.Single(actions.EnumerateArray(), a => a.GetProperty("kind").GetString() == "refactor");
        Assert.Equal("Add to bibliography: sutskever2014sequence in references.bib (new file)", add.GetProperty("title").GetString());
        var changes = add.GetProperty("edit").GetProperty("documentChanges").EnumerateArray().ToArray();
        var bib = client.Workspace.Uri("references.bib");
        Assert.Equal(("create", bib, true), (changes[0].GetProperty("kind").GetString(), changes[0].GetProperty("uri").GetString(), changes[0].GetProperty("options").GetProperty("ignoreIfExists").GetBoolean()));
        Assert.Equal((bib, JsonValueKind.Null), (changes[1].GetProperty("textDocument").GetProperty("uri").GetString(), changes[1].GetProperty("textDocument").GetProperty("version").ValueKind));
        var insert = Assert.Single(changes[1].GetProperty("edits").EnumerateArray());
        Assert.Equal("""{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}""", insert.GetProperty("range").GetRawText());
        Assert.StartsWith("@misc{sutskever2014sequence,\n      title={Sequence to Sequence Learning with Neural Networks},\n", insert.GetProperty("newText").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_one_bib_the_entry_is_appended_at_its_end_and_the_rest_is_untouched()
    {
        const string existing = "% my refs\n@book{knuth, title = {The {\\TeX}book}}";
        var fixture = CursorFixture.Parse("# arXiv:1409.3$0215\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("refs.bib", existing, "bibtex");
        await client.OpenAsync("model.py", fixture.Text, "python");

        var actions = await client.RequestAsync("textDocument/codeAction", Request(client.Workspace.Uri("model.py"), fixture.Cursor));

        var add = Assert.Single(actions.EnumerateArray(), a => a.GetProperty("kind").GetString() == "refactor");
        var edit = Assert.Single(add.GetProperty("edit").GetProperty("changes").GetProperty(client.Workspace.Uri("refs.bib")).EnumerateArray());
        Assert.Equal("""{"start":{"line":1,"character":38},"end":{"line":1,"character":38}}""", edit.GetProperty("range").GetRawText());
        var applied = existing + edit.GetProperty("newText").GetString();
        var scan = PaperLens.Core.Scanning.Bibtex.BibtexScanner.Scan(applied, 0, applied.Length);
        Assert.Empty(scan.Problems);
        Assert.Equal(["knuth", "sutskever2014sequence"], scan.Entries.Select(e => e.Key));
    }
}
