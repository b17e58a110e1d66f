using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Presentation;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>A paper's abstract document and the file name it is kept under: one file per paper, named
/// by its id (an old-style id's slash made an underscore), so opening it twice opens one document.</summary>
public sealed record AbstractPage(ArxivId Id, string FileName, string Markdown);

/// <summary>The full record of a paper as a Markdown document: what "go to abstract" opens.</summary>
public static class AbstractDocument
{
    public static AbstractPage Page(PaperRecord paper, DateTimeOffset now) =>
        new(paper.Id, paper.Id.Canonical.Replace('/', '_') + ".md", Render(paper, now));

    public static string Render(PaperRecord paper, DateTimeOffset now)
    {
        var md = new MarkdownWriter()
            .Heading(1).Text(TexText.ToPlain(paper.Title)).EndBlock()
            .Strong("arXiv:" + paper.Id.Canonical).Text(" · ").Autolink(paper.Id.AbsUrl).Text(" · ").Autolink(paper.Id.PdfUrl).EndBlock()
            .Strong("Authors:").Text(" " + string.Join(", ", AuthorList.Split(paper.Authors))).EndBlock();

        // One fact a line: a hard break ends each.
        void Fact(string label, string value) => md.Strong(label).Text(" " + value).LineBreak();
        if (PaperDates.Submitted(paper) is { } submitted) Fact("Submitted:", DateText.WithAge(submitted, now));
        foreach (var v in paper.Versions.OrderBy(v => v.Number))
            Fact($"v{v.Number}:", v.Created is { } c ? DateText.Calendar(c) : "date unknown");
        if (!paper.VersionsComplete) md.Text("(later versions, if any, are not in the catalog)").LineBreak();
        if (paper.Categories.Count > 0) Fact("Categories:", string.Join(", ", paper.Categories));
        if (paper.Comments is not null) Fact("Comments:", paper.Comments);
        if (paper.JournalRef is not null) Fact("Journal reference:", paper.JournalRef);
        if (paper.Doi is not null) Fact("DOI:", paper.Doi);
        if (paper.Withdrawn) md.Strong("Withdrawn.").LineBreak();

        md.EndBlock().Heading(2).Text("Abstract").EndBlock();
        if (paper.Abstract is null) md.Emphasis("No abstract in the catalog.");
        else md.Text(TexText.ToPlain(paper.Abstract));
        // A file ends with a line break.
        return md.ToString() + "\n";
    }
}
