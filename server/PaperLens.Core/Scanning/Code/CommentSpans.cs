using System.Buffers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Code;

/// <summary>Collects the comment and docstring text a lexer finds, keeping only the spans that hold a
/// citation marker: most comments cite nothing, and the finder need not look at them.</summary>
internal sealed class CommentSpans(string text, int end)
{
    // The same markers TextCitationFinder filters on: text without one of them cannot hold a citation.
    private static readonly SearchValues<string> Markers = SearchValues.Create(
        ["arxiv", "ar5iv", "alphaxiv", "huggingface.co/papers", "10.48550"], StringComparison.OrdinalIgnoreCase);

    private readonly List<TextSpan> _spans = [];
    private int _nextMarker = -1;

    public IReadOnlyList<TextSpan> Spans => _spans;

    /// <summary>Whether <paramref name="text"/>[start..end) has a marker at all; the scanner's first, vectorised check.</summary>
    public static bool MayCite(string text, int start, int end) => text.AsSpan(start, end - start).IndexOfAny(Markers) >= 0;

    /// <summary>Adds comment text [start..spanEnd). Spans arrive in increasing order, so the next marker
    /// is searched for once and every character is looked at once.</summary>
    public void Add(int start, int spanEnd)
    {
        if (start >= spanEnd) return;
        if (_nextMarker < start)
        {
            var rel = text.AsSpan(start, end - start).IndexOfAny(Markers);
            _nextMarker = rel < 0 ? int.MaxValue : start + rel;
        }
        if (_nextMarker < spanEnd) _spans.Add(TextSpan.FromBounds(start, spanEnd));
    }
}
