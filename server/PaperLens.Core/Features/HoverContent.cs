using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>What a hover over a citation shows, as data: <see cref="PaperHover.Render"/> writes it as
/// Markdown, a test reads it as it is.</summary>
public abstract record HoverContent
{
    // Closed: these cases are all there is, so a switch over them is complete.
    private HoverContent(Citation citation) => Citation = citation;

    /// <summary>The citation hovered, whichever case it is.</summary>
    public Citation Citation { get; }

    /// <summary>A paper the catalog holds, and how many places in the workspace cite it.</summary>
    public sealed record Paper(PaperRecord Record, Citation Citation, int CitingPlaces) : HoverContent(Citation);

    /// <summary>A well-formed id the catalog does not hold, and what is being done about it.</summary>
    public sealed record UnknownPaper(ArxivId Id, MissingPaper State, Citation Citation) : HoverContent(Citation);

    /// <summary>An id that breaks the arXiv scheme; the citation says why.</summary>
    public sealed record Malformed(Citation Citation) : HoverContent(Citation);

    /// <summary>A citation key no .bib entry of the workspace declares: a pandoc key, or a LaTeX
    /// <c>\cite</c> key (<paramref name="Latex"/>) that no <c>\bibitem</c> of its document declares either.</summary>
    public sealed record UnresolvedKey(Citation Citation, bool Latex = false) : HoverContent(Citation);
}

/// <summary>A hover: what it says, and the span of the citation it is about.</summary>
public sealed record HoverResult(TextSpan Span, HoverContent Content);
