using System.Globalization;
using System.Text;
using PaperLens.Core.Catalog;
using PaperLens.Core.Text;

namespace PaperLens.Core.Bibliography;

public enum BibliographyStyle
{
    /// <summary>arXiv's own export: <c>@misc</c> with <c>year</c>, <c>eprint</c>, <c>archivePrefix</c>, <c>primaryClass</c>.</summary>
    Bibtex,
    /// <summary>biblatex's fields: <c>@online</c> with <c>date</c>, <c>eprint</c>, <c>eprinttype</c>, <c>eprintclass</c>.</summary>
    Biblatex,
}

/// <summary>A paper's entry as written: its key and the entry's text.</summary>
public sealed record PaperEntry(string Key, string Text);

/// <summary>The one writer of BibTeX entries for catalog papers (spec §5), in arXiv's export layout:
/// <code>
/// @misc{gu2023mamba,
///       title={Mamba: Linear-Time Sequence Modeling with Selective State Spaces},
///       author={Albert Gu and Tri Dao},
///       year={2023},
///       eprint={2312.00752},
///       archivePrefix={arXiv},
///       primaryClass={cs.LG},
///       url={https://arxiv.org/abs/2312.00752},
/// }
/// </code>
/// plus <c>doi</c> and <c>journal</c> when arXiv lists a published version. Every value is catalog text
/// escaped for its field (<see cref="BibtexText"/>), so the entry parses whatever the record holds.</summary>
public static class BibtexEntryWriter
{
    private const string Indent = "      ";

    /// <summary>The entry, ending with a line break.</summary>
    public static string Write(PaperRecord paper, string key, BibliographyStyle style = BibliographyStyle.Bibtex)
    {
        var biblatex = style == BibliographyStyle.Biblatex;
        var entry = new StringBuilder();
        entry.Append(biblatex ? "@online{" : "@misc{").Append(key).Append(",\n");
        Field(entry, "title", BibtexText.Braced(paper.Title));
        Field(entry, "author", BibtexNames.Of(paper));
        if (biblatex) Field(entry, "date", Date(paper));
        else Field(entry, "year", (paper.Submitted?.Year ?? paper.Id.Year).ToString(CultureInfo.InvariantCulture));
        Field(entry, "eprint", paper.Id.Canonical);
        Field(entry, biblatex ? "eprinttype" : "archivePrefix", "arXiv");
        if (paper.Categories is [var primary, ..]) Field(entry, biblatex ? "eprintclass" : "primaryClass", Verbatim(primary));
        Field(entry, "url", paper.Id.AbsUrl);
        if (paper.Doi is { Length: > 0 } doi) Field(entry, "doi", Verbatim(doi));
        if (paper.JournalRef is { Length: > 0 } journal) Field(entry, biblatex ? "note" : "journal", BibtexText.Braced(journal));
        return entry.Append("}\n").ToString();
    }

    private static void Field(StringBuilder entry, string name, string value)
    {
        if (value.Length == 0) return;
        entry.Append(Indent).Append(name).Append("={").Append(value).Append("},\n");
    }

    // The day of v1 when the catalog knows it, else its year (from the id when nothing else).
    private static string Date(PaperRecord paper) =>
        paper.Submitted is { } submitted
            ? submitted.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : paper.Id.Year.ToString(CultureInfo.InvariantCulture);

    // doi, url and category are verbatim in biblatex and hyperref: TeX escapes would show. Only what
    // would break the field goes: braces (as in URLs, percent-encoded) and line breaks.
    private static string Verbatim(string text) =>
        Whitespace.Collapse(text).Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal);
}
