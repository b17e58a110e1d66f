namespace PaperLens.Core.Text;

/// <summary>A range of UTF-16 offsets into a document's text. The core works only in offsets;
/// lines and columns are computed at the edges (CLI output, LSP positions) by <see cref="LineMap"/>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>The same range moved by <paramref name="offset"/>: from a copy of a part of the text into the text.</summary>
    public TextSpan Shift(int offset) => new(Start + offset, Length);

    public bool Contains(int offset) => offset >= Start && offset <= End;

    public override string ToString() => $"[{Start}..{End})";
}
