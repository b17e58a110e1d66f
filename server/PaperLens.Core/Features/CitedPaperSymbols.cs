using System.Globalization;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;
using PaperLens.Core.Presentation;
using PaperLens.Core.Rules;

namespace PaperLens.Core.Features;

/// <summary>The papers a workspace cites, as symbols to jump to: named by title (by id when the
/// catalog does not know the paper), described by first author and year, located at the first place
/// citing them. A query keeps the papers where every one of its words starts a word of the title or
/// of the first author's name, or starts the id.</summary>
public static class CitedPaperSymbols
{
    /// <param name="Name">The title, on one line; <c>arXiv:ID</c> for a paper the catalog lacks.</param>
    /// <param name="Container">First author's surname and year (<c>Gu 2023</c>); null when unknown.</param>
    public sealed record Symbol(ArxivId Id, string Name, string? Container, IndexedDocument Document, Citation FirstCitation);

    public static IReadOnlyList<Symbol> Matching(WorkspaceIndex index, PaperCatalog papers, string query, CancellationToken cancellationToken = default)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var cited = index.CitedIds.Select(ArxivId.Of).ToList();
        var known = papers.FindMany(cited);
        var symbols = new List<Symbol>();
        foreach (var id in cited)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var paper = known.GetValueOrDefault(id);
            var author = paper is null ? null : FirstAuthorSurname(paper);
            var words = ClaimText.Words(ClaimText.Normalize((paper?.Title ?? "") + " " + (author ?? "")));
            if (!terms.All(t => Matches(t, id, words))) continue;
            var (document, first) = index.CitationsOf(id).First();
            var name = paper is null ? "arXiv:" + id.Canonical : ShortTitle.Plain(paper.Title);
            var year = (paper is null ? null : PaperDates.Submitted(paper))?.Year ?? id.Year;
            var container = author is null ? null : $"{author} {year.ToString(CultureInfo.InvariantCulture)}";
            symbols.Add(new Symbol(id, name, container, document, first));
        }
        return symbols.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id).ToList();
    }

    private static bool Matches(string term, ArxivId id, string[] words)
    {
        var bare = term.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase) ? term[6..] : term;
        if (bare.Length > 0 && id.Canonical.StartsWith(bare, StringComparison.OrdinalIgnoreCase)) return true;
        // "mamba-360" is two words once normalised; each must start a word of the title or author.
        var wanted = ClaimText.Words(ClaimText.Normalize(term));
        return wanted.Length > 0 && wanted.All(w => words.Any(h => h.StartsWith(w, StringComparison.Ordinal)));
    }

    private static string? FirstAuthorSurname(PaperRecord paper)
    {
        if (paper.AuthorsParsed is [{ Last.Length: > 0 } first, ..]) return first.Last;
        return AuthorList.Split(paper.Authors) is [var name, ..] ? AuthorList.Surname(name) : null;
    }
}
