using System.Globalization;
using Humanizer;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;
using PaperLens.Core.Presentation;
using PaperLens.Core.Scanning.Latex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>What PaperLens can say about a cited paper the catalog does not hold.</summary>
public enum MissingPaper
{
    /// <summary>Not looked up (yet): nothing is queued, nothing failed.</summary>
    NotLookedUp,
    /// <summary>A lookup is queued or under way.</summary>
    LookingUp,
    /// <summary>The last lookup failed; it is tried again later.</summary>
    LookupFailed,
    /// <summary>Offline: no request will be made.</summary>
    Offline,
    /// <summary>arXiv was asked and has no paper with this id (PL002).</summary>
    NotOnArxiv,
}

/// <summary>The Markdown shown when hovering a citation: what a researcher wants to know at a glance.
/// All of it goes through <see cref="MarkdownWriter"/>, so catalog and file text stays literal; the
/// only links are the ones built here from a validated id.</summary>
public static class PaperHover
{
    /// <summary>What the hover over the citation at <paramref name="offset"/> shows; null off a citation.</summary>
    public static HoverResult? At(WorkspaceIndex index, IPaperSource papers, IndexedDocument document, int offset, IPaperLookups? lookups)
    {
        if (index.CitationAt(document, offset) is not { } citation) return null;
        HoverContent content = citation.Target switch
        {
            CitationTarget.Malformed => new HoverContent.Malformed(citation),
            CitationTarget.UnresolvedKey => new HoverContent.UnresolvedKey(citation, LatexScanner.Reads(document.Path)),
            CitationTarget.Paper { Id: var id } when papers.Find(id) is { } paper => new HoverContent.Paper(paper, citation, index.CitationsOf(id).Count()),
            CitationTarget.Paper { Id: var id } => new HoverContent.UnknownPaper(id, Missing(id, papers, lookups), citation),
            _ => throw new InvalidOperationException($"unknown citation target {citation.Target}"),
        };
        return new HoverResult(citation.Span, content);
    }

    /// <summary>The hover as Markdown: the one rendering of every case.</summary>
    public static string Render(HoverContent content, DateTimeOffset now) => content switch
    {
        HoverContent.Paper p => ForPaper(p.Record, p.Citation, p.CitingPlaces, now),
        HoverContent.UnknownPaper u => ForUnknown(u.Id, u.State),
        HoverContent.Malformed m => ForMalformed(m.Citation),
        HoverContent.UnresolvedKey k => ForUnresolvedKey(k.Citation, k.Latex),
        _ => throw new ArgumentOutOfRangeException(nameof(content), content, null),
    };

    /// <summary>What is being done about a paper the catalog lacks: the hover answers at once, and says
    /// whether asking again later will show more.</summary>
    private static MissingPaper Missing(ArxivId id, IPaperSource papers, IPaperLookups? lookups)
    {
        if (papers.IsConfirmedMiss(id)) return MissingPaper.NotOnArxiv;
        if (lookups is null) return MissingPaper.Offline;
        if (lookups.IsPending(id)) return MissingPaper.LookingUp;
        if (lookups.HasFailed(id)) return MissingPaper.LookupFailed;
        return MissingPaper.NotLookedUp;
    }

    private static string ForPaper(PaperRecord paper, Citation citation, int citingPlaces, DateTimeOffset now)
    {
        var md = new MarkdownWriter()
            .Heading(3).Link(TexText.ToPlain(paper.Title), paper.Id.AbsUrl).EndBlock()
            .Text(AuthorList.Short(paper.Authors)).EndBlock();

        var facts = new List<string>();
        if (PaperDates.Submitted(paper) is { } submitted)
            facts.Add($"submitted {DateText.Calendar(submitted)} · {DateText.Age(submitted, now)}");
        if (paper.LatestVersion is { } latest)
        {
            var latestDate = paper.Versions.FirstOrDefault(v => v.Number == latest)?.Created;
            var version = $"v{latest}" + (latestDate is { } d && latest > 1 ? $" of {DateText.Calendar(d)}" : "");
            facts.Add(paper.VersionsComplete ? $"latest {version}" : $"{version} (later versions unknown)");
        }
        if (citation.Version is { } cited) facts.Add($"cites v{cited.ToString(CultureInfo.InvariantCulture)}");
        if (paper.Categories.Count > 0) facts.Add(string.Join(" ", paper.Categories));
        md.Text(string.Join(" · ", facts)).EndBlock();
        if (paper.Withdrawn) md.Strong("Withdrawn").Text(" — the latest version is a withdrawal notice.").EndBlock();
        if (paper.JournalRef is not null) md.Text("Published: " + paper.JournalRef).EndBlock();
        if (paper.Doi is not null) md.Text("DOI: " + paper.Doi).EndBlock();

        if (AbstractSummary.FirstSentences(paper.Abstract) is { Length: > 0 } summary) md.Quote().Text(summary).EndBlock();
        return md.Text($"Cited in {"place".ToQuantity(citingPlaces)} in this workspace · ")
            .Link("abs", paper.Id.AbsUrl).Text(" · ").Link("pdf", paper.Id.PdfUrl)
            .ToString();
    }

    private static string ForMalformed(Citation citation) => new MarkdownWriter()
        .Strong("Malformed arXiv id").Text(" " + citation.RawText).EndBlock()
        .Text(citation.MalformedReason)
        .ToString();

    private static string ForUnknown(ArxivId id, MissingPaper state)
    {
        var md = new MarkdownWriter();
        if (state == MissingPaper.NotOnArxiv)
            return md.Strong($"arXiv has no paper {id.Canonical}").Text(" (checked with the arXiv API).").ToString();
        md.Strong(id.Canonical).Text(" is not in the local catalog yet.").EndBlock().Link("abs", id.AbsUrl).EndBlock();
        // Whether asking again later will show more.
        var note = state switch
        {
            MissingPaper.Offline => "Offline: PaperLens makes no arXiv requests.",
            MissingPaper.LookingUp => "Looking it up on arXiv…",
            MissingPaper.LookupFailed => "The arXiv lookup failed; PaperLens will try again later.",
            _ => null,
        };
        if (note is not null) md.Emphasis(note);
        return md.ToString();
    }

    private static string ForUnresolvedKey(Citation citation, bool latex) => new MarkdownWriter()
        .Text(latex
            ? $"Citation key {citation.RawText} matches no .bib entry and no \\bibitem."
            : $"Pandoc key @{citation.RawText} matches no .bib entry.")
        .ToString();
}
