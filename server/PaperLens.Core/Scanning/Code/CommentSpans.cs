using System.Buffers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Code;

/// <summary>Collects the comment and docstring text a lexer finds, keeping only the spans that hold a
/// citation marker: most comments cite nothing, and the finder need not look at them.</summary>
internal sealed class CommentSpans(string text, int end)
{
    private static SearchValues<string> Markers => TextCitationFinder.Markers;

    private readonly List<TextSpan> _spans = [];
    private int _nextMarker = -1;

    public IReadOnlyList<TextSpan> Spans => _spans;

    /// <summary>Whether a marker stands at or after <paramref name="pos"/>. When none does, no comment
    /// further on can cite anything and the lexer stops: a file citing a paper in its header is read no further.</summary>
    public bool MarkerAtOrAfter(int pos)
    {
        Seek(pos);
        return _nextMarker != int.MaxValue;
    }

    /// <summary>Adds comment text [start..spanEnd). Spans arrive in increasing order, so the next marker
    /// is searched for once and every character is looked at once.</summary>
    public void Add(int start, int spanEnd)
    {
        if (start >= spanEnd) return;
        Seek(start);
        if (_nextMarker < spanEnd) _spans.Add(TextSpan.FromBounds(start, spanEnd));
    }

    private void Seek(int pos)
    {
        if (_nextMarker >= pos) return;
        var rel = pos < end ? text.AsSpan(pos, end - pos).IndexOfAny(Markers) : -1;
        _nextMarker = rel < 0 ? int.MaxValue : pos + rel;
    }
}
