using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PaperLens.Server.Transport;

/// <summary>The LSP edge that no client message can knock over. Frames are cut by <see cref="FrameReader"/>
/// (resynchronising after a framing fault) and checked by <see cref="IncomingMessage"/> before
/// StreamJsonRpc sees them: protocol errors are answered here with the JSON-RPC code and the id as
/// sent, responses to nothing the server asked are logged and dropped, and a request for a method the
/// dispatch table lacks is renamed to <paramref name="unknownMethod"/>, so that the table's lifecycle
/// rules answer it like any other.</summary>
public sealed class LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, Func<string, bool> isKnownMethod, string unknownMethod, Action<string> log)
    : HeaderDelimitedMessageHandler(output, Detached(input), formatter)
{
    // The ids of the server's own requests still waiting for the client's response.
    private readonly ConcurrentDictionary<long, byte> _awaited = new();
    private FrameReader? _frames;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        _frames ??= new FrameReader(Reader!, log);
        while (await _frames.ReadAsync(cancellationToken).ConfigureAwait(false) is { } body)
        {
            switch (IncomingMessage.Check(body, id => _awaited.ContainsKey(id)))
            {
                case IncomingMessage.Valid valid when Read(valid) is { } message:
                    return message;
                case IncomingMessage.Invalid invalid:
                    log($"answered {invalid.Code}: {invalid.Message}");
                    await WriteAsync(new RawMessage(IncomingMessage.ErrorResponse(invalid.Id, invalid.Code, invalid.Message)), cancellationToken).ConfigureAwait(false);
                    break;
                case IncomingMessage.Dropped dropped:
                    log($"dropped {dropped.Reason}");
                    break;
            }
        }
        return null;
    }

    private JsonRpcMessage? Read(IncomingMessage.Valid valid)
    {
        JsonRpcMessage message;
        try
        {
            message = Formatter.Deserialize(new ReadOnlySequence<byte>(valid.Body));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            log($"dropped a message StreamJsonRpc could not read: {ex.GetType().Name}: {ex.Message}");
            return null;
        }
        if (message is JsonRpcRequest { IsResponseExpected: true } request && !isKnownMethod(request.Method!))
        {
            log($"no method '{request.Method}'");
            request.Method = unknownMethod;
        }
        else if (message is JsonRpcResult or JsonRpcError && message is IJsonRpcMessageWithId { RequestId.Number: { } answered })
        {
            _awaited.TryRemove(answered, out _);
        }
        return message;
    }

    /// <summary>A read of stdin cannot be cancelled, and disposing the connection on <c>exit</c> waits for
    /// reading to stop: the input is copied into a pipe by a task of its own, whose reader stops at once.</summary>
    private static Stream Detached(Stream input)
    {
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            try
            {
                await input.CopyToAsync(pipe.Writer).ConfigureAwait(false);
            }
            catch (IOException)
            {
            }
            await pipe.Writer.CompleteAsync().ConfigureAwait(false);
        });
        return pipe.Reader.AsStream();
    }

    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is RawMessage raw)
        {
            var writer = Writer!;
            writer.Write(Encoding.ASCII.GetBytes($"Content-Length: {raw.Json.Length}\r\n\r\n"));
            writer.Write(raw.Json);
            return;
        }
        if (content is JsonRpcRequest { IsResponseExpected: true, RequestId.Number: { } id }) _awaited.TryAdd(id, 0);
        base.Write(content, cancellationToken);
    }

    /// <summary>A message already serialized: the errors answered before StreamJsonRpc, whose ids
    /// (1.5, null) its <see cref="RequestId"/> cannot hold.</summary>
    private sealed class RawMessage(byte[] json) : JsonRpcMessage
    {
        public byte[] Json => json;
    }
}
