using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Bibtex;

public sealed record BibtexScanResult(IReadOnlyList<Citation> Citations, IReadOnlyList<BibEntry> Entries, IReadOnlyList<SyntaxProblem> Problems);

/// <summary>Citations and entries of BibTeX text (spec §2.3): a .bib file or a bibtex code block.</summary>
public static class BibtexScanner
{
    /// <summary>Reads text[start..end); offsets are into <paramref name="text"/>. Never throws: a broken
    /// entry is a <see cref="SyntaxProblem"/> (PL011) and the entries around it are still read.</summary>
    public static BibtexScanResult Scan(string text, int start, int end)
    {
        var (parsed, problems) = BibtexParser.Parse(text, start, end);
        var citations = new List<Citation>();
        var entries = new List<BibEntry>(parsed.Count);
        foreach (var entry in parsed)
        {
            var citation = BibtexCitationReader.Read(text, entry);
            if (citation is not null) citations.Add(citation);
            entries.Add(new BibEntry(entry.Key, entry.Type, entry.Span, entry.KeySpan, FieldMap(entry), citation?.Id, citation?.Id is null ? null : citation.Version));
        }
        return new BibtexScanResult(citations, entries, problems);
    }

    private static Dictionary<string, string> FieldMap(ParsedBibtexEntry entry)
    {
        var fields = new Dictionary<string, string>(entry.Fields.Count, StringComparer.Ordinal);
        foreach (var field in entry.Fields) fields.TryAdd(field.Name, field.Value);
        return fields;
    }
}
