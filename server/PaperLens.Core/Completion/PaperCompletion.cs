using System.Globalization;
using PaperLens.Core.Bibliography;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;
using PaperLens.Core.Presentation;
using PaperLens.Core.Text;

namespace PaperLens.Core.Completion;

/// <summary>One completion item: <see cref="Label"/> the title, <see cref="Detail"/> first author and
/// year, <see cref="InsertText"/> what accepting it writes over the query, <see cref="PaperId"/> the
/// canonical id whose abstract documents it (null for a .bib entry without one), and
/// <see cref="FilterText"/> text a client may filter on (the query and what it matched).</summary>
public sealed record CompletionCandidate(string Label, string Detail, string InsertText, string? PaperId, string FilterText)
{
    /// <summary>A catalog paper that no .bib names, inserted as a new key (<see cref="CiteKeys"/>): accepting
    /// it must also add its entry to the document's bibliography (<see cref="Analysis.AddToBibliography"/>),
    /// or the key resolves nowhere.</summary>
    public bool AddsEntry { get; init; }
}

/// <summary>The items for a place, best first, and whether the client must ask again as the user types.</summary>
public sealed record CompletionAnswer(CompletionPlace Place, IReadOnlyList<CompletionCandidate> Items, bool IsIncomplete);

/// <summary>Paper completion: finds the place and the query (<see cref="CompletionPlace"/>), asks the
/// catalog's completion index for papers (those cited in the workspace first), inside <c>[@</c> and
/// <c>\cite{</c> after the .bib keys, and says what each item inserts there.</summary>
public static class PaperCompletion
{
    public const int MaxItems = 50;

    /// <summary>Below this many typed characters a list is never final: more typing changes it.</summary>
    public const int ShortQuery = 3;

    /// <summary>Fewer local matches than this are worth a title search beyond the catalog.</summary>
    public const int FewMatches = 5;

    /// <summary>Letters typed before a title search is worth a request.</summary>
    public const int MinSearchLetters = 4;

    /// <param name="titleSearch">The front end's search beyond the catalog, offered the query when the
    /// catalog has few matches (<see cref="TitleSearchQuery"/>); while it runs the list is incomplete, so
    /// the client asks again and its next list shows what the search added. Null: no search.</param>
    public static CompletionAnswer? Complete(WorkspaceIndex index, IndexedDocument document, int offset, bool invoked, PaperCatalog catalog, ITitleSearch? titleSearch = null)
    {
        if (document.Text is not { } text || CompletionPlace.Find(document.Path, text, offset, invoked) is not { } place) return null;
        var answer = place.Kind switch
        {
            CompletionPlaceKind.PandocKey => KeysThenPapers(index, place, index.Documents.Values.SelectMany(d => d.Scan.BibEntries), catalog),
            CompletionPlaceKind.LatexCiteKey => KeysThenPapers(index, place, index.KeyEntries(document), catalog),
            _ => Papers(index, place, catalog, keys: null),
        };
        return TitleSearchQuery(answer) is { } query && titleSearch?.Offer(query) == true ? answer with { IsIncomplete = true } : answer;
    }

    /// <summary>The words worth a title search beyond the catalog: a title query (not a citation key, no id
    /// typed) of at least <see cref="MinSearchLetters"/> letters that found fewer than
    /// <see cref="FewMatches"/> papers. Null when a search would add nothing the user wants.</summary>
    public static CompletionQuery? TitleSearchQuery(CompletionAnswer answer)
    {
        if (answer.Place.Kind is CompletionPlaceKind.PandocKey or CompletionPlaceKind.LatexCiteKey || answer.Items.Count >= FewMatches) return null;
        var query = CompletionQuery.Parse(answer.Place.QueryText);
        return query.IdPrefixes.Count > 0 || query.Words.Sum(w => w.Length) < MinSearchLetters ? null : query;
    }

    /// <param name="keys">Inside a citation's key list, the keys the workspace's .bib files give: a paper is
    /// inserted as its key, a new one when no .bib names it. Null elsewhere.</param>
    private static CompletionAnswer Papers(WorkspaceIndex index, CompletionPlace place, PaperCatalog catalog, CiteKeys? keys)
    {
        var query = CompletionQuery.Parse(place.QueryText);
        var matches = catalog.Complete(query, MaxItems, index.CitedIds);
        var items = matches.Papers.Select(paper =>
        {
            var title = OneLine(TexText.ToPlain(paper.Title));
            var id = paper.Id.Canonical;
            var addsEntry = keys is not null && keys.Existing(paper.Id) is null;
            // Each new key is taken as it is handed out, so two papers of one list never share one.
            var insert = keys?.For(paper) ?? place.Kind switch
            {
                CompletionPlaceKind.MarkdownProse => MarkdownLink(title, paper.Id),
                CompletionPlaceKind.CodeComment => "arXiv:" + id,
                _ => id,
            };
            var year = (paper.Submitted?.Year ?? paper.Id.Year).ToString(CultureInfo.InvariantCulture);
            return new CompletionCandidate(title, Detail(paper.Authors, year), insert, id,
                string.Join(' ', place.QueryText, title, TexText.ToPlain(paper.Authors), year, id))
            { AddsEntry = addsEntry };
        }).ToList();
        return new CompletionAnswer(place, items, query.Length < ShortQuery || matches.More);
    }

    /// <summary>Inside <c>[@</c> or <c>\cite{</c>: the keys the document can resolve (<paramref name="entries"/>:
    /// for LaTeX its <c>\bibitem</c>s and bibliographies too) first, then the catalog's papers no offered key
    /// names, each as its key — the one a .bib gives it, else a new one whose entry accepting the item adds.</summary>
    private static CompletionAnswer KeysThenPapers(WorkspaceIndex index, CompletionPlace place, IEnumerable<BibEntry> entries, PaperCatalog catalog)
    {
        var keys = BibKeys(place, entries);
        var named = keys.Items.Select(k => k.PaperId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var papers = Papers(index, place, catalog, new CiteKeys(index.Documents.Values.SelectMany(d => d.Scan.BibEntries)));
        var items = keys.Items.Concat(papers.Items.Where(p => !named.Contains(p.PaperId!))).Take(MaxItems).ToList();
        return new CompletionAnswer(place, items, keys.IsIncomplete || papers.IsIncomplete);
    }

    private static CompletionAnswer BibKeys(CompletionPlace place, IEnumerable<BibEntry> candidates)
    {
        var query = CompletionQuery.Parse(place.QueryText);
        var entries = candidates
            .DistinctBy(e => e.Key, StringComparer.Ordinal)
            .Where(e => e.Key.StartsWith(place.QueryText, StringComparison.OrdinalIgnoreCase) || Matches(query, e))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        var items = entries.Take(MaxItems).Select(e =>
        {
            var title = e.Title is { } t ? OneLine(TexText.ToPlain(t).Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)) : e.Key;
            var year = e.Fields.GetValueOrDefault("year") ?? e.Id?.Year.ToString(CultureInfo.InvariantCulture) ?? "";
            var detail = e.Key + " · " + Detail(e.Authors ?? "", year);
            return new CompletionCandidate(title, detail.TrimEnd(' ', '·'), e.Key, e.Id?.Canonical, string.Join(' ', place.QueryText, e.Key, title));
        }).ToList();
        return new CompletionAnswer(place, items, place.QueryText.Length < ShortQuery || entries.Count > MaxItems);
    }

    private static bool Matches(CompletionQuery query, BibEntry entry)
    {
        if (query.IsEmpty) return true;
        var tokens = CompletionText.Words(TexText.ToPlain(entry.Title ?? "") + " " + TexText.ToPlain(entry.Authors ?? "")).ToList();
        return query.Matches(entry.Id?.Canonical ?? "", tokens);
    }

    /// <summary>A paper picked outside completion (a search) as written into a document: a Markdown
    /// link titled with the paper's title in Markdown, the <c>arXiv:ID</c> form elsewhere.</summary>
    public static string CitationText(PaperRecord paper, bool markdown) =>
        markdown ? MarkdownLink(OneLine(TexText.ToPlain(paper.Title)), paper.Id) : "arXiv:" + paper.Id.Canonical;

    /// <summary>The Markdown documentation of a paper's item, read when the client resolves the item it
    /// shows: title, authors, id and the first sentences of the abstract.</summary>
    public static string Documentation(PaperRecord paper) => new MarkdownWriter()
        .Strong(TexText.ToPlain(paper.Title)).LineBreak()
        .Text($"{AuthorList.Short(paper.Authors)} · arXiv:{paper.Id.Canonical}").EndBlock()
        .Text(AbstractSummary.FirstSentences(paper.Abstract))
        .ToString();

    // Inserted where the user typed a word, after other text or at a line start: a link is the same
    // either way.
    private static string MarkdownLink(string plainTitle, ArxivId id) => new MarkdownWriter().Link(plainTitle, id.AbsUrl).ToString();

    // "A. Gu et al. · 2023"
    private static string Detail(string authors, string year)
    {
        var names = AuthorList.Split(authors);
        var first = names.Count == 0 ? "" : AuthorList.Initialled(names[0]) + (names.Count > 1 ? " et al." : "");
        return string.Join(" · ", new[] { first, year }.Where(s => s.Length > 0));
    }

    private static string OneLine(string text) => Whitespace.Collapse(text);
}
