using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>What the fuzzer found beyond issue 16's list, each minimised by it and kept here: the message,
/// then the server still answering. (The issue's own list has its reproducers in ProtocolEdgeTests and
/// RobustnessTests.)</summary>
public class FuzzRegressionTests
{
    private const string Informer = "Informer: Beyond Efficient Transformer";

    /// <summary>Found by the fuzzer (seed 20250611, episode 0) on the transport rewrite of the lsp-robust
    /// branch, which ended the process: "Cannot transcode invalid UTF-8 JSON text to UTF-16 string". The
    /// body is JSON with bytes that are not UTF-8 inside a string.</summary>
    [Fact]
    public async Task A_request_with_bytes_that_are_not_UTF8_inside_its_method_leaves_the_server_answering()
    {
        using var world = new FuzzWorld();
        await using var server = await StartAsync(world);

        byte[] body = [.. "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"workspace/execu"u8, 0xFF, 0xC3, .. "teCommand\",\"params\":{\"command\":\"paperlens.checkWorkspace\"}}"u8];
        await server.WriteRawAsync(Frames.Frame(body));

        Assert.Contains(Informer, await HoverAsync(server, world));
        Assert.False(server.HasExited, server.Stderr);
    }

    /// <summary>Found by the fuzzer (seed 20250611, episode 0) on the lsp-robust branch: a null
    /// textDocument got InternalError (-32603, a NullReferenceException) instead of InvalidParams.</summary>
    [Fact]
    public async Task A_code_action_request_whose_text_document_is_null_gets_InvalidParams()
    {
        using var world = new FuzzWorld();
        await using var server = await StartAsync(world);

        var answer = await server.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = null,
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 },
                ["end"] = new JsonObject { ["line"] = 0, ["character"] = 4 },
            },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });

        Assert.Equal(-32602, answer["error"]?["code"]?.GetValue<int>());
        Assert.Contains(Informer, await HoverAsync(server, world));
    }

    private static async Task<StdioProcess> StartAsync(FuzzWorld world)
    {
        var server = StdioProcess.Start(world.Workspace);
        await server.InitializeAsync(world.Workspace);
        var uri = world.Workspace.Uri("a.md");
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = "Informer arXiv:2012.07436\n" },
        });
        return server;
    }

    private static async Task<string> HoverAsync(StdioProcess server, FuzzWorld world)
    {
        var answer = await server.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = world.Workspace.Uri("a.md") },
            ["position"] = new JsonObject { ["line"] = 0, ["character"] = 12 },
        });
        return answer["result"]?["contents"]?["value"]?.GetValue<string>() ?? answer.ToJsonString();
    }
}
