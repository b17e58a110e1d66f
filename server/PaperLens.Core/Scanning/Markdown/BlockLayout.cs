using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>What one block is made of, as source ranges: its links, its text and its lines (each line
/// without the container prefixes — <c>&gt; </c>, list indentation — that Markdig strips).
/// Citations are then read once per line and attributed to the piece of the block they fall in.</summary>
internal sealed class BlockLayout(bool allowsCiteKeys)
{
    private readonly List<TextZone> _zones = [];

    /// <summary>Pandoc keys are read in Markdown text, never in HTML.</summary>
    public bool AllowsCiteKeys => allowsCiteKeys;

    public List<LinkSite> Sites { get; } = [];

    public List<TextSpan> Lines { get; } = [];

    public IReadOnlyList<TextZone> Zones => _zones;

    /// <summary>Adds a text range; adjacent ranges of the same kind merge, because Markdig splits literal
    /// text at characters that might have started other syntax (<c>_</c>, <c>[</c>, <c>\</c>).</summary>
    public void AddZone(int start, int end, int owner, bool isCode)
    {
        if (end <= start) return;
        if (_zones.Count > 0 && _zones[^1] is var last && last.End == start && last.Owner == owner && last.IsCode == isCode)
            _zones[^1] = last with { End = end };
        else
            _zones.Add(new TextZone(start, end, owner, isCode));
    }

    public TextZone? ZoneContaining(TextSpan span)
    {
        var i = LastStartingAtOrBefore(_zones, span.Start, z => z.Start);
        return i >= 0 && _zones[i].End >= span.End ? _zones[i] : null;
    }

    public TextSpan? LineAt(int offset)
    {
        var i = LastStartingAtOrBefore(Lines, offset, l => l.Start);
        return i >= 0 && Lines[i].End >= offset ? Lines[i] : null;
    }

    private static int LastStartingAtOrBefore<T>(List<T> items, int offset, Func<T, int> start)
    {
        int lo = 0, hi = items.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (start(items[mid]) <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
