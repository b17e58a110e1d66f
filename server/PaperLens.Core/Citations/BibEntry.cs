using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Citations;

/// <summary>A parsed BibTeX entry, kept so pandoc keys can resolve to it and so it can serve as a
/// metadata source for papers the catalog lacks. Field names are lower-case; values are the
/// field's text after @string expansion and concatenation, braces kept.</summary>
public sealed record BibEntry(
    string Key,
    string EntryType,
    TextSpan Span,
    TextSpan KeySpan,
    IReadOnlyDictionary<string, string> Fields,
    ArxivId? Id,
    int? Version)
{
    public string? Title => Fields.GetValueOrDefault("title");

    public string? Authors => Fields.GetValueOrDefault("author");
}
