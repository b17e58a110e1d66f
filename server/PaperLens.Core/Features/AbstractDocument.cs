using PaperLens.Core.Catalog;
using PaperLens.Core.Presentation;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>The full record of a paper as a Markdown document: what "go to abstract" opens.</summary>
public static class AbstractDocument
{
    public static string Render(PaperRecord paper, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            $"# {MarkdownText.Escape(TexText.ToPlain(paper.Title))}",
            "",
            $"**arXiv:{paper.Id.Canonical}** · <{paper.Id.AbsUrl}> · <{paper.Id.PdfUrl}>",
            "",
            $"**Authors:** {MarkdownText.Escape(string.Join(", ", AuthorList.Split(paper.Authors)))}",
            "",
        };
        if (PaperDates.Submitted(paper) is { } submitted) lines.Add($"**Submitted:** {DateText.WithAge(submitted, now)}  ");
        foreach (var v in paper.Versions.OrderBy(v => v.Number))
            lines.Add($"**v{v.Number}:** {(v.Created is { } c ? DateText.Calendar(c) : "date unknown")}  ");
        if (!paper.VersionsComplete) lines.Add("(later versions, if any, are not in the catalog)  ");
        if (paper.Categories.Count > 0) lines.Add($"**Categories:** {MarkdownText.Escape(string.Join(", ", paper.Categories))}  ");
        if (paper.Comments is not null) lines.Add($"**Comments:** {MarkdownText.Escape(paper.Comments)}  ");
        if (paper.JournalRef is not null) lines.Add($"**Journal reference:** {MarkdownText.Escape(paper.JournalRef)}  ");
        if (paper.Doi is not null) lines.Add($"**DOI:** {MarkdownText.Escape(paper.Doi)}  ");
        if (paper.Withdrawn) lines.Add("**Withdrawn.**  ");
        lines.Add("");
        lines.Add("## Abstract");
        lines.Add("");
        lines.Add(paper.Abstract is null ? "_No abstract in the catalog._" : MarkdownText.Escape(TexText.ToPlain(paper.Abstract)));
        lines.Add("");
        return string.Join("\n", lines);
    }
}
