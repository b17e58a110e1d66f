using System.Globalization;
using Humanizer;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Presentation;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>The Markdown shown when hovering a citation: what a researcher wants to know at a glance.
/// Every piece of catalog or file text goes through <see cref="MarkdownText.Escape"/>; the only links
/// are the ones built here from a validated id.</summary>
public static class PaperHover
{
    public static string ForPaper(PaperRecord paper, Citation citation, int citingPlaces, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            $"### [{MarkdownText.Escape(TexText.ToPlain(paper.Title))}]({paper.Id.AbsUrl})",
            MarkdownText.Escape(AuthorList.Short(paper.Authors)),
        };

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
        if (paper.Categories.Count > 0) facts.Add(MarkdownText.Escape(string.Join(" ", paper.Categories)));
        if (facts.Count > 0) lines.Add(string.Join(" · ", facts));
        if (paper.Withdrawn) lines.Add("**Withdrawn** — the latest version is a withdrawal notice.");
        if (paper.JournalRef is not null) lines.Add($"Published: {MarkdownText.Escape(paper.JournalRef)}");
        if (paper.Doi is not null) lines.Add($"DOI: {MarkdownText.Escape(paper.Doi)}");

        if (AbstractSummary.FirstSentences(paper.Abstract) is { Length: > 0 } summary)
            lines.Add("> " + MarkdownText.Escape(summary));
        lines.Add($"Cited in {"place".ToQuantity(citingPlaces)} in this workspace · [abs]({paper.Id.AbsUrl}) · [pdf]({paper.Id.PdfUrl})");
        return string.Join("\n\n", lines);
    }

    public static string ForMalformed(Citation citation) =>
        $"**Malformed arXiv id** {MarkdownText.Escape(citation.RawText)}\n\n{MarkdownText.Escape(citation.MalformedReason)}";

    public static string ForUnknown(Citation citation, bool confirmedMiss) => confirmedMiss
        ? $"**arXiv has no paper {MarkdownText.Escape(citation.Id!.Canonical)}** (checked with the arXiv API)."
        : $"**{MarkdownText.Escape(citation.Id!.Canonical)}** is not in the local catalog yet.\n\n[abs]({citation.Id.AbsUrl})";

    public static string ForUnresolvedKey(Citation citation) =>
        $"Pandoc key @{MarkdownText.Escape(citation.CiteKey ?? citation.RawText)} matches no .bib entry.";
}
