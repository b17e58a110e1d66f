using System.Buffers;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Code;

/// <summary>Comment or docstring text that holds a citation marker, with the comments on the lines just
/// above it that continue it: link text wraps over <c>#</c> and <c>//</c> lines as it does in a docstring,
/// and the claim in it is read across the markers. <see cref="Above"/> is the comment on the line before
/// <see cref="Text"/>'s first line, <see cref="TwoAbove"/> the one before that.</summary>
internal readonly record struct CommentSpan(TextSpan Text, TextSpan? Above, TextSpan? TwoAbove);

/// <summary>Collects the comment and docstring text a lexer finds, keeping only the spans that hold a
/// citation marker: most comments cite nothing, and the finder need not look at them. The
/// <c>paperlens-ignore</c> comments among them are read as they arrive (<see cref="Ignores"/>).</summary>
internal sealed class CommentSpans(string text, int end)
{
    private static SearchValues<string> Markers => TextCitationFinder.Markers;

    // Between two comments on consecutive lines stand only a line break, indentation and comment markers.
    private static readonly SearchValues<char> Continuation = SearchValues.Create(" \t\f\r#/*-%!'");

    private readonly List<CommentSpan> _spans = [];
    private readonly List<IgnoreComment> _ignores = [];
    private int _nextMarker = -1;
    private int _nextIgnore = -1;
    // The last two spans added, kept or not: the lines a kept span may continue.
    private TextSpan? _previous;
    private TextSpan? _beforePrevious;

    public IReadOnlyList<CommentSpan> Spans => _spans;

    public IReadOnlyList<IgnoreComment> Ignores => _ignores;

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
        var span = TextSpan.FromBounds(start, spanEnd);
        ReadIgnores(start, spanEnd);
        if (_nextMarker < spanEnd)
        {
            var above = Continues(_previous, span) ? _previous : null;
            var twoAbove = above is { } a && Continues(_beforePrevious, a) ? _beforePrevious : null;
            _spans.Add(new CommentSpan(span, above, twoAbove));
        }
        _beforePrevious = _previous;
        _previous = span;
    }

    // Only kept spans ask, about the two gaps before them, so every gap is read at most twice, and
    // only up to its first character that is neither a line break nor a continuation.
    private bool Continues(TextSpan? earlier, TextSpan later)
    {
        if (earlier is not { } e) return false;
        var gap = text.AsSpan(e.End, later.Start - e.End);
        var newline = gap.IndexOfAnyExcept(Continuation);
        return newline >= 0 && gap[newline] == '\n' && gap[(newline + 1)..].IndexOfAnyExcept(Continuation) < 0;
    }

    // Like the markers, the keyword is searched for once from each comment on, never twice over the same text.
    private void ReadIgnores(int start, int spanEnd)
    {
        if (_nextIgnore >= spanEnd) return;
        if (_nextIgnore < start) _nextIgnore = Found(IgnoreComments.Next(text, start, end));
        while (_nextIgnore < spanEnd)
        {
            if (IgnoreComments.Read(text, _nextIgnore, spanEnd) is { } ignore) _ignores.Add(ignore);
            _nextIgnore = Found(IgnoreComments.Next(text, _nextIgnore + IgnoreComments.Keyword.Length, end));
        }
    }

    private static int Found(int at) => at < 0 ? int.MaxValue : at;

    private void Seek(int pos)
    {
        if (_nextMarker >= pos) return;
        var rel = pos < end ? text.AsSpan(pos, end - pos).IndexOfAny(Markers) : -1;
        _nextMarker = rel < 0 ? int.MaxValue : pos + rel;
    }
}
