namespace PaperLens.Core.Text;

/// <summary>A range of UTF-16 offsets into a document's text. The core works only in offsets;
/// lines and columns are computed at the edges (CLI output, LSP positions) by <see cref="LineMap"/>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int offset) => offset >= Start && offset <= End;

    public override string ToString() => $"[{Start}..{End})";
}
