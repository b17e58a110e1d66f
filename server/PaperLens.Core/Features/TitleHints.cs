using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>The short title shown after a bare <c>arXiv:ID</c>, so that a comment full of ids reads
/// as a list of papers. Only the prefix form gets one: a URL is usually a link with its own text,
/// and a citation with a title written beside it needs none.</summary>
public static class TitleHints
{
    /// <param name="Position">Where the hint goes: right after the id (and its version).</param>
    /// <param name="Label">The short title (<see cref="ShortTitle"/>).</param>
    /// <param name="Title">The full title, on one line.</param>
    public sealed record Hint(int Position, string Label, string Title);

    /// <summary>A prefix-form citation of a valid id with no title claim beside it.</summary>
    public static bool IsBare(Citation citation) =>
        citation is { Form: CitationForm.Prefix, Id: not null, IsMalformed: false } && citation.Claim?.Kind != ClaimKind.Title;

    /// <summary>Hints for the bare citations ending inside <paramref name="range"/> whose paper the catalog knows.</summary>
    public static IReadOnlyList<Hint> For(IEnumerable<Citation> citations, TextSpan range, PaperCatalog papers)
    {
        var bare = citations.Where(c => IsBare(c) && c.Span.End >= range.Start && c.Span.End <= range.End).ToList();
        if (bare.Count == 0) return [];
        var known = papers.FindMany(bare.Select(c => c.Id!));
        var hints = new List<Hint>();
        foreach (var citation in bare)
        {
            if (!known.TryGetValue(citation.Id!, out var paper)) continue;
            hints.Add(new Hint(citation.Span.End, ShortTitle.Of(paper.Title), ShortTitle.Plain(paper.Title)));
        }
        return hints;
    }
}
