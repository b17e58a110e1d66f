using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning;

/// <summary>Where each character of a text derived from a document was written in the document: a
/// notebook cell's decoded source (JSON escapes such as <c>\n</c> and <c>\u00e9</c>, a source split into
/// an array of strings) or the prose of a LaTeX document (<c>~</c> for a space, <c>``</c> for a quote,
/// commands between words). A character may stand for several written ones, or for none (an empty range).</summary>
internal sealed class SourceMap(int emptyAt)
{
    private readonly List<int> _starts = [];
    private readonly List<int> _ends = [];

    public void Add(int rawStart, int rawEnd)
    {
        _starts.Add(rawStart);
        _ends.Add(rawEnd);
    }

    /// <summary>A range of the derived text as a range of the document.</summary>
    public TextSpan ToRaw(TextSpan decoded)
    {
        var count = _starts.Count;
        if (count == 0) return new TextSpan(emptyAt, 0);
        var start = Math.Clamp(decoded.Start, 0, count);
        var rawStart = start < count ? _starts[start] : _ends[count - 1];
        if (decoded.Length <= 0) return new TextSpan(rawStart, 0);
        var last = Math.Clamp(decoded.End - 1, start, count - 1);
        return TextSpan.FromBounds(rawStart, Math.Max(rawStart, _ends[last]));
    }
}
