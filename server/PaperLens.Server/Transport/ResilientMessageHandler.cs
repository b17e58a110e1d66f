using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PaperLens.Server.Transport;

/// <summary>LSP framing that survives a bad message. StreamJsonRpc ends the connection when a message
/// cannot be read; an editor with a buggy plugin would lose its server. <see cref="FrameFilter"/> has
/// already dropped badly framed input, so here each message is whole and one whose JSON is broken is
/// logged and skipped.</summary>
public sealed class ResilientMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, Action<string> log)
    : HeaderDelimitedMessageHandler(output, input, formatter)
{
    private const int MaxConsecutiveFailures = 1000;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        for (var failures = 0; ; failures++)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (failures < MaxConsecutiveFailures && ex is not OperationCanceledException && IsMessageProblem(ex))
            {
                log($"skipped an unreadable message: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    // End of stream and I/O failures end the session; anything about one message's content does not.
    private static bool IsMessageProblem(Exception ex) =>
        ex is BadRpcHeaderException or System.Text.Json.JsonException or FormatException or InvalidOperationException
            or ArgumentException or NotSupportedException or System.Text.DecoderFallbackException;
}
