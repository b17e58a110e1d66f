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

    /// <summary>Whether the first non-blank text of text[start..end) opens an entry: <c>@article{</c>,
    /// <c>@misc(</c>, any <c>@word{</c>. Untagged code blocks of READMEs that hold a citation start so.</summary>
    internal static bool StartsWithEntry(string text, int start, int end)
    {
        var at = SkipWhitespace(text, start, end);
        // "bibtex" alone on the block's first line: the language written where the info string belongs.
        foreach (var language in (ReadOnlySpan<string>)["bibtex", "bib"])
            if (text.AsSpan(at, end - at).StartsWith(language, StringComparison.OrdinalIgnoreCase)
                && at + language.Length < end && text[at + language.Length] is '\n' or '\r')
                at = SkipWhitespace(text, at + language.Length, end);
        if (at >= end || text[at] != '@') return false;
        var word = at + 1;
        while (word < end && char.IsAsciiLetter(text[word])) word++;
        var open = SkipWhitespace(text, word, end);
        return word > at + 1 && open < end && text[open] is '{' or '(';
    }

    private static int SkipWhitespace(string text, int at, int end)
    {
        while (at < end && char.IsWhiteSpace(text[at])) at++;
        return at;
    }

    private static Dictionary<string, string> FieldMap(ParsedBibtexEntry entry)
    {
        var fields = new Dictionary<string, string>(entry.Fields.Count, StringComparer.Ordinal);
        foreach (var field in entry.Fields) fields.TryAdd(field.Name, field.Value);
        return fields;
    }
}
