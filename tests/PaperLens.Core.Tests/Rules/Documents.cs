using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Rules;

/// <summary>Scanned documents for rule tests, built from text or by hand.</summary>
internal static class Documents
{
    /// <summary>A document whose citations the plain-text finder reads from <paramref name="text"/>.</summary>
    public static ScannedDocument FromText(string path, string text) =>
        new(path, TextCitationFinder.Find(text).ToList(), [], [], []);

    public static ScannedDocument Bib(string path, params BibEntry[] entries) =>
        new(path, entries.Where(e => e.Id is not null).Select(EntryCitation).ToList(), entries, [], []);

    public static BibEntry Entry(string key, string? arxivId, int offset = 0, string? title = null)
    {
        var fields = new Dictionary<string, string>();
        if (title is not null) fields["title"] = title;
        var parsed = arxivId is null ? default : ArxivIdParser.Parse(arxivId);
        return new BibEntry(key, "article", new TextSpan(offset, 40), new TextSpan(offset + 9, key.Length), fields, parsed.Id, parsed.Version);
    }

    public static Citation EntryCitation(BibEntry entry) => new()
    {
        Span = new TextSpan(entry.Span.Start + 20, entry.Id!.Canonical.Length),
        Form = CitationForm.Bibtex,
        RawText = entry.Id.WithVersion(entry.Version),
        Target = new CitationTarget.Paper(entry.Id, entry.Version),
        Role = CitationRole.BibEntry,
        Label = entry.Key,
        Claim = entry.Title is { } title ? new Claim(title, ClaimKind.Title, new TextSpan(entry.Span.Start + 30, title.Length)) : null,
    };

    /// <summary>Pandoc keys (<c>@key</c>) at the ranges marked in <paramref name="fixture"/>.</summary>
    public static ScannedDocument Markdown(string path, Fixture fixture, params string[] bibliographies) =>
        new(path, fixture.Ranges.Select(range => KeyCitation(fixture.Slice(range), range)).ToList(), [], [], bibliographies);

    public static Citation KeyCitation(string key, TextSpan span) => new()
    {
        Span = span,
        Form = CitationForm.CiteKey,
        RawText = key,
        Target = CitationTarget.UnresolvedKey.Instance,
    };
}
