using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning;

/// <summary>Where each character of a text derived from a document was written in the document: a
/// notebook cell's decoded source (JSON escapes such as <c>\n</c> and <c>\u00e9</c>, a source split into
/// an array of strings) or the prose of a LaTeX document (<c>~</c> for a space, <c>``</c> for a quote,
/// commands between words). A character may stand for several written ones, or for none (an empty range).</summary>
/// <remarks>Nearly every character stands for the one written right after the previous one's, so the map
/// keeps runs: a run of such characters is one entry, and only the others (an escape, a tie, a character
/// standing for a command) take an entry each — a map per character was the most a notebook's or a LaTeX
/// document's scan allocated.</remarks>
internal sealed class SourceMap(int emptyAt)
{
    /// <summary>Characters from <paramref name="First"/> on: when <paramref name="Unit"/>, each one stands for
    /// the written character after the previous one's, the first for <paramref name="RawStart"/>; otherwise
    /// the run is that one character, standing for [<paramref name="RawStart"/>, <paramref name="RawEnd"/>).</summary>
    private readonly record struct Run(int First, int RawStart, int RawEnd, bool Unit);

    private readonly List<Run> _runs = [];
    private int _count;

    public void Add(int rawStart, int rawEnd)
    {
        var unit = rawEnd == rawStart + 1;
        if (!(unit && _runs.Count > 0 && _runs[^1] is { Unit: true } last && last.RawStart + (_count - last.First) == rawStart))
            _runs.Add(new Run(_count, rawStart, rawEnd, unit));
        _count++;
    }

    /// <summary>A range of the derived text as a range of the document.</summary>
    public TextSpan ToRaw(TextSpan decoded)
    {
        if (_count == 0) return new TextSpan(emptyAt, 0);
        var start = Math.Clamp(decoded.Start, 0, _count);
        var rawStart = start < _count ? Written(start).Start : Written(_count - 1).End;
        if (decoded.Length <= 0) return new TextSpan(rawStart, 0);
        var last = Math.Clamp(decoded.End - 1, start, _count - 1);
        return TextSpan.FromBounds(rawStart, Math.Max(rawStart, Written(last).End));
    }

    private (int Start, int End) Written(int index)
    {
        int lo = 0, hi = _runs.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (_runs[mid].First <= index) lo = mid;
            else hi = mid - 1;
        }
        var run = _runs[lo];
        return run.Unit ? (run.RawStart + index - run.First, run.RawStart + index - run.First + 1) : (run.RawStart, run.RawEnd);
    }
}
