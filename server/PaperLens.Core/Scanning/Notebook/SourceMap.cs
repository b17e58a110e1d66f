using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Notebook;

/// <summary>Where each character of a cell's decoded source was written in the .ipynb text. JSON escapes
/// (<c>\n</c>, <c>\"</c>, <c>\u00e9</c>) make the two differ, and a source split into an array of strings
/// jumps from one string token to the next.</summary>
internal sealed class SourceMap(int emptyAt)
{
    private readonly List<int> _starts = [];
    private readonly List<int> _ends = [];

    public void Add(int rawStart, int rawEnd)
    {
        _starts.Add(rawStart);
        _ends.Add(rawEnd);
    }

    /// <summary>A range of the decoded source as a range of the notebook's text.</summary>
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
