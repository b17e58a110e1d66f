using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace PaperLens.Server.Transport;

/// <summary>Cuts the input into LSP frames (<c>Content-Length: N</c>, a blank line, N bytes) and survives
/// a client that frames badly. After a framing fault — headers without a usable Content-Length, or the
/// tail of a body that was counted short (characters instead of bytes) running into the next header —
/// reading resumes at the next <c>Content-Length:</c>, as robust LSP clients do. A length counted long
/// is noticed when the body's JSON value ends early with more bytes after it, or, while the rest of the
/// stated body has not arrived, when the next frame's header follows the value: the value is the
/// message, and the bytes after it are read as the next frame, so the message that follows is not
/// swallowed and a client waiting for its answer is not left waiting.</summary>
public sealed class FrameReader(PipeReader input, Action<string> log)
{
    private const int MaxHeaderBytes = 16 * 1024;
    private const int MaxBodyBytes = 64 * 1024 * 1024;
    private static ReadOnlySpan<byte> HeaderStart => "Content-Length:"u8;
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    /// <summary>The next frame's body (its own copy), or null at the end of the input.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryTakeFrame(ref buffer, result.IsCompleted) is { } body)
            {
                input.AdvanceTo(buffer.Start);
                return body;
            }
            if (result.IsCompleted)
            {
                if (buffer.Length > 0) log($"dropped {buffer.Length} bytes at the end of the input that formed no message");
                input.AdvanceTo(buffer.End);
                return null;
            }
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private byte[]? TryTakeFrame(ref ReadOnlySequence<byte> buffer, bool inputEnded)
    {
        while (true)
        {
            var reader = new SequenceReader<byte>(buffer);
            if (!reader.TryReadTo(out ReadOnlySequence<byte> headers, HeaderEnd, advancePastDelimiter: true))
            {
                if (buffer.Length > MaxHeaderBytes) buffer = SkipToNextHeader(buffer, "bytes that never formed a header block");
                return null;
            }
            if (ContentLength(headers) is not { } length)
            {
                buffer = SkipToNextHeader(buffer, $"a message with unusable headers ({Describe(headers)})", reader.Position);
                continue;
            }
            var rest = buffer.Slice(reader.Position);
            if (rest.Length < length)
            {
                if (inputEnded) return TakeAll(ref buffer, rest);
                if (NextFrameInsideBody(rest) is not { } early) return null;
                // A length counted long whose client now waits for the answer: nothing more arrives, so the
                // message is cut where its value ends instead of waiting for bytes that never come.
                log($"a frame's Content-Length ({length}) was more than its message, and the next frame began after it: {early} bytes read as the message");
                _searchedBody = 0;
                buffer = rest.Slice(early);
                return rest.Slice(0, early).ToArray();
            }
            _searchedBody = 0;
            var body = rest.Slice(0, length);
            if (EndOfFirstValue(body) is { } end && !IsWhitespace(body.Slice(end)))
            {
                log($"a frame's Content-Length ({length}) was {length - end} bytes more than its message: the bytes after the message are read as the next frame");
                body = body.Slice(0, end);
            }
            buffer = rest.Slice(body.End);
            return body.ToArray();
        }
    }

    // How much of the body still arriving was searched for a header already: each byte is searched once,
    // so a large message arriving in many reads costs one pass.
    private long _searchedBody;

    /// <summary>Where the message ends when a <c>Content-Length:</c> header has arrived inside the stated body,
    /// right after a complete JSON value and whitespace; null while the body may still be arriving.</summary>
    private long? NextFrameInsideBody(ReadOnlySequence<byte> rest)
    {
        var from = Math.Max(0, _searchedBody - (HeaderStart.Length - 1));
        _searchedBody = rest.Length;
        var reader = new SequenceReader<byte>(rest.Slice(from));
        while (reader.TryReadTo(out ReadOnlySequence<byte> _, HeaderStart, advancePastDelimiter: false))
        {
            var header = from + reader.Consumed;
            var before = rest.Slice(0, header);
            if (EndOfFirstValue(before) is { } end && IsWhitespace(before.Slice(end))) return end;
            reader.Advance(HeaderStart.Length);
        }
        return null;
    }

    /// <summary>Resynchronises after a framing fault: drops everything before the next
    /// <c>Content-Length:</c> after the start of the buffer or, when there is none yet, everything up to
    /// <paramref name="fallback"/> (the end of the bad header block), keeping a tail that may be the
    /// start of a header still arriving.</summary>
    private ReadOnlySequence<byte> SkipToNextHeader(ReadOnlySequence<byte> buffer, string what, SequencePosition? fallback = null)
    {
        var reader = new SequenceReader<byte>(buffer.Slice(1));
        var next = reader.TryReadTo(out ReadOnlySequence<byte> _, HeaderStart, advancePastDelimiter: false)
            ? reader.Position
            : fallback ?? buffer.GetPosition(Math.Max(0, buffer.Length - (HeaderStart.Length - 1)));
        _searchedBody = 0;
        var skipped = buffer.Slice(0, next);
        log($"dropped {what}: {skipped.Length} bytes skipped to the next Content-Length header");
        return buffer.Slice(next);
    }

    private byte[] TakeAll(ref ReadOnlySequence<byte> buffer, ReadOnlySequence<byte> rest)
    {
        log($"the input ended {rest.Length} bytes into a frame's body");
        buffer = buffer.Slice(buffer.End);
        return rest.ToArray();
    }

    /// <summary>Where the body's first JSON value ends, or null when it is not JSON (or is cut short:
    /// the message handler answers it with a parse error).</summary>
    private static long? EndOfFirstValue(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            if (!reader.Read()) return null;
            reader.Skip();
            return reader.BytesConsumed;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsWhitespace(ReadOnlySequence<byte> bytes)
    {
        var reader = new SequenceReader<byte>(bytes);
        reader.AdvancePastAny(" \t\r\n"u8);
        return reader.End;
    }

    private static int? ContentLength(ReadOnlySequence<byte> block)
    {
        int? length = null;
        foreach (var line in Encoding.ASCII.GetString(block).Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0 || !IsToken(line.AsSpan(0, colon))) return null;
            if (!line[..colon].Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxBodyBytes) return null;
            length = n;
        }
        return length;
    }

    // A header name is an HTTP token: the tail of a body that ran into the next header is not one.
    private static bool IsToken(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c))) return false;
        return true;
    }

    private static string Describe(ReadOnlySequence<byte> headers)
    {
        var text = Encoding.ASCII.GetString(headers.Length > 80 ? headers.Slice(0, 80) : headers).ReplaceLineEndings(" ");
        return headers.Length > 80 ? text + "…" : text;
    }
}
