namespace PaperLens.Core.Catalog;

/// <summary>Reads a stream of UTF-8 text one line at a time into a reused buffer, so a multi-gigabyte
/// snapshot is read with one buffer, not one string per line. A line longer than the limit is skipped
/// (and reported as too long) rather than buffered. A reader can start part-way through a stream (to
/// resume an import): <paramref name="resumeAt"/> says where the stream is and how many lines came before.</summary>
internal sealed class Utf8LineReader(Stream stream, int maxLineBytes = Utf8LineReader.DefaultMaxLineBytes, ImportPosition resumeAt = default)
{
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;

    private byte[] buffer = new byte[Math.Min(1 << 20, maxLineBytes)];
    private int start;
    private int end;
    private int scanned;
    private bool endOfStream;
    private bool skippingLongLine;
    private bool atStart = resumeAt.Offset == 0;
    private long bufferOffset = resumeAt.Offset;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; } = resumeAt.Line;

    /// <summary>Where the next line starts: the stream offset just past the line last returned and its line break.</summary>
    public long Position => bufferOffset + start;

    /// <summary>The next line without its line break, valid until the next call; false at the end.
    /// <paramref name="tooLong"/> is set (and the line empty) for a line over the limit.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        while (true)
        {
            var newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = scanned + newline;
                line = Complete(start, lineEnd, out tooLong);
                start = scanned = lineEnd + 1;
                return true;
            }
            if (endOfStream)
            {
                if (start == end && !skippingLongLine)
                {
                    line = default;
                    tooLong = false;
                    return false;
                }
                line = Complete(start, end, out tooLong);
                start = scanned = end;
                return true;
            }
            Fill();
        }
    }

    private ReadOnlySpan<byte> Complete(int from, int to, out bool tooLong)
    {
        LineNumber++;
        var first = atStart;
        atStart = false;
        tooLong = skippingLongLine;
        skippingLongLine = false;
        if (tooLong) return default;
        var line = buffer.AsSpan(from, to - from);
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        if (first && line.StartsWith("\uFEFF"u8)) line = line[3..];
        return line;
    }

    private void Fill()
    {
        scanned = end;
        if (start > 0)
        {
            // Keep the partial line, at the front of the buffer.
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            bufferOffset += start;
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            if (buffer.Length >= maxLineBytes)
            {
                skippingLongLine = true;
                bufferOffset += end;
                start = end = scanned = 0;
            }
            else
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxLineBytes));
            }
        }
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0) endOfStream = true;
        end += read;
    }
}
