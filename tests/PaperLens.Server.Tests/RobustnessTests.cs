using System.Text;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

/// <summary>The real <c>paperlens lsp</c> process under what editors and broken plugins actually send:
/// garbage frames, unknown methods, impossible positions, edits to documents it never saw, huge
/// documents, floods of edits, cancellations. After each, the server answers every request, gives
/// the right answer for the text it was last sent, and is still running.</summary>
public class RobustnessTests
{
    private const string Mamba360 = "Mamba-360: Survey of State Space Models";
    private const string Informer = "Informer: Beyond Efficient Transformer";
    private const int MethodNotFound = -32601;
    private const int ServerNotInitialized = -32002;
    private const int RequestCancelled = -32800;

    [Fact]
    public async Task Malformed_headers_and_json_are_skipped_and_the_next_request_is_answered()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Survey: arXiv:2404.16112 is long.\n");

        byte[][] garbage =
        [
            Encoding.ASCII.GetBytes("no headers at all\r\n\r\n"),
            Encoding.ASCII.GetBytes("Content-Length: twelve\r\n\r\n"),
            Encoding.ASCII.GetBytes("Content-Length: -5\r\n\r\n"),
            Encoding.ASCII.GetBytes("Content-Type: application/vscode-jsonrpc\r\n\r\n"),
            StdioProcess.Frame(Encoding.UTF8.GetBytes("{not json")),
            StdioProcess.Frame(Encoding.UTF8.GetBytes("[1, 2")),
            StdioProcess.Frame(Encoding.UTF8.GetBytes("\"just a string\"")),
            StdioProcess.Frame([0xFF, 0xFE, 0x7B, 0xC3]),
            StdioProcess.Frame(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\"}")),
            StdioProcess.Frame([]),
        ];
        foreach (var bytes in garbage) await server.WriteRawAsync(bytes);
        var wrongShape = await server.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = 5, ["position"] = "here" });

        Assert.NotNull(wrongShape["error"]);
        Assert.Contains(Mamba360, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_request_whose_params_are_not_an_object_or_array_gets_an_error_response()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);

        // JSON-RPC allows only structured params; the request has an id, so the client waits for an answer.
        var answer = await server.RequestAsync("textDocument/hover", JsonValue.Create("not a position"));

        Assert.NotNull(answer["error"]);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Unknown_methods_get_MethodNotFound_and_unknown_notifications_are_ignored()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Survey: arXiv:2404.16112 is long.\n");

        var unknown = await server.RequestAsync("paperlens/noSuchMethod", new JsonObject());
        var unknownLsp = await server.RequestAsync("textDocument/prepareTypeHierarchy", At(uri, 0, 16));
        await server.NotifyAsync("$/someClientExtension", new JsonObject { ["x"] = 1 });
        await server.NotifyAsync("workspace/noSuchNotification", null);

        Assert.Equal(MethodNotFound, ErrorCode(unknown));
        Assert.Equal(MethodNotFound, ErrorCode(unknownLsp));
        Assert.Contains(Mamba360, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Requests_before_initialize_get_ServerNotInitialized_and_initialize_still_works()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        var uri = workspace.Uri("a.md");

        var hover = await server.RequestAsync("textDocument/hover", At(uri, 0, 0));
        var definition = await server.RequestAsync("textDocument/definition", At(uri, 0, 0));
        await server.NotifyAsync("textDocument/didChange", Change(uri, 2, 0, 0, 0, 0, "x"));

        Assert.Equal(ServerNotInitialized, ErrorCode(hover));
        Assert.Equal(ServerNotInitialized, ErrorCode(definition));
        var initialized = await server.InitializeAsync(workspace);
        Assert.NotNull(initialized["result"]?["capabilities"]?["hoverProvider"]);
        await OpenAsync(server, workspace, "a.md", "Survey: arXiv:2404.16112 is long.\n");
        Assert.Contains(Mamba360, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Positions_past_the_end_of_a_line_or_the_file_find_nothing_without_an_error()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        // Citations end neither the line nor the file: LSP clamps a long column to the line's end.
        var uri = await OpenAsync(server, workspace, "a.md", "see arXiv:2404.16112 for the survey\n\nthe end\n");
        (int Line, int Character)[] outside = [(0, 500), (2, 8), (3, 0), (99, 0), (int.MaxValue, int.MaxValue)];

        foreach (var (line, character) in outside)
        {
            foreach (var method in new[] { "textDocument/hover", "textDocument/definition" })
            {
                var answer = await server.RequestAsync(method, At(uri, line, character));
                Assert.True(answer["error"] is null, $"{method} at {line}:{character}: {answer.ToJsonString()}");
                Assert.Null(answer["result"]);
            }
            var references = await server.RequestAsync("textDocument/references", WithContext(At(uri, line, character)));
            Assert.True(references["error"] is null, $"references at {line}:{character}: {references.ToJsonString()}");
            Assert.True(references["result"] is null or JsonArray { Count: 0 }, references.ToJsonString());
            var completion = await server.RequestAsync("textDocument/completion", At(uri, line, character));
            Assert.True(completion["error"] is null, $"completion at {line}:{character}: {completion.ToJsonString()}");
        }
        // Completion past the end of a line is completion at its end (after the word "survey"), past
        // the end of the file at the file's end.
        Assert.Equal(await CompletionAt(server, uri, 0, 35), await CompletionAt(server, uri, 0, 500));
        Assert.Equal(await CompletionAt(server, uri, 3, 0), await CompletionAt(server, uri, 99, 0));
        var negative = await server.RequestAsync("textDocument/hover", At(uri, -1, -1));

        Assert.True(negative["error"] is not null || negative["result"] is null, negative.ToJsonString());
        Assert.Contains(Mamba360, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 12))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Changes_to_documents_that_are_not_open_are_ignored()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Survey: arXiv:2404.16112 is long.\n");
        workspace.Write("closed.md", "Informer arXiv:2012.07436\n");

        await server.NotifyAsync("textDocument/didChange", Change(workspace.Uri("never-opened.md"), 2, 0, 0, 0, 0, "arXiv:2313.00752 "));
        await server.NotifyAsync("textDocument/didChange", Change(workspace.Uri("closed.md"), 7, 0, 0, 0, 8, "typo arXiv:2313.00752"));
        await server.NotifyAsync("textDocument/didChange", Change("not a uri at all", 2, 0, 0, 0, 0, "x"));
        await server.NotifyAsync("textDocument/didChange", Change("https://example.com/a.md", 2, 0, 0, 0, 0, "x"));
        await server.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri("never-opened.md") } });
        // A range past the end of an open document is clamped, not thrown on.
        await server.NotifyAsync("textDocument/didChange", Change(uri, 2, 40, 0, 90, 0, "\nInformer arXiv:2012.07436\n"));

        Assert.Contains(Mamba360, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        Assert.Contains(Informer, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 2, 18))));
        Assert.Null((await server.RequestAsync("textDocument/hover", At(workspace.Uri("never-opened.md"), 0, 8)))["result"]);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_5_MB_document_is_opened_hovered_and_checked()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var text = new StringBuilder();
        var line = 0;
        while (text.Length < 5 * 1024 * 1024)
        {
            text.Append(line % 1000 == 0
                ? $"Line {line} cites arXiv:2404.16112 among notes on state space models.\n"
                : $"Line {line} is prose about sequence models, with nothing cited in it at all.\n");
            line++;
        }
        var typoLine = line++;
        text.Append("A typo: arXiv:2313.00752\n");
        var lastLine = line;
        text.Append("Finally arXiv:2012.07436 ends the notes.\n");
        var uri = await OpenAsync(server, workspace, "big.md", text.ToString());

        Assert.Contains(Informer, HoverText(await server.RequestAsync("textDocument/hover", At(uri, lastLine, 16))));
        Assert.Contains(Mamba360, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 1000, 25))));
        var published = await server.WaitForDiagnosticsAsync(uri, p => Codes(p).Contains("PL001"));
        var malformed = Diagnostics(published).Single(d => d["code"]!.GetValue<string>() == "PL001");
        Assert.Equal((typoLine, 14), (Line(malformed), Character(malformed)));
        await server.FinishAsync();
    }

    [Fact]
    public async Task After_10000_rapid_incremental_edits_hover_and_diagnostics_match_the_final_text()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = workspace.Uri("typing.md");
        var typing = new TypingSession(uri);
        await OpenAsync(server, workspace, "typing.md", typing.Text);
        var hoversWhileTyping = new List<Task<JsonObject>>();

        while (typing.Edits < 10_000)
        {
            await server.WriteAsync(typing.Next(100));
            if (typing.Edits % 1000 == 0) hoversWhileTyping.Add(server.SendRequest("textDocument/hover", At(uri, 0, 16)).Answer);
        }

        foreach (var answer in await Task.WhenAll(hoversWhileTyping)) Assert.True(answer["error"] is null, answer.ToJsonString());
        var final = typing.Text;
        var lines = final.Split('\n');
        var informerLine = Array.FindLastIndex(lines, l => l.StartsWith(TypingSession.InformerSentence, StringComparison.Ordinal));
        Assert.Contains(Informer, HoverText(await server.RequestAsync("textDocument/hover", At(uri, informerLine, 16))));
        var firstLineHover = HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16)));
        Assert.Contains(lines[0].Contains("2404.16112", StringComparison.Ordinal) ? Mamba360 : "2404.16113", firstLineHover);

        // The last line is cut mid-sentence, whatever it holds is not compared.
        var expectedTypos = lines.Select((l, i) => (Line: i, Text: l))
            .Where(l => l.Line < lines.Length - 1 && l.Text.StartsWith(TypingSession.TypoSentence, StringComparison.Ordinal))
            .Select(l => (l.Line, 11)).ToList();
        Assert.NotEmpty(expectedTypos);
        var published = await server.WaitForDiagnosticsAsync(uri, p => p["version"]?.GetValue<int>() == typing.Version);
        var malformed = Diagnostics(published).Where(d => d["code"]!.GetValue<string>() == "PL001" && Line(d) < lines.Length - 1)
            .Select(d => (Line(d), Character(d))).ToList();
        Assert.Equal(expectedTypos, malformed);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_change_becomes_U_FFFD_one_code_unit_long_and_the_change_is_applied()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "first line\n");

        // What a JavaScript editor sends for half an emoji: JSON.stringify escapes the lone surrogate.
        await server.WriteRawAsync(StdioProcess.Frame(Encoding.UTF8.GetBytes(
            DidChange(uri, 2, "LONE typo arXiv:2313.00752 and arXiv:2404.16112\n").Replace("LONE", "\\ud83d", StringComparison.Ordinal))));

        // U+FFFD takes the surrogate's one UTF-16 unit: every later column is where the editor has it.
        var published = await server.WaitForDiagnosticsAsync(uri, p => p["version"]?.GetValue<int>() == 2);
        var malformed = Diagnostics(published).Single(d => d["code"]!.GetValue<string>() == "PL001");
        Assert.Equal((0, 13), (Line(malformed), Character(malformed)));
        Assert.Contains(Mamba360, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 40))));
        // Deleting that one unit leaves the line as the editor has it after deleting the surrogate.
        await server.NotifyAsync("textDocument/didChange", Change(uri, 3, 0, 0, 0, 1, ""));
        published = await server.WaitForDiagnosticsAsync(uri, p => p["version"]?.GetValue<int>() == 3);
        malformed = Diagnostics(published).Single(d => d["code"]!.GetValue<string>() == "PL001");
        Assert.Equal((0, 12), (Line(malformed), Character(malformed)));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_in_a_change_become_U_FFFD_and_the_change_is_applied()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "first line\n");
        var body = Encoding.UTF8.GetBytes(DidChange(uri, 2, "BAD typo arXiv:2313.00752\n"));
        var bad = body.AsSpan().IndexOf("BAD"u8);
        // A Latin-1 é and a byte UTF-8 never uses: one U+FFFD each, as the workspace reader decodes files.
        byte[] message = [.. body.AsSpan(0, bad), 0xE9, 0xFF, .. body.AsSpan(bad + 3)];

        await server.WriteRawAsync(StdioProcess.Frame(message));

        var published = await server.WaitForDiagnosticsAsync(uri, p => p["version"]?.GetValue<int>() == 2);
        var malformed = Diagnostics(published).Single(d => d["code"]!.GetValue<string>() == "PL001");
        Assert.Equal((0, 14), (Line(malformed), Character(malformed)));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_FIFO_named_like_a_document_is_skipped_and_the_rest_of_the_workspace_is_indexed()
    {
        using var workspace = new TestWorkspace(("notes/a.md", "typo arXiv:2313.00752\n"));
        workspace.MakeFifo("notes/pipe.md");
        workspace.MakeFifo("refs.bib");
        await using var server = StdioProcess.Start(workspace);

        await server.InitializeAsync(workspace);

        var published = await server.WaitForDiagnosticsAsync(workspace.Uri("notes/a.md"), p => Codes(p).Contains("PL001"));
        Assert.Equal(["PL001"], Codes(published));
        Assert.Contains(LogMessages(server), m => m.StartsWith("indexed 1 files", StringComparison.Ordinal) && m.EndsWith(", 2 skipped", StringComparison.Ordinal));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_FIFO_reported_as_a_changed_file_is_skipped_with_its_reason_and_requests_are_still_answered()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Survey: arXiv:2404.16112 is long.\n");
        var fifo = workspace.MakeFifo("incoming.md");

        await server.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = workspace.Uri("incoming.md"), ["type"] = 1 }),
        });

        Assert.Contains(Mamba360, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        Assert.Contains($"{fifo} is not read: FIFO", LogMessages(server));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Cancelled_requests_are_answered_and_the_server_carries_on()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Survey: arXiv:2404.16112 is long.\n");

        var cancelled = new List<Task<JsonObject>>();
        for (var i = 0; i < 20; i++)
        {
            var (id, answer) = i % 2 == 0
                ? server.SendRequest("textDocument/hover", At(uri, 0, 16))
                : server.SendRequest("workspace/executeCommand", new JsonObject { ["command"] = "paperlens.checkWorkspace", ["arguments"] = new JsonArray() });
            await server.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
            cancelled.Add(answer);
        }
        await server.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 987_654 });

        foreach (var answer in await Task.WhenAll(cancelled))
            Assert.True(answer["result"] is not null || ErrorCode(answer) == RequestCancelled, answer.ToJsonString());
        Assert.Contains(Mamba360, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_cancelled_request_is_answered_request_cancelled()
    {
        // The client never answers the server's progress request, so indexing never ends and a workspace
        // check waits for it until $/cancelRequest (whose id StreamJsonRpc reads with JSON of its own).
        using var workspace = new TestWorkspace();
        workspace.Write("a.md", "Survey: arXiv:2404.16112 is long.\n");
        await using var server = StdioProcess.Start(workspace);
        server.AnswerServerRequest = request =>
            (string?)request["method"] == "window/workDoneProgress/create" ? null : new JsonObject { ["result"] = null };
        await server.InitializeAsync(workspace, new JsonObject { ["window"] = new JsonObject { ["workDoneProgress"] = true } });

        var (id, answer) = server.SendRequest("workspace/executeCommand", new JsonObject { ["command"] = "paperlens.checkWorkspace", ["arguments"] = new JsonArray() });
        await server.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });

        Assert.Equal(RequestCancelled, ErrorCode(await answer));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Closing_stdin_ends_the_process()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);

        server.CloseInput();

        // LSP: exiting without a shutdown request is exit code 1.
        Assert.Equal(1, await server.WaitForExitAsync());
    }


    private static async Task<string> OpenAsync(StdioProcess server, TestWorkspace workspace, string relativePath, string text)
    {
        workspace.Write(relativePath, text);
        var uri = workspace.Uri(relativePath);
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = text },
        });
        return uri;
    }

    private static async Task<string> CompletionAt(StdioProcess server, string uri, int line, int character) =>
        (await server.RequestAsync("textDocument/completion", At(uri, line, character)))["result"]?.ToJsonString() ?? "null";

    private static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private static JsonObject WithContext(JsonObject position)
    {
        position["context"] = new JsonObject { ["includeDeclaration"] = true };
        return position;
    }

    internal static JsonObject Change(string uri, int version, int startLine, int startCharacter, int endLine, int endCharacter, string text) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
                ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
            },
            ["text"] = text,
        }),
    };

    /// <summary>A didChange inserting <paramref name="text"/> at the start, as the JSON text to alter before it is sent.</summary>
    private static string DidChange(string uri, int version, string text) =>
        StdioProcess.Notification("textDocument/didChange", Change(uri, version, 0, 0, 0, 0, text)).ToJsonString();

    private static string HoverText(JsonObject answer) =>
        answer["result"]?["contents"]?["value"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("no hover: " + answer.ToJsonString());

    private static int? ErrorCode(JsonObject answer) => answer["error"]?["code"]?.GetValue<int>();

    private static List<string> LogMessages(StdioProcess server) =>
        server.Notifications.Where(n => n["method"]?.GetValue<string>() == "window/logMessage").Select(n => n["params"]!["message"]!.GetValue<string>()).ToList();

    private static IEnumerable<JsonNode> Diagnostics(JsonObject published) => published["diagnostics"]!.AsArray().Select(d => d!);

    private static IReadOnlyList<string> Codes(JsonObject published) => Diagnostics(published).Select(d => d["code"]!.GetValue<string>()).ToList();

    private static int Line(JsonNode diagnostic) => diagnostic["range"]!["start"]!["line"]!.GetValue<int>();

    private static int Character(JsonNode diagnostic) => diagnostic["range"]!["start"]!["character"]!.GetValue<int>();

    /// <summary>Someone typing notes fast: one character per edit at the end of the text, every fifth
    /// one a typo replaced by the next edit, and now and then a rewrite of the first line (an edit in
    /// the middle of the document). Keeps the text the server should end up with.</summary>
    private sealed class TypingSession(string uri)
    {
        public const string SurveySentence = "Survey arXiv:2404.16112 is long.";
        public const string TypoSentence = "Typo arXiv:2313.00752 here.";
        public const string InformerSentence = "Informer arXiv:2012.07436 too.";
        private static readonly string Script = string.Concat(Enumerable.Repeat($"{TypoSentence}\n{InformerSentence}\n{SurveySentence}\n", 400));

        private string _text = SurveySentence + "\n";
        private int _typed;
        private bool _typoPending;
        private bool _firstLineChanged;

        public int Edits { get; private set; }

        public int Version => Edits + 1;

        public string Text => _text;

        public IEnumerable<JsonObject> Next(int count)
        {
            var batch = new List<JsonObject>();
            for (var i = 0; i < count; i++) batch.Add(NextEdit());
            return batch;
        }

        private JsonObject NextEdit()
        {
            Edits++;
            if (_typoPending)
            {
                _typoPending = false;
                return Replace(_text.Length - 1, _text.Length, Script[_typed++].ToString());
            }
            if (Edits % 97 == 0)
            {
                _firstLineChanged = !_firstLineChanged;
                return Replace(0, SurveySentence.Length, _firstLineChanged ? SurveySentence.Replace("16112", "16113", StringComparison.Ordinal) : SurveySentence);
            }
            if (Edits % 5 == 0)
            {
                _typoPending = true;
                return Replace(_text.Length, _text.Length, "#");
            }
            return Replace(_text.Length, _text.Length, Script[_typed++].ToString());
        }

        private JsonObject Replace(int start, int end, string text)
        {
            var (startLine, startCharacter) = PositionOf(start);
            var (endLine, endCharacter) = PositionOf(end);
            _text = string.Concat(_text.AsSpan(0, start), text, _text.AsSpan(end));
            return StdioProcess.Notification("textDocument/didChange", Change(uri, Version, startLine, startCharacter, endLine, endCharacter, text));
        }

        private (int Line, int Character) PositionOf(int offset)
        {
            var before = _text.AsSpan(0, offset);
            return (before.Count('\n'), offset - (before.LastIndexOf('\n') + 1));
        }
    }
}
