using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

/// <summary>Issue 3, completion: the query and what an accepted item inserts, per place (after
/// <c>arXiv:</c> in a code comment, Markdown prose, inside <c>[@</c>), ranking, resolve and the list's limits.</summary>
public class CompletionTests
{
    private const string Seq2Seq = "Sequence to Sequence Learning with Neural Networks";

    [Fact]
    public async Task After_arXiv_in_a_Python_comment_the_typed_words_are_replaced_by_the_id()
    {
        var fixture = CursorFixture.Parse("import torch\n\n# encoder-decoder, see arXiv:sequence neu$0\nx = 1\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("model.py", fixture.Text, "python");

        var list = await Complete(client, "model.py", fixture, triggerKind: 1);

        var item = Single(list, Seq2Seq);
        Assert.Equal("1409.3215", item.GetProperty("textEdit").GetProperty("newText").GetString());
        Assert.Equal(((2, 29), (2, 41)), Range(item));
        Assert.Equal("I. Sutskever et al. · 2014", item.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_requested_completion_in_a_comment_inserts_the_prefixed_id_and_outside_comments_offers_nothing()
    {
        var inComment = CursorFixture.Parse("x = 1  # like sutskev$0\n");
        var inCode = CursorFixture.Parse("seq2$0 = 1\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("a.py", inComment.Text, "python");
        await client.OpenAsync("b.py", inCode.Text, "python");

        var item = Single(await Complete(client, "a.py", inComment, triggerKind: 1), Seq2Seq);
        Assert.Equal("arXiv:1409.3215", item.GetProperty("textEdit").GetProperty("newText").GetString());
        Assert.Equal(((0, 14), (0, 21)), Range(item));
        Assert.Empty(Items(await Complete(client, "b.py", inCode, triggerKind: 1)));
    }

    [Fact]
    public async Task In_Markdown_prose_the_current_word_becomes_a_link_with_the_title()
    {
        var fixture = CursorFixture.Parse("# Notes\n\nRecurrent models (Sutsk$0) were first.\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", fixture.Text);

        var list = await Complete(client, "notes.md", fixture, triggerKind: 1);

        var item = Single(list, Seq2Seq);
        Assert.Equal($"[{Seq2Seq}](https://arxiv.org/abs/1409.3215)", item.GetProperty("textEdit").GetProperty("newText").GetString());
        Assert.Equal(((2, 18), (2, 23)), Range(item));
    }

    [Fact]
    public async Task Inside_a_pandoc_citation_the_bib_keys_are_offered_with_their_titles()
    {
        const string bib = "@article{sutskever2014,\n  title = {{Sequence} to Sequence Learning with Neural Networks},\n  author = {Sutskever, Ilya and Vinyals, Oriol},\n  year = {2014},\n  eprint = {1409.3215},\n}\n@misc{other2020, title = {Something Else}, year = {2020}}\n";
        var fixture = CursorFixture.Parse("As shown [see @sut$0], recurrent.\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("refs.bib", bib, "bibtex");
        await client.OpenAsync("paper.md", fixture.Text);

        var list = await Complete(client, "paper.md", fixture, triggerKind: 2, triggerCharacter: "@");

        var item = Single(list, Seq2Seq);
        Assert.Equal("sutskever2014", item.GetProperty("textEdit").GetProperty("newText").GetString());
        Assert.Equal(((0, 15), (0, 18)), Range(item));
        Assert.Contains("sutskever2014", item.GetProperty("detail").GetString());
        Assert.DoesNotContain(Items(list), i => i.GetProperty("label").GetString() == "Something Else");
    }

    [Fact]
    public async Task Accepting_a_catalog_paper_inside_a_pandoc_citation_inserts_a_new_key_and_adds_its_entry_to_a_new_references_bib()
    {
        // The note names its bibliography, which does not exist yet: the entry creates it.
        var fixture = CursorFixture.Parse("---\nbibliography: references.bib\n---\nRecurrent models [@sutsk$0\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", fixture.Text);
        var uri = client.Workspace.Uri("notes.md");

        // Accepting the item, as an editor does: its text edit, then its command.
        var item = Single(await Complete(client, "notes.md", fixture, triggerKind: 1), Seq2Seq);
        var key = item.GetProperty("textEdit").GetProperty("newText").GetString();
        Assert.Equal("sutskever2014sequence", key);
        Assert.Equal(((3, 19), (3, 24)), Range(item));
        var accepted = $"---\nbibliography: references.bib\n---\nRecurrent models [@{key}]\n";
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = accepted }),
        });
        static bool Unresolved(JsonElement diagnostics) => diagnostics.EnumerateArray().Any(d => d.GetProperty("code").GetString() == "PL008");
        await client.WaitForDiagnosticsAsync(uri, Unresolved);
        var command = item.GetProperty("command");
        Assert.Equal("paperlens.addToBibliography", command.GetProperty("command").GetString());
        await client.RequestAsync("workspace/executeCommand", new JsonObject
        {
            ["command"] = command.GetProperty("command").GetString(),
            ["arguments"] = JsonNode.Parse(command.GetProperty("arguments").GetRawText()),
        });

        var applyEdit = await client.WaitForAsync("workspace/applyEdit");
        var changes = applyEdit!["edit"]!["documentChanges"]!.AsArray();
        var bib = client.Workspace.Uri("references.bib");
        Assert.Equal(("create", bib), (changes[0]!["kind"]!.GetValue<string>(), changes[0]!["uri"]!.GetValue<string>()));
        var entry = changes[1]!["edits"]![0]!["newText"]!.GetValue<string>();
        var scan = PaperLens.Core.Scanning.Bibtex.BibtexScanner.Scan(entry, 0, entry.Length);
        Assert.Empty(scan.Problems);
        Assert.Equal(("sutskever2014sequence", "1409.3215"), (scan.Entries.Single().Key, scan.Entries.Single().Id?.Canonical));

        // The created file, as the editor opens it: the note's key resolves.
        await client.OpenAsync("references.bib", entry, "bibtex");
        await client.WaitForDiagnosticsAsync(uri, diagnostics => !Unresolved(diagnostics));
        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(uri, (3, 22)));
        Assert.Contains(Seq2Seq, hover.GetProperty("contents").GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_catalog_paper_a_bib_names_is_inserted_as_that_key_with_no_command()
    {
        const string bib = "@misc{seq2seq, title = {Sequence to Sequence Learning}, eprint = {1409.3215}}\n";
        var fixture = CursorFixture.Parse("\\documentclass{article}\n\\begin{document}\nAs in~\\cite{seque$0\n\\end{document}\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("refs.bib", bib, "bibtex");
        await client.OpenAsync("paper.tex", fixture.Text, "latex");

        var items = Items(await Complete(client, "paper.tex", fixture, triggerKind: 1));

        var named = Assert.Single(items, i => i.GetProperty("textEdit").GetProperty("newText").GetString() == "seq2seq");
        Assert.False(named.TryGetProperty("command", out _));
        Assert.All(items.Where(i => i.TryGetProperty("command", out _)), i => Assert.DoesNotContain(":", i.GetProperty("textEdit").GetProperty("newText").GetString()));
    }

    [Fact]
    public async Task Typing_the_brace_of_a_LaTeX_cite_offers_the_bib_keys_first()
    {
        const string bib = "@article{sutskever2014,\n  title = {{Sequence} to Sequence Learning with Neural Networks},\n  eprint = {1409.3215},\n}\n";
        var fixture = CursorFixture.Parse("\\documentclass{article}\n\\begin{document}\nRecurrent models~\\citep{$0\n\\bibliography{refs}\n\\end{document}\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("refs.bib", bib, "bibtex");
        await client.OpenAsync("paper.tex", fixture.Text, "latex");

        var list = await Complete(client, "paper.tex", fixture, triggerKind: 2, triggerCharacter: "{");

        var first = Items(list).First();
        Assert.Equal("sutskever2014", first.GetProperty("textEdit").GetProperty("newText").GetString());
        Assert.Equal(((2, 24), (2, 24)), Range(first));
    }

    [Fact]
    public async Task Papers_cited_in_the_workspace_come_first()
    {
        // No title starts with "learn": every match is in one class, where cited papers lead, and
        // shorter titles lead the others.
        var fixture = CursorFixture.Parse("arXiv:learn$0\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", fixture.Text);
        var before = Items(await Complete(client, "notes.md", fixture, triggerKind: 1)).Select(Label).ToList();
        await client.OpenAsync("cites.md", "We build on arXiv:1409.3215.\n");

        var after = Items(await Complete(client, "notes.md", fixture, triggerKind: 1)).Select(Label).ToList();

        Assert.NotEqual(Seq2Seq, before[0]);
        Assert.Equal(Seq2Seq, after[0]);
        Assert.Equal(before.Order(), after.Order());
    }

    [Fact]
    public async Task Resolve_fills_in_the_abstract_summary()
    {
        var fixture = CursorFixture.Parse("arXiv:1409.32$0\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("notes.md", fixture.Text);
        var item = Single(await Complete(client, "notes.md", fixture, triggerKind: 1), Seq2Seq);
        Assert.False(item.TryGetProperty("documentation", out _));

        var resolved = await client.RequestAsync("completionItem/resolve", JsonNode.Parse(item.GetRawText()));

        var documentation = resolved.GetProperty("documentation").GetProperty("value").GetString()!;
        Assert.Contains("Deep Neural Networks (DNNs)", documentation);
        Assert.Equal("1409.3215", resolved.GetProperty("textEdit").GetProperty("newText").GetString());
    }

    [Fact]
    public async Task Lists_hold_at_most_50_items_and_are_incomplete_while_the_query_is_short_or_more_match()
    {
        var many = CursorFixture.Parse("arXiv:20$0\n");
        var one = CursorFixture.Parse("arXiv:sequence sutskever$0\n");
        var shortQuery = CursorFixture.Parse("arXiv:mo$0\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("many.md", many.Text);
        await client.OpenAsync("one.md", one.Text);
        await client.OpenAsync("short.md", shortQuery.Text);

        var manyList = await Complete(client, "many.md", many, triggerKind: 1);
        Assert.Equal(50, Items(manyList).Count);
        Assert.True(manyList.GetProperty("isIncomplete").GetBoolean());
        var oneList = await Complete(client, "one.md", one, triggerKind: 1);
        Assert.Equal([Seq2Seq], Items(oneList).Select(Label));
        Assert.False(oneList.GetProperty("isIncomplete").GetBoolean());
        Assert.True((await Complete(client, "short.md", shortQuery, triggerKind: 1)).GetProperty("isIncomplete").GetBoolean());
    }

    [Fact]
    public async Task A_trigger_character_elsewhere_and_positions_past_the_end_give_an_empty_list()
    {
        var colon = CursorFixture.Parse("Note:$0 nothing here\n");
        await using var client = await LspTestClient.StartAsync(new TestWorkspace());
        await client.OpenAsync("a.md", colon.Text);

        Assert.Empty(Items(await Complete(client, "a.md", colon, triggerKind: 2, triggerCharacter: ":")));
        var past = CursorFixture.Parse("$0");
        Assert.Empty(Items(await Complete(client, "a.md", past with { Line = 40, Character = 900 }, triggerKind: 1)));
    }

    private static async Task<JsonElement> Complete(LspTestClient client, string path, CursorFixture fixture, int triggerKind, string? triggerCharacter = null)
    {
        var parameters = LspTestClient.Position(client.Workspace.Uri(path), fixture.Cursor);
        var context = new JsonObject { ["triggerKind"] = triggerKind };
        if (triggerCharacter is not null) context["triggerCharacter"] = triggerCharacter;
        parameters["context"] = context;
        return await client.RequestAsync("textDocument/completion", parameters);
    }

    private static List<JsonElement> Items(JsonElement list) => list.GetProperty("items").EnumerateArray().ToList();

    private static string? Label(JsonElement item) => item.GetProperty("label").GetString();

    private static JsonElement Single(JsonElement list, string label) => Assert.Single(Items(list), i => Label(i) == label);

    private static ((int, int), (int, int)) Range(JsonElement item)
    {
        var range = item.GetProperty("textEdit").GetProperty("range");
        (int, int) At(string end) => (range.GetProperty(end).GetProperty("line").GetInt32(), range.GetProperty(end).GetProperty("character").GetInt32());
        return (At("start"), At("end"));
    }
}
