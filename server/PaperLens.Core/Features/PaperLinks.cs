using PaperLens.Core.Catalog;
using PaperLens.Core.Index;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>A link from a citation to its paper's abs page, with the title as tooltip when the catalog knows it.</summary>
public sealed record PaperLink(TextSpan Span, string Url, string? Tooltip);

/// <summary>Every citation with a valid id (pandoc keys resolved) links to its abs page — the version
/// cited, when one is pinned.</summary>
public static class PaperLinks
{
    public static IReadOnlyList<PaperLink> Of(WorkspaceIndex index, IndexedDocument document, IPaperSource papers)
    {
        var citations = index.Resolved(document).Where(c => c.Id is not null).ToList();
        var known = papers.FindMany(citations.Select(c => c.Id!));
        return citations
            .Select(c => new PaperLink(
                c.Span,
                "https://arxiv.org/abs/" + c.Id!.WithVersion(c.Version),
                known.TryGetValue(c.Id!, out var paper) ? ShortTitle.Plain(paper.Title) : null))
            .ToList();
    }
}
