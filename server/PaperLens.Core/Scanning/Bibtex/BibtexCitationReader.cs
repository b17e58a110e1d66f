using System.Globalization;
using System.Text.RegularExpressions;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Bibtex;

/// <summary>Finds the arXiv paper a parsed entry names (spec §2.3), at most one per entry: the first
/// id found in the order eprint, arxivId, journal (with volume), booktitle, number, url, doi,
/// howpublished, note. The entry's title is its title claim, its author and year its author-year claim.</summary>
internal static partial class BibtexCitationReader
{
    // Google Scholar writes booktitle = {arXiv preprint arXiv:ID} as it writes journal; Zotero writes
    // number = {arXiv:ID}. Fields of prose (title, abstract) are left out: they mention other papers.
    private static readonly string[] TextFields = ["booktitle", "number", "url", "doi", "howpublished", "note"];

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d\d(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();

    public static Citation? Read(string text, ParsedBibtexEntry entry)
    {
        var named = EveryId(text, entry).ToList();
        if (named.Count == 0) return null;
        var id = named[0].Found;
        var parsed = ArxivIdParser.Parse(id.Qualified);
        return new Citation
        {
            Span = id.Span,
            Extent = id.Extent,
            Form = CitationForm.Bibtex,
            RawText = id.Raw,
            Target = CitationTarget.Of(parsed),
            Claim = TitleClaim(entry),
            AuthorYear = AuthorYear(entry),
            ConflictingId = parsed.Id is { } cited ? Conflict(named, cited) : null,
            Role = CitationRole.BibEntry,
            Label = entry.Key,
        };
    }

    /// <param name="Raw">The id as written.</param>
    /// <param name="Extent">The prefixed form, URL or DOI around the id, when the id was found in one.</param>
    /// <param name="Archive">For Mendeley's old-style eprint, the archive that primaryClass names.</param>
    private readonly record struct FoundId(string Raw, TextSpan Span, TextSpan? Extent = null, string? Archive = null)
    {
        public string Qualified => Archive is null ? Raw : Archive + "/" + Raw;
    }

    private static FoundId? FromEprint(string text, ParsedBibtexEntry entry)
    {
        if (entry.Field("eprint") is not { } eprint) return null;
        var prefix = entry.Field("archiveprefix") ?? entry.Field("eprinttype");
        if (prefix is not null && !IsArxivWord(prefix.Value)) return null;
        // A URL or "arXiv:ID" written into the eprint field still names the paper.
        if (FindInText(text, eprint) is { } written) return written;
        if (Unwrapped(eprint, "") is not { } bare) return null;
        // Mendeley writes an old-style id as its number alone (eprint = {0601001}) and the archive
        // as primaryClass = {hep-th}: together they are hep-th/0601001, not a malformed new-style id.
        if (IsOldStyleNumber(bare.Raw) && entry.Field("primaryclass") is { } primaryClass && Archive(primaryClass) is { Length: > 0 } archive)
            bare = bare with { Archive = archive };
        // Mendeley also fills eprint with whatever number it guessed (eprint = {20}): text without the
        // shape of an id is no citation, not a malformed one (spec §1).
        if (bare.Archive is null && !TextCitationFinder.IsIdShaped(bare.Raw)) return null;
        // Many exports (old INSPIRE, "arXiv e-prints" from NASA ADS) leave out archivePrefix. An eprint
        // that is a valid arXiv id is then still an arXiv citation; anything else is only called a
        // malformed arXiv id when the entry says it is from arXiv, so PubMed or HAL ids stay silent.
        var declared = prefix is not null || JournalNamesArxiv(entry);
        return declared || ArxivIdParser.Parse(bare.Qualified).IsValid ? bare : null;
    }

    // Mendeley's own field: its name says it is an arXiv id, so a malformed one is reported; a value
    // without the shape of an id (arxivId = {20}) is Mendeley's guess, not an id.
    private static FoundId? FromArxivId(string text, ParsedBibtexEntry entry)
    {
        if (entry.Field("arxivid") is not { } field) return null;
        return FindInText(text, field) ?? (Unwrapped(field, "") is { } bare && TextCitationFinder.IsIdShaped(bare.Raw) ? bare : null);
    }

    private static FoundId? FromJournal(string text, ParsedBibtexEntry entry)
    {
        if (entry.Field("journal") is not { } journal) return null;
        if (FindInText(text, journal) is { } written) return written;
        // DBLP writes arXiv papers as journal = {CoRR}, volume = {abs/1706.03762}; Semantic Scholar
        // as journal = {ArXiv}, volume = {abs/1706.03762}.
        return JournalNamesArxiv(entry) && entry.Field("volume") is { } volume ? Unwrapped(volume, "abs/") : null;
    }

    /// <summary>The id each field names, in the order the entry's paper is chosen from: eprint, arxivId,
    /// journal, then <see cref="TextFields"/>.</summary>
    private static IEnumerable<(string Field, FoundId Found)> EveryId(string text, ParsedBibtexEntry entry)
    {
        if (FromEprint(text, entry) is { } eprint) yield return ("eprint", eprint);
        if (FromArxivId(text, entry) is { } arxivId) yield return ("arxivid", arxivId);
        if (FromJournal(text, entry) is { } journal) yield return ("journal", journal);
        foreach (var name in TextFields)
        {
            if (entry.Field(name) is { } field && FindInText(text, field) is { } found) yield return (name, found);
        }
    }

    // An entry describes one paper: a second valid id in another field (an eprint and a url that
    // disagree) means one of them is wrong (PL015).
    private static ConflictingId? Conflict(List<(string Field, FoundId Found)> named, ArxivId cited)
    {
        foreach (var (field, found) in named.Skip(1))
        {
            if (ArxivIdParser.Parse(found.Qualified).Id is { } other && other.Canonical != cited.Canonical)
                return new ConflictingId(other, found.Span, field);
        }
        return null;
    }

    /// <summary>The first prefixed, URL or DOI form in the field as written in the file, or else in its
    /// value after macro expansion (then only the whole value's range is known).</summary>
    private static FoundId? FindInText(string text, BibtexField field)
    {
        if (FirstCitation(text, field.ValueSpan.Start, field.ValueSpan.End) is { } written)
            return new FoundId(written.RawText, written.Span, written.Extent);
        if (field.IsLiteral) return null;
        return FirstCitation(field.Value, 0, field.Value.Length) is { } expanded ? new FoundId(expanded.RawText, field.ValueSpan) : null;
    }

    /// <summary>The first citation in text[start..end), read as written or else without TeX braces: in a
    /// field value they are markup (<c>Ar{X}iv:1706.03762</c>, <c>{arXiv} preprint {arXiv}:1706.03762</c>).
    /// Its ranges are offsets into <paramref name="text"/>.</summary>
    private static Citation? FirstCitation(string text, int start, int end)
    {
        foreach (var citation in TextCitationFinder.FindIds(text, start, end)) return citation;
        var value = text.AsSpan(start, end - start);
        if (value.IndexOfAny('{', '}') < 0 || !MayHideMarker(value)) return null;
        var kept = new char[end - start];
        var offsets = new int[end - start];
        var length = 0;
        for (var i = start; i < end; i++)
        {
            if (text[i] is '{' or '}') continue;
            kept[length] = text[i];
            offsets[length++] = i;
        }
        TextSpan ToText(TextSpan span) => span.Length == 0
            ? new TextSpan(span.Start < length ? offsets[span.Start] : end, 0)
            : TextSpan.FromBounds(offsets[span.Start], offsets[span.End - 1] + 1);
        foreach (var citation in TextCitationFinder.FindIds(new string(kept, 0, length))) return citation.MapSpans(ToText);
        return null;
    }

    /// <summary>Whether braces can be hiding a citation marker here: every marker ends in "iv" (arXiv,
    /// ar5iv, alphaxiv), "papers" or the DOI prefix, which TeX leaves whole (<c>Ar{X}iv</c>). Most braced
    /// fields (<c>{Proc. {ICML}}</c>) are then never copied.</summary>
    private static bool MayHideMarker(ReadOnlySpan<char> value) =>
        value.Contains("iv", StringComparison.OrdinalIgnoreCase) || value.Contains("papers", StringComparison.OrdinalIgnoreCase)
        || value.Contains("48550", StringComparison.Ordinal);

    /// <summary>The field's value without surrounding whitespace, braces and <paramref name="prefix"/>,
    /// with its exact range when the value is a literal (else the value's whole range).</summary>
    private static FoundId? Unwrapped(BibtexField field, string prefix)
    {
        var value = field.Value.AsSpan();
        var start = 0;
        var end = value.Length;
        while (start < end && (char.IsWhiteSpace(value[start]) || value[start] == '{')) start++;
        while (end > start && (char.IsWhiteSpace(value[end - 1]) || value[end - 1] == '}')) end--;
        if (prefix.Length > 0)
        {
            if (!value[start..end].StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
            start += prefix.Length;
        }
        // "0704.0001 [hep-th]": the id is the first word.
        var space = value[start..end].IndexOfAny(' ', '\t', '\n');
        if (space >= 0) end = start + space;
        if (start == end) return null;
        var raw = value[start..end].ToString();
        var span = field.IsLiteral ? new TextSpan(field.ValueSpan.Start + start, end - start) : field.ValueSpan;
        return new FoundId(raw, span);
    }

    // YYMMNNN, with or without a version: the number of an old-style id without its archive.
    // Mendeley writes primaryClass = {arXiv:physics} beside eprint = {9806030v1}.
    private static string Archive(BibtexField primaryClass)
    {
        var archive = TexText.ToPlain(primaryClass.Value).Trim();
        return archive.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase) ? archive["arxiv:".Length..] : archive;
    }

    private static bool IsOldStyleNumber(string raw) =>
        raw.Length >= 7 && raw.AsSpan(0, 7).IndexOfAnyExceptInRange('0', '9') < 0 && (raw.Length == 7 || raw[7] is 'v' or 'V');

    private static bool JournalNamesArxiv(ParsedBibtexEntry entry)
    {
        if (entry.Field("journal") is not { } journal) return false;
        var name = TexText.ToPlain(journal.Value);
        return name.Equals("CoRR", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("arxiv", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsArxivWord(string value) => TexText.ToPlain(value).Equals("arxiv", StringComparison.OrdinalIgnoreCase);

    private static Claim? TitleClaim(ParsedBibtexEntry entry)
    {
        if (entry.Field("title") is not { } title) return null;
        var plain = TexText.ToPlain(title.Value);
        return plain.Length == 0 ? null : new Claim(plain, ClaimKind.Title, title.ValueSpan);
    }

    /// <summary>The author field as plain text and the year (biblatex: the year of <c>date</c>).</summary>
    private static AuthorYearClaim? AuthorYear(ParsedBibtexEntry entry)
    {
        var author = entry.Field("author");
        var authors = author is null ? "" : TexText.ToPlain(author.Value);
        var year = Year(entry.Field("year")) ?? Year(entry.Field("date"));
        if (authors.Length == 0 && year is null) return null;
        return new AuthorYearClaim(
            authors.Length == 0 ? null : authors,
            authors.Length == 0 ? null : author!.ValueSpan,
            year?.Value,
            year?.Span)
        {
            PublishedElsewhere = PublishedElsewhere(entry),
        };
    }

    // "journal = {Nature}", "booktitle = {NeurIPS}", "institution = {Microsoft Research}": the entry cites a
    // version published outside arXiv, perhaps before it. "arXiv preprint", "CoRR" and "ArXiv" are arXiv.
    private static bool PublishedElsewhere(ParsedBibtexEntry entry)
    {
        foreach (var name in (string[])["journal", "booktitle", "institution", "school"])
        {
            if (entry.Field(name) is not { } field) continue;
            var venue = TexText.ToPlain(field.Value).Trim();
            if (venue.Length > 0 && !venue.Equals("CoRR", StringComparison.OrdinalIgnoreCase) && !venue.Contains("arxiv", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static (int Value, TextSpan Span)? Year(BibtexField? field)
    {
        if (field is null || FourDigits().Match(field.Value) is not { Success: true } digits) return null;
        var span = field.IsLiteral ? new TextSpan(field.ValueSpan.Start + digits.Index, digits.Length) : field.ValueSpan;
        return (int.Parse(digits.ValueSpan, CultureInfo.InvariantCulture), span);
    }
}
