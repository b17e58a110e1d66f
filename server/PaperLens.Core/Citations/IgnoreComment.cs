using PaperLens.Core.Text;

namespace PaperLens.Core.Citations;

/// <summary>A <c>paperlens-ignore</c> comment (spec §5): it hides the findings of <see cref="Codes"/> (every
/// rule when empty) that start in <see cref="Covers"/> — the comment's own line and the line after the
/// comment, or in BibTeX the whole entry after it.</summary>
/// <param name="CodesEnd">Where the comment's last code ends (after the keyword when it names none): a
/// code the editor adds to it goes there.</param>
public sealed record IgnoreComment(TextSpan Covers, IReadOnlyList<string> Codes, int CodesEnd)
{
    public bool Hides(string code, int offset) =>
        Covers.Contains(offset) && (Codes.Count == 0 || Codes.Contains(code, StringComparer.Ordinal));

    /// <summary>The comment with its offsets passed through <paramref name="map"/> (a notebook cell's into the .ipynb text).</summary>
    public IgnoreComment MapSpans(Func<TextSpan, TextSpan> map) =>
        this with { Covers = map(Covers), CodesEnd = map(new TextSpan(CodesEnd, 0)).Start };
}
