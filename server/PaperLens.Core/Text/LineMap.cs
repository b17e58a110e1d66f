using System.Buffers;
using System.Runtime.CompilerServices;

namespace PaperLens.Core.Text;

/// <summary>Maps offsets to zero-based (line, UTF-16 column) pairs. Lines end at \n, \r\n or \r.</summary>
/// <remarks>A map is kept for nearly every document of a workspace (the check locates its findings with
/// them, the server its ranges), and an int per line was the largest part of a 10,000-file index: each
/// line is one byte here, its length with its terminator, and every 32nd line's start is kept, so a
/// position is a binary search and at most 31 additions.</remarks>
public sealed class LineMap
{
    private const int BlockShift = 5;
    private const int BlockLines = 1 << BlockShift;
    // A length that does not fit a byte is kept aside, looked up by its line.
    private const byte LongLine = byte.MaxValue;

    private readonly byte[] _lengths;
    private readonly int[] _blockStarts;
    private readonly int[] _longLines;
    private readonly int[] _longLengths;
    // A bit per line: whether it ends in \r\n. Null when none does.
    private readonly ulong[]? _crlf;
    private readonly int _length;

    // Built for nearly every scanned file: a vectorised search for line ends, compiled optimised at
    // once (a check runs it over hundreds of megabytes in one short-lived process).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LineMap(string text)
    {
        var span = text.AsSpan();
        var lengths = ArrayPool<byte>.Shared.Rent(Math.Max(64, text.Length / 24));
        List<int>? longLines = null;
        List<int>? longLengths = null;
        ulong[]? crlf = null;
        var count = 0;
        var start = 0;
        while (true)
        {
            var next = span[start..].IndexOfAny('\r', '\n');
            var end = next < 0 ? span.Length : start + next;
            var endsCrlf = next >= 0 && span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n';
            var nextStart = next < 0 ? span.Length : end + (endsCrlf ? 2 : 1);
            if (count == lengths.Length)
            {
                var grown = ArrayPool<byte>.Shared.Rent(lengths.Length * 2);
                lengths.AsSpan(0, count).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(lengths);
                lengths = grown;
            }
            var length = nextStart - start;
            if (length < LongLine) lengths[count] = (byte)length;
            else
            {
                lengths[count] = LongLine;
                (longLines ??= []).Add(count);
                (longLengths ??= []).Add(length);
            }
            if (endsCrlf)
            {
                crlf ??= new ulong[Math.Max(1, lengths.Length / 64 + 1)];
                if (count >> 6 >= crlf.Length) Array.Resize(ref crlf, Math.Max(crlf.Length * 2, (count >> 6) + 1));
                crlf[count >> 6] |= 1UL << count;
            }
            count++;
            if (next < 0) break;
            start = nextStart;
        }

        _length = text.Length;
        _lengths = lengths.AsSpan(0, count).ToArray();
        ArrayPool<byte>.Shared.Return(lengths);
        _longLines = longLines?.ToArray() ?? [];
        _longLengths = longLengths?.ToArray() ?? [];
        _crlf = crlf is null ? null : crlf.AsSpan(0, (count >> 6) + 1).ToArray();
        _blockStarts = new int[(count + BlockLines - 1) >> BlockShift];
        for (int line = 0, at = 0; line < count; at += Length(line), line++)
        {
            if ((line & (BlockLines - 1)) == 0) _blockStarts[line >> BlockShift] = at;
        }
    }

    public int LineCount => _lengths.Length;

    public int TextLength => _length;

    public (int Line, int Column) GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        var block = Array.BinarySearch(_blockStarts, offset);
        if (block < 0) block = ~block - 1;
        var line = block << BlockShift;
        var start = _blockStarts[block];
        // Lines are never empty but the last, so the first line whose next start lies past the offset is its line.
        while (line + 1 < _lengths.Length && start + Length(line) <= offset)
        {
            start += Length(line);
            line++;
        }
        return (line, offset - start);
    }

    public int LineStart(int line)
    {
        line = Math.Clamp(line, 0, _lengths.Length - 1);
        var start = _blockStarts[line >> BlockShift];
        for (var before = line & ~(BlockLines - 1); before < line; before++) start += Length(before);
        return start;
    }

    /// <summary>Where the line's content ends, before its \n, \r\n or \r.</summary>
    public int LineEnd(int line)
    {
        line = Math.Clamp(line, 0, _lengths.Length - 1);
        return line + 1 < _lengths.Length ? LineStart(line) + Length(line) - Terminator(line) : _length;
    }

    /// <summary>The offset of a (line, column) position, clamped into the text: a column past the end
    /// of a line means the line's end (as LSP says), a line past the end means the end of the text.
    /// Editors send both, and neither may throw.</summary>
    public int GetOffset(int line, int column)
    {
        if (line < 0) return 0;
        if (line >= _lengths.Length) return _length;
        var start = LineStart(line);
        return Math.Clamp(start + Math.Max(column, 0), start, LineEnd(line));
    }

    // The line's length with its terminator (the last line's: to the end of the text).
    private int Length(int line) =>
        _lengths[line] is var length && length != LongLine ? length : _longLengths[Array.BinarySearch(_longLines, line)];

    private int Terminator(int line) => _crlf is not null && (_crlf[line >> 6] & (1UL << line)) != 0 ? 2 : 1;
}
