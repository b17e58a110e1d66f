using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Reads the citations of one block from its layout. Link destinations are read as links;
/// each line is read as text, and a citation found there counts only when it falls in text (not in a
/// destination, a tag or markup) and not in the text of a link that already cites through its
/// destination — <c>[arXiv:2312.00752](https://arxiv.org/abs/2312.00752)</c> is one citation.</summary>
internal sealed class BlockCitationReader(string text, CitationSink sink, ReferenceUseClaims referenceUses)
{
    /// <summary>Whether a bare <c>@key</c> outside brackets is a pandoc citation in this document.</summary>
    public bool BareCiteKeys { get; set; }

    public void Read(BlockLayout layout)
    {
        foreach (var site in layout.Sites) ReadLink(layout, site);
        for (var i = 0; i < layout.Lines.Count; i++)
        {
            foreach (var citation in TextCitations(layout, layout.Lines[i]))
                if (InText(layout, citation.Span)) sink.Add(citation);
            if (i == 0) continue;
            // A soft line break where the prefix's space was: the prefix must be text too, since the
            // previous line may end in a tag or destination.
            foreach (var citation in TextCitationFinder.FindAcrossLineBreak(text, layout.Lines[i - 1], layout.Lines[i]))
                if (InText(layout, citation.Span) && citation.Extent is { } whole && InText(layout, new TextSpan(whole.Start, 1)))
                    sink.Add(citation);
        }
        if (layout.AllowsCiteKeys)
            foreach (var key in PandocCitationKeys.Find(text, layout, BareCiteKeys))
                sink.Add(key);
    }

    // Every citation found on a line gets its inline claim read from the whole line, so a long line
    // full of link destinations (a one-line HTML table) would cost its length once per destination.
    private const int LongLine = 4096;

    /// <summary>Citations on one line, with claims read from the line. A long line is read as text
    /// only: everything that is not text (destinations, tags, markup, text of citing links) is blanked
    /// first, so that what is not kept is never matched at all.</summary>
    private IEnumerable<Citation> TextCitations(BlockLayout layout, TextSpan line) =>
        line.Length <= LongLine ? TextCitationFinder.Find(text, line.Start, line.End) : VisibleTextCitations(layout, line);

    private IEnumerable<Citation> VisibleTextCitations(BlockLayout layout, TextSpan line)
    {
        var visible = new char[line.Length];
        Array.Fill(visible, ' ');
        foreach (var zone in layout.Zones)
        {
            if (zone.Owner >= 0 && layout.Sites[zone.Owner].Cites) continue;
            var start = Math.Max(zone.Start, line.Start);
            var end = Math.Min(zone.End, line.End);
            if (end > start) text.CopyTo(start, visible, start - line.Start, end - start);
        }
        return TextCitationFinder.Find(new string(visible)).Select(c => c.MapSpans(s => s.Shift(line.Start)));
    }

    /// <summary>Whether the range lies in text (not a destination, a tag or markup) and not in the text
    /// of a link that already cites through its destination.</summary>
    private static bool InText(BlockLayout layout, TextSpan span) =>
        layout.ZoneContaining(span) is { } zone && (zone.Owner < 0 || !layout.Sites[zone.Owner].Cites);

    private void ReadLink(BlockLayout layout, LinkSite site)
    {
        if (site.Reference is { } definition)
        {
            if (LinkClaims.FromText(text, site) is { } claim) referenceUses.Note(definition, claim);
            return;
        }
        if (site.Destination is not { } destination) return;
        var claims = WrittenClaims.None;
        foreach (var citation in TextCitationFinder.FindIds(text, destination.Start, destination.End))
        {
            if (!site.Cites)
            {
                site.Cites = true;
                claims = LinkClaims.For(text, site, layout.LineAt(site.Whole.Start));
            }
            sink.Add(citation with { Claim = claims.Claim, AuthorYear = claims.AuthorYear });
        }
    }
}
