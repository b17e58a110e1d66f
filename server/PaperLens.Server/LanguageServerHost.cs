using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.VisualStudio.Threading;
using PaperLens.Server.Protocol;
using PaperLens.Server.Transport;
using StreamJsonRpc;

namespace PaperLens.Server;

/// <summary>Wires the server to a pair of streams the way Roslyn's server does: StreamJsonRpc,
/// LSP's Content-Length framing, the System.Text.Json formatter.</summary>
public static class LanguageServerHost
{
    /// <returns>The process exit code LSP prescribes: 0 after shutdown then exit, 1 otherwise.</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, LanguageServerOptions options)
    {
        using var server = new LanguageServer(options);
        var formatter = CreateFormatter();
        var handler = new LspMessageHandler(output, input, formatter, LspMethods.Contains, LspMethods.Unknown, options.Log);
        using var rpc = new JsonRpc(handler)
        {
            // One message at a time, in arrival order; handlers that await leave the context.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        new LspDispatcher(server, options.Log).Register(rpc);
        server.Attach(rpc);
        rpc.StartListening();
        try
        {
            await rpc.Completion.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or OperationCanceledException)
        {
            options.Log($"connection closed: {ex.Message}");
        }
        return server.ExitCode;
    }

    // StreamJsonRpc's NativeAOT guidance: its System.Text.Json formatter, with a source-generated context as
    // the only resolver. The constructor is marked as reflection-bound because the formatter could be handed
    // any type; this one is handed only JSON elements (LspDispatcher's rows, OutgoingMessages), which
    // LspJsonContext describes, so nothing is left for reflection to do.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only JsonElement crosses the formatter, and LspJsonContext has its metadata.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only JsonElement crosses the formatter, and LspJsonContext has its metadata.")]
    private static SystemTextJsonFormatter CreateFormatter()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = LspJsonContext.Default };
        LspJson.Configure(options);
        return new SystemTextJsonFormatter { JsonSerializerOptions = options };
    }
}
