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
        foreach (var line in layout.Lines)
            foreach (var citation in TextCitationFinder.Find(text, line.Start, line.End))
                if (layout.ZoneContaining(citation.Span) is { } zone && (zone.Owner < 0 || !layout.Sites[zone.Owner].Cites))
                    sink.Add(citation);
        if (layout.AllowsCiteKeys)
            foreach (var key in PandocCitationKeys.Find(text, layout, BareCiteKeys))
                sink.Add(key);
    }

    private void ReadLink(BlockLayout layout, LinkSite site)
    {
        if (site.Reference is { } definition)
        {
            if (LinkClaims.FromText(text, site) is { } claim) referenceUses.Note(definition, claim);
            return;
        }
        if (site.Destination is not { } destination) return;
        Claim? linkClaim = null;
        foreach (var citation in TextCitationFinder.Find(text, destination.Start, destination.End))
        {
            if (!site.Cites)
            {
                site.Cites = true;
                linkClaim = LinkClaims.For(text, site, layout.LineAt(site.Whole.Start));
            }
            sink.Add(citation with { Claim = linkClaim });
        }
    }
}
