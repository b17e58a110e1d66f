using PaperLens.Core.Catalog;
using PaperLens.Core.Completion;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Presentation;
using PaperLens.Core.Scanning;

namespace PaperLens.Core.Features;

/// <summary>A paper found by a search, with the text that cites it in the document it is for.</summary>
/// <param name="Title">The title on one line.</param>
/// <param name="Authors">The short author list (<c>A. Gu and T. Dao</c>).</param>
/// <param name="CitationText">What inserting the paper writes (<see cref="PaperCompletion.CitationText"/>).</param>
public sealed record PaperSearchResult(ArxivId Id, string Title, string Authors, int Year, string CitationText);

/// <summary>The catalog's ranked search (title, authors, id, year) for a picker: each paper as the
/// document asking would cite it, a Markdown link in Markdown, <c>arXiv:ID</c> elsewhere.</summary>
public static class PaperSearch
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <param name="limit">Papers wanted; null for <see cref="DefaultLimit"/>, at most <see cref="MaxLimit"/>.</param>
    /// <param name="documentPath">The document the paper is for, if any.</param>
    public static IReadOnlyList<PaperSearchResult> Run(PaperCatalog papers, string query, int? limit, string? documentPath)
    {
        var markdown = documentPath is not null && DocumentScanner.IsMarkdown(documentPath);
        return papers.Search(query, Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit))
            .Select(paper => new PaperSearchResult(
                paper.Id,
                ShortTitle.Plain(paper.Title),
                AuthorList.Short(paper.Authors),
                PaperDates.Submitted(paper)?.Year ?? paper.Id.Year,
                PaperCompletion.CitationText(paper, markdown)))
            .ToList();
    }
}
