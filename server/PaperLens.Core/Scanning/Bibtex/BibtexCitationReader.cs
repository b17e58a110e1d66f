using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Bibtex;

/// <summary>Finds the arXiv paper a parsed entry names (spec §2.3), at most one per entry: the first
/// id found in the order eprint, journal (with volume), url, doi, howpublished, note.</summary>
internal static class BibtexCitationReader
{
    private static readonly string[] LinkFields = ["url", "doi", "howpublished", "note"];

    public static Citation? Read(string text, ParsedBibtexEntry entry)
    {
        var found = FromEprint(text, entry) ?? FromJournal(text, entry) ?? FromLinkFields(text, entry);
        if (found is not { } id) return null;
        var parsed = ArxivIdParser.Parse(id.Raw);
        return new Citation
        {
            Span = id.Span,
            Form = CitationForm.Bibtex,
            RawText = id.Raw,
            Id = parsed.Id,
            Version = parsed.Version,
            MalformedReason = parsed.Error,
            Claim = TitleClaim(entry),
            Role = CitationRole.BibEntry,
            Label = entry.Key,
        };
    }

    private readonly record struct FoundId(string Raw, TextSpan Span);

    private static FoundId? FromEprint(string text, ParsedBibtexEntry entry)
    {
        if (entry.Field("eprint") is not { } eprint) return null;
        var prefix = entry.Field("archiveprefix") ?? entry.Field("eprinttype");
        if (prefix is not null && !IsArxivWord(prefix.Value)) return null;
        // A URL or "arXiv:ID" written into the eprint field still names the paper.
        if (FindInText(text, eprint) is { } written) return written;
        if (Unwrapped(eprint, "") is not { } bare) return null;
        // Many exports (old INSPIRE, "arXiv e-prints" from NASA ADS) leave out archivePrefix. An eprint
        // that is a valid arXiv id is then still an arXiv citation; anything else is only called a
        // malformed arXiv id when the entry says it is from arXiv, so PubMed or HAL ids stay silent.
        var declared = prefix is not null || JournalNamesArxiv(entry);
        return declared || ArxivIdParser.Parse(bare.Raw).IsValid ? bare : null;
    }

    private static FoundId? FromJournal(string text, ParsedBibtexEntry entry)
    {
        if (entry.Field("journal") is not { } journal) return null;
        if (FindInText(text, journal) is { } written) return written;
        // DBLP writes arXiv papers as journal = {CoRR}, volume = {abs/1706.03762}; Semantic Scholar
        // as journal = {ArXiv}, volume = {abs/1706.03762}.
        return JournalNamesArxiv(entry) && entry.Field("volume") is { } volume ? Unwrapped(volume, "abs/") : null;
    }

    private static FoundId? FromLinkFields(string text, ParsedBibtexEntry entry)
    {
        foreach (var name in LinkFields)
        {
            if (entry.Field(name) is { } field && FindInText(text, field) is { } found) return found;
        }
        return null;
    }

    /// <summary>The first prefixed, URL or DOI form in the field as written in the file, or else in its
    /// value after macro expansion (then only the whole value's range is known).</summary>
    private static FoundId? FindInText(string text, BibtexField field)
    {
        foreach (var citation in TextCitationFinder.Find(text, field.ValueSpan.Start, field.ValueSpan.End))
            return new FoundId(citation.RawText, citation.Span);
        if (field.IsLiteral) return null;
        foreach (var citation in TextCitationFinder.Find(field.Value))
            return new FoundId(citation.RawText, field.ValueSpan);
        return null;
    }

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
}
