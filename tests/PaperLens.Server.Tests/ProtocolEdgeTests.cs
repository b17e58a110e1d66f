using System.Text;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

/// <summary>The reproducers of a protocol fuzz of the real <c>paperlens lsp</c> process: messages that
/// ended it, a framing fault that left it deaf, and answers that broke JSON-RPC 2.0 and LSP 3.17. After
/// each, the server answers the next request and ends cleanly on shutdown and exit.</summary>
public class ProtocolEdgeTests
{
    private const string Informer = "Informer: Beyond Efficient Transformer";
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int InvalidParams = -32602;
    private const int ServerNotInitialized = -32002;

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","result":null}""")]
    [InlineData("""{"jsonrpc":"2.0","id":424242,"result":{"x":1}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"nobody-asked","error":{"code":-32603,"message":"no"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":424243,"error":{}}""")]
    public async Task A_response_to_nothing_the_server_asked_is_dropped(string response)
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");

        await server.WriteRawAsync(Body(response));

        Assert.Contains(Informer, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task An_empty_error_object_answering_the_servers_request_is_taken_as_a_refusal()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        server.AnswerServerRequest = request => request["method"]!.GetValue<string>() == "client/registerCapability"
            ? new JsonObject { ["error"] = new JsonObject() }
            : new JsonObject { ["result"] = null };
        var dynamicWatchers = JsonNode.Parse("""{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}""")!.AsObject();
        await server.InitializeAsync(workspace, dynamicWatchers);

        // The server watches the folders itself instead, as for any client that refuses.
        await server.WaitForMessageAsync(m => m["method"]?.GetValue<string>() == "window/logMessage"
            && m["params"]!["message"]!.GetValue<string>().Contains("did not register file watchers", StringComparison.Ordinal));
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");
        Assert.Contains(Informer, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_method_that_is_not_a_string_is_an_invalid_request()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");

        await server.WriteRawAsync(Body("""{"jsonrpc":"2.0","method":null}"""));
        await server.WriteRawAsync(Body("""{"jsonrpc":"2.0","id":"m1","method":null}"""));
        await server.WriteRawAsync(Body("""{"jsonrpc":"2.0","id":"m2","method":42,"params":{}}"""));

        Assert.Equal(InvalidRequest, ErrorCode(await ResponseTo(server, "\"m1\"")));
        Assert.Equal(InvalidRequest, ErrorCode(await ResponseTo(server, "\"m2\"")));
        Assert.Contains(Informer, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_thousand_and_one_unreadable_bodies_in_a_row_leave_the_server_answering()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");

        await server.WriteRawAsync(Enumerable.Range(0, 1001).SelectMany(_ => Body("{not json")));

        Assert.Contains(Informer, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Broken_json_is_answered_with_a_parse_error_whose_id_is_null()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);

        await server.WriteRawAsync(Body("""{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"""));

        var answer = await ResponseTo(server, "null");
        Assert.Equal(ParseError, ErrorCode(answer));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_Content_Length_that_counts_characters_instead_of_bytes_costs_that_message_only()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var emoji = """{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":""" + $"\"{workspace.Uri("emoji.md")}\""
            + ""","languageId":"markdown","version":1,"text":"Notes 🙂 on arXiv:2012.07436"}}}""";

        // One emoji is two UTF-16 characters and four UTF-8 bytes: the frame ends two bytes early and
        // the rest of the body runs into the next header.
        await server.WriteRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {emoji.Length}\r\n\r\n"), .. Encoding.UTF8.GetBytes(emoji)]);
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");

        Assert.Contains(Informer, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_Content_Length_too_large_does_not_swallow_the_message_after_it()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");
        var status = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","method":"paperlens/noSuchNotification","params":{}}""");

        // A client counting UTF-16 bytes: the frame claims twice its length and takes in the start of the next message.
        await server.WriteRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {status.Length * 2}\r\n\r\n"), .. status]);
        var hover = server.SendRequest("textDocument/hover", At(uri, 0, 16)).Answer;
        await server.WriteRawAsync(Body(new string(' ', status.Length)));

        Assert.Contains(Informer, HoverText(await hover));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Params_of_the_wrong_type_get_InvalidParams_without_a_stack_trace()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");

        var wrongTypes = await server.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = 5, ["position"] = "here" });
        var wrongLine = await server.RequestAsync("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = new JsonObject { ["line"] = "first", ["character"] = 0 },
        });
        var missing = await server.RequestAsync("textDocument/definition", new JsonObject());
        await server.NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonArray() });

        foreach (var answer in new[] { wrongTypes, wrongLine, missing })
        {
            Assert.Equal(InvalidParams, ErrorCode(answer));
            var error = answer["error"]!.ToJsonString();
            Assert.DoesNotMatch(@"\bat [\w.`<>]+\(|\.cs:line \d+|PaperLens\.Server\.|StreamJsonRpc", error);
        }
        Assert.Contains(Informer, HoverText(await server.RequestAsync("textDocument/hover", At(uri, 0, 16))));
        await server.FinishAsync();
    }

    /// <summary>JSON-RPC 2.0 (§4) lets an id be any number, but LSP 3.17 narrows it to
    /// <c>integer | string</c>: 1.5 and 2^63 make the message an invalid request. The error still
    /// carries the id exactly as sent (JSON-RPC 2.0 §5: it was detected), so the client can match it.</summary>
    [Theory]
    [InlineData("1.5")]
    [InlineData("9223372036854775808")]
    public async Task A_request_id_that_is_not_an_integer_or_a_string_is_an_invalid_request_answered_with_that_id(string id)
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");

        await server.WriteRawAsync(Body($$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"textDocument/hover","params":{{{At(uri, 0, 16).ToJsonString()}}}}"""));

        Assert.Equal(InvalidRequest, ErrorCode(await ResponseTo(server, id)));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_large_integer_id_is_answered_with_that_id()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");

        await server.WriteRawAsync(Body($$$"""{"jsonrpc":"2.0","id":9007199254740993,"method":"textDocument/hover","params":{{{At(uri, 0, 16).ToJsonString()}}}}"""));

        Assert.Contains(Informer, HoverText(await ResponseTo(server, "9007199254740993")));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Shutdown_before_initialize_is_ServerNotInitialized()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);

        var shutdown = await server.RequestAsync("shutdown", null);
        var unknown = await server.RequestAsync("paperlens/noSuchMethod", new JsonObject());

        Assert.Equal(ServerNotInitialized, ErrorCode(shutdown));
        Assert.Equal(ServerNotInitialized, ErrorCode(unknown));
        Assert.NotNull((await server.InitializeAsync(workspace))["result"]?["capabilities"]);
        await server.FinishAsync();
    }

    [Fact]
    public async Task After_shutdown_every_request_but_exit_is_invalid_and_notifications_are_ignored()
    {
        using var workspace = new TestWorkspace();
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        var uri = await OpenAsync(server, workspace, "a.md", "Informer arXiv:2012.07436\n");
        Assert.True((await server.RequestAsync("shutdown", null))["error"] is null);

        var typo = await OpenAsync(server, workspace, "typo.md", "A typo: arXiv:2313.00752\n");
        var answers = new[]
        {
            await server.RequestAsync("textDocument/hover", At(uri, 0, 16)),
            await server.RequestAsync("textDocument/completion", At(uri, 0, 0)),
            await server.RequestAsync("paperlens/status", null),
            await server.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "paperlens.checkWorkspace" }),
            await server.RequestAsync("paperlens/noSuchMethod", new JsonObject()),
            await server.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() }),
            await server.RequestAsync("shutdown", null),
        };

        Assert.All(answers, answer => Assert.Equal(InvalidRequest, ErrorCode(answer)));
        // Diagnostics are published 200 ms after a change: a document opened after shutdown gets none.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(server.Notifications, n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && n["params"]!["uri"]!.GetValue<string>() == typo);
        await server.NotifyAsync("exit", null);
        Assert.Equal(0, await server.WaitForExitAsync());
    }

    private static byte[] Body(string json) => StdioProcess.Frame(Encoding.UTF8.GetBytes(json));

    /// <summary>The response to a frame written raw, by its id as JSON text.</summary>
    private static Task<JsonObject> ResponseTo(StdioProcess server, string id) =>
        server.WaitForMessageAsync(m => m["method"] is null && (m["id"]?.ToJsonString() ?? "null") == id);


    private static JsonObject DidOpen(string uri, string text) => StdioProcess.Notification("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = text },
    });

    private static async Task<string> OpenAsync(StdioProcess server, TestWorkspace workspace, string relativePath, string text)
    {
        workspace.Write(relativePath, text);
        var uri = workspace.Uri(relativePath);
        await server.WriteAsync([DidOpen(uri, text)]);
        return uri;
    }

    private static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private static string HoverText(JsonObject answer) =>
        answer["result"]?["contents"]?["value"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("no hover: " + answer.ToJsonString());

    private static int? ErrorCode(JsonObject answer) => answer["error"]?["code"]?.GetValue<int>();
}
