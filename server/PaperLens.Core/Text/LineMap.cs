using System.Runtime.CompilerServices;

namespace PaperLens.Core.Text;

/// <summary>Maps offsets to zero-based (line, UTF-16 column) pairs. Lines end at \n, \r\n or \r.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;
    private readonly byte[] _terminators;

    // Built for nearly every scanned file: a vectorised search for line ends, compiled optimised at
    // once (a check runs it over hundreds of megabytes in one short-lived process).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        var span = text.AsSpan();
        var i = 0;
        while (true)
        {
            var next = span[i..].IndexOfAny('\r', '\n');
            if (next < 0) break;
            i += next;
            if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
            i++;
            starts.Add(i);
        }
        _lineStarts = starts.ToArray();
        _length = text.Length;
        // The length of each line's terminator, so that LineEnd needs no copy of the text.
        _terminators = new byte[_lineStarts.Length];
        for (var line = 0; line + 1 < _lineStarts.Length; line++)
        {
            var next = _lineStarts[line + 1];
            _terminators[line] = (byte)(next >= 2 && text[next - 2] == '\r' && text[next - 1] == '\n' ? 2 : 1);
        }
    }

    public int LineCount => _lineStarts.Length;

    public int TextLength => _length;

    public (int Line, int Column) GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return (line, offset - _lineStarts[line]);
    }

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>Where the line's content ends, before its \n, \r\n or \r.</summary>
    public int LineEnd(int line)
    {
        line = Math.Clamp(line, 0, _lineStarts.Length - 1);
        return line + 1 < _lineStarts.Length ? _lineStarts[line + 1] - _terminators[line] : _length;
    }

    /// <summary>The offset of a (line, column) position, clamped into the text: a column past the end
    /// of a line means the line's end (as LSP says), a line past the end means the end of the text.
    /// Editors send both, and neither may throw.</summary>
    public int GetOffset(int line, int column)
    {
        if (line < 0) return 0;
        if (line >= _lineStarts.Length) return _length;
        var start = _lineStarts[line];
        return Math.Clamp(start + Math.Max(column, 0), start, LineEnd(line));
    }
}
