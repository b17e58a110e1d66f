using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace PaperLens.Server.Transport;

/// <summary>Reads LSP frames (<c>Content-Length: N</c> headers, a blank line, N bytes) from the raw input
/// and passes only well-framed ones on, their text made well formed (<see cref="WellFormedText"/>). A
/// header block without a usable Content-Length is reported and dropped, so a client's stray bytes can't
/// stall or end the session; a body that is not valid JSON is the message handler's to skip.</summary>
public static class FrameFilter
{
    /// <summary>The method a request is renamed to when its params are neither an object nor an array.</summary>
    public const string InvalidRequestMethod = "$/paperlens/invalidRequest";

    private const int MaxHeaderBytes = 16 * 1024;
    private const int MaxBodyBytes = 64 * 1024 * 1024;

    public static Stream Wrap(Stream input, Action<string> log, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        _ = Task.Run(() => PumpAsync(PipeReader.Create(input), pipe.Writer, log, cancellationToken), cancellationToken);
        return pipe.Reader.AsStream();
    }

    private static async Task PumpAsync(PipeReader reader, PipeWriter writer, Action<string> log, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadHeaders(ref buffer, out var headers))
                {
                    if (ContentLength(headers) is not { } length)
                    {
                        log($"dropped a message with unusable headers: {Describe(headers)}");
                        continue;
                    }
                    while (buffer.Length < length && !result.IsCompleted)
                    {
                        reader.AdvanceTo(buffer.Start, buffer.End);
                        result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                        buffer = result.Buffer;
                    }
                    if (buffer.Length < length) break;
                    var body = buffer.Slice(0, length);
                    var repaired = WellFormedText.Repair(body);
                    if (repaired is not null) body = new ReadOnlySequence<byte>(repaired);
                    if (RedirectIfParamsUnreadable(body) is { } redirected)
                    {
                        await writer.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {redirected.Length}\r\n\r\n"), cancellationToken).ConfigureAwait(false);
                        await writer.WriteAsync(redirected, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await writer.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), cancellationToken).ConfigureAwait(false);
                        foreach (var segment in body) await writer.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
                    }
                    buffer = buffer.Slice(length);
                }
                if (buffer.Length > MaxHeaderBytes)
                {
                    log($"dropped {buffer.Length} bytes that never formed a header block");
                    buffer = buffer.Slice(buffer.End);
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) break;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException ex)
        {
            log($"input closed: {ex.Message}");
        }
        await writer.CompleteAsync().ConfigureAwait(false);
        await reader.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>JSON-RPC params must be an object or an array. StreamJsonRpc drops a request whose params
    /// are a string or a number without answering it; such a request is renamed to
    /// <see cref="InvalidRequestMethod"/>, which answers its id with InvalidRequest.</summary>
    private static byte[]? RedirectIfParamsUnreadable(ReadOnlySequence<byte> body)
    {
        if (ParamsLookStructured(body)) return null;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id)
                || !root.TryGetProperty("params", out var parameters)
                || parameters.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
                return null;
            var method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
            {
                ["jsonrpc"] = "2.0",
                ["id"] = id,
                ["method"] = InvalidRequestMethod,
                ["params"] = new Dictionary<string, object?> { ["method"] = method },
            });
        }
        catch (JsonException)
        {
            // Not JSON at all: the message handler reports and skips it.
            return null;
        }
    }

    // The usual message, however large (a 5 MB didOpen), is recognised without parsing it twice.
    private static bool ParamsLookStructured(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> _, "\"params\""u8, advancePastDelimiter: true)) return true;
        reader.AdvancePastAny(" \t\r\n"u8);
        if (!reader.IsNext((byte)':', advancePast: true)) return false;
        reader.AdvancePastAny(" \t\r\n"u8);
        return reader.TryPeek(out var next) && next is (byte)'{' or (byte)'[' or (byte)'n';
    }

    /// <summary>Takes one header block (up to and including its blank line) off the buffer.</summary>
    private static bool TryReadHeaders(ref ReadOnlySequence<byte> buffer, out string headers)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> block, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            headers = "";
            return false;
        }
        headers = Encoding.ASCII.GetString(block);
        buffer = buffer.Slice(reader.Position);
        return true;
    }

    private static int? ContentLength(string headers)
    {
        int? length = null;
        foreach (var line in headers.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) return null;
            if (!line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxBodyBytes) return null;
            length = n;
        }
        return length;
    }

    private static string Describe(string headers) =>
        headers.Length > 80 ? headers[..80].ReplaceLineEndings(" ") + "…" : headers.ReplaceLineEndings(" ");
}
