using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Bibtex;

public sealed record BibtexScanResult(
    IReadOnlyList<Citation> Citations, IReadOnlyList<BibEntry> Entries, IReadOnlyList<SyntaxProblem> Problems, IReadOnlyList<IgnoreComment> Ignores);

/// <summary>Citations and entries of BibTeX text (spec §2.3): a .bib file or a bibtex code block.</summary>
public static class BibtexScanner
{
    /// <summary>Reads text[start..end); offsets are into <paramref name="text"/>. Never throws: a broken
    /// entry is a <see cref="SyntaxProblem"/> (PL011) and the entries around it are still read.</summary>
    public static BibtexScanResult Scan(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var (parsed, problems) = BibtexParser.Parse(text, start, end);
        var citations = new List<Citation>();
        var entries = new List<BibEntry>(parsed.Count);
        foreach (var entry in parsed)
        {
            var citation = BibtexCitationReader.Read(text, entry);
            if (citation is not null) citations.Add(citation);
            entries.Add(new BibEntry(entry.Key, BibFields.SharedName(entry.Type), entry.Span, entry.KeySpan, BibFields.Of(entry.Fields.Select(f => (f.Name, f.Value))), citation?.Id, citation?.Id is null ? null : citation.Version));
        }
        return new BibtexScanResult(citations, entries, problems, Ignores(text, parsed, start, end));
    }

    /// <summary>The <c>paperlens-ignore</c> comments in the text between entries (BibTeX's comments, <c>%</c>
    /// lines and <c>@comment</c> included). One on the line before an entry covers the whole entry: a
    /// field's finding cannot have a comment beside it, since nothing inside an entry is one.</summary>
    private static List<IgnoreComment> Ignores(string text, IReadOnlyList<ParsedBibtexEntry> entries, int start, int end)
    {
        var ignores = new List<IgnoreComment>();
        var gapStart = start;
        for (var i = 0; i <= entries.Count; i++)
        {
            var next = i < entries.Count ? entries[i] : null;
            var gapEnd = next?.Span.Start ?? end;
            for (var at = IgnoreComments.Next(text, gapStart, gapEnd); at >= 0; at = IgnoreComments.Next(text, at + IgnoreComments.Keyword.Length, gapEnd))
            {
                var lineEnd = text.AsSpan(at, gapEnd - at).IndexOfAny('\n', '\r');
                if (IgnoreComments.Read(text, at, lineEnd < 0 ? gapEnd : at + lineEnd) is not { } ignore) continue;
                ignores.Add(next is not null && next.Span.Start <= ignore.Covers.End
                    ? ignore with { Covers = TextSpan.FromBounds(ignore.Covers.Start, next.Span.End) }
                    : ignore);
            }
            if (next is not null) gapStart = next.Span.End;
        }
        return ignores;
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
}
