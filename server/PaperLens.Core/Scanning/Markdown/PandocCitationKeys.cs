using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Pandoc citation keys (spec §2.4) in a block's literal text: <c>[@key]</c>,
/// <c>[see @key, p. 3; @other]</c>, <c>[-@key]</c>, <c>@{odd key}</c> and, where the document is a
/// pandoc document, bare <c>@key</c>. Never in code spans, link text or HTML; a key that is a prefixed
/// arXiv id (Manubot's <c>[@arxiv:1706.03762]</c>) is not a key but that paper's citation.</summary>
internal static class PandocCitationKeys
{
    // Pandoc: a key starts with a letter, digit or _, and may contain these inside (not at its end).
    private const string InnerPunctuation = ":.#$%&-+?<>~/";

    // Brackets and braces of a citation are close to its key; looking no further keeps long lines linear.
    private const int Reach = 500;

    // Quarto cross-references share the syntax but point at figures, tables and sections.
    private static readonly string[] CrossReferencePrefixes =
        ["fig-", "tbl-", "sec-", "eq-", "lst-", "thm-", "lem-", "cor-", "prp-", "cnj-", "def-", "exm-", "exr-", "sol-", "rem-"];

    /// <param name="bare">Whether keys outside brackets count: READMEs are full of <c>@username</c>,
    /// so only documents that declare a bibliography (or are .qmd/.rmd) get them.</param>
    public static IEnumerable<Citation> Find(string text, BlockLayout layout, bool bare) =>
        HoldsAt(text, layout) ? Keys(text, layout, bare) : [];

    // Asked of every paragraph and heading, nearly none of which has an @: those get no iterator.
    private static bool HoldsAt(string text, BlockLayout layout)
    {
        var zones = layout.Zones;
        for (var i = 0; i < zones.Count; i++)
            if (text.AsSpan(zones[i].Start, zones[i].End - zones[i].Start).Contains('@')) return true;
        return false;
    }

    private static IEnumerable<Citation> Keys(string text, BlockLayout layout, bool bare)
    {
        foreach (var zone in layout.Zones)
        {
            if (zone.Owner >= 0 || zone.IsCode) continue;
            for (var at = text.IndexOf('@', zone.Start, zone.End - zone.Start); at >= 0; at = NextAt(text, at + 1, zone.End))
            {
                if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_')) continue;
                if (ReadKey(text, at + 1, zone.End) is not { } key) continue;
                if (!bare && !IsBracketed(text, layout.LineAt(at), at, key.End + (text[at + 1] == '{' ? 1 : 0))) continue;
                var raw = text.Substring(key.Start, key.Length);
                if (IsCrossReference(raw) || IsPrefixedId(text, key)) continue;
                yield return new Citation { Span = key, Form = CitationForm.CiteKey, RawText = raw, Target = CitationTarget.UnresolvedKey.Instance };
            }
        }
    }

    private static int NextAt(string text, int from, int end) => from < end ? text.IndexOf('@', from, end - from) : -1;

    private static TextSpan? ReadKey(string text, int start, int end)
    {
        if (start >= end) return null;
        if (text[start] == '{')
        {
            var close = text.IndexOf('}', start + 1, Math.Min(end - start - 1, Reach));
            return close > start + 1 ? TextSpan.FromBounds(start + 1, close) : null;
        }
        if (!IsKeyChar(text[start])) return null;
        var pos = start + 1;
        while (pos < end)
        {
            if (IsKeyChar(text[pos])) pos++;
            else if (InnerPunctuation.Contains(text[pos]) && pos + 1 < end && IsKeyChar(text[pos + 1])) pos += 2;
            else break;
        }
        return TextSpan.FromBounds(start, pos);
    }

    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    // Inside [ … ] on the same line, with no other bracket between: [see @a, p. 3; @b].
    private static bool IsBracketed(string text, TextSpan? line, int at, int keyEnd)
    {
        if (line is not { } l) return false;
        var from = Math.Max(l.Start, at - Reach);
        var open = at - 1;
        while (open >= from && text[open] is not ('[' or ']')) open--;
        if (open < from || text[open] != '[') return false;
        var to = Math.Min(l.End, keyEnd + Reach);
        var close = keyEnd;
        while (close < to && text[close] is not ('[' or ']')) close++;
        return close < to && text[close] == ']';
    }

    // Manubot's keys (@arxiv:1706.03762) name the paper themselves; the block's text already yields
    // them as prefixed citations (a malformed id as PL001), and they are no key to resolve (PL008).
    private static bool IsPrefixedId(string text, TextSpan key) =>
        TextCitationFinder.FindIds(text, key.Start, key.End).Any(c => c.Form == CitationForm.Prefix && c.Extent == key);

    private static bool IsCrossReference(string key) =>
        CrossReferencePrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
}
