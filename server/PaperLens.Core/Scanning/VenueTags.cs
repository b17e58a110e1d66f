using System.Buffers;
using System.Text.RegularExpressions;

namespace PaperLens.Core.Scanning;

/// <summary>Venue and date tags written around a title in READMEs and awesome-lists: <c>[ICML 2024]</c>,
/// <c>(ECCV 2022)</c>, <c>[CVPR'23]</c>, <c>[NeurIPS 2023 Spotlight]</c>, <c>(arXiv 23.12.01)</c>, <c>(2023-05)</c>, a leading
/// year (<c>2022 DeepSpeed-MoE</c>) and a trailing <c>, in *arXiv* 2024.</c> or <c>, ICML'19</c>. Spec §2:
/// they are never part of a claim and never a claim of their own, so they are cut before text is read.</summary>
public static partial class VenueTags
{
    // One bracketed tag (each word read whole, so a long run of letters is never split into words
    // in every possible way): up to four words (venue, "arXiv", a track), a year (19xx, 20xx, 'yy) or a
    // yy.mm.dd date, and up to two words after it ("Oral", "Spotlight"). A number alone ("[1]") or
    // a size ("(8B)") has no year and is no tag.
    private const string Tag =
        @"[\[(](?>\s*)(?:(?:(?>[\p{L}][\p{L}\p{N}&.\-]*)(?>\s*)){0,4}['’]?(?:(?:19|20)\d\d|\d\d)(?:[.\-/]\d{1,2}){0,2}(?:[\s,]+[\p{L}][\p{L}\-]*){0,2}|" + MistypedDate + @")(?>\s*)[\])]";

    // A date whose year was mistyped, "(20220-10)": still a date, never a title's word.
    private const string MistypedDate = @"\d{2,5}(?:[.\-/]\d{1,2}){1,2}";

    // A tag written without brackets as the whole text: "ICML 2024", "CVPR'23", "NeurIPS 2023 Oral".
    [GeneratedRegex(@"^(?>\s*)\p{Lu}[\p{L}\p{N}&.\-]*(?:\s+[\p{L}][\p{L}\p{N}&.\-]*){0,3}(?:\s+|\s*['’])(?:(?:19|20)\d\d|(?<=['’])\d\d)(?:\s+[\p{L}][\p{L}\-]*){0,2}(?>\s*)$")]
    private static partial Regex Bare();

    private const int LongestTrailingTags = 160;

    // Every tag holds a bracket or a year's digit: text without them needs no regex.
    private static readonly SearchValues<char> TagStarts = SearchValues.Create("[(0123456789");

    // A year written before a name, "2022 DeepSpeed-MoE", as timelines do.
    private const string LeadingYear = @"(?:19|20)\d\d(?=\s+\S)";

    // ", in *arXiv* 2024." or ", ICML'19" (", KDD'20 MiLeTS": a workshop) after a title, as reading lists write the venue.
    private const string TrailingVenue = @",(?>\s*)(?:in\s+[*_]?[\p{L}][^,*_\n]{0,80}?[*_]?(?>\s*)(?:19|20)\d\d|\p{Lu}[\p{L}&\-]*(?:\s*['’]\d\d|\s+(?:19|20)\d\d)(?:\s+\p{Lu}[\p{L}\-]*){0,2})\.?";

    [GeneratedRegex(@"^(?>\s*)(?:(?:" + Tag + "|" + LeadingYear + @")(?>[\s:|,\-–—]*))+")]
    private static partial Regex Leading();

    [GeneratedRegex(@"(?:(?:(?>[\s:|,\-–—]*)" + Tag + ")|" + TrailingVenue + @")+(?>\s*)$")]
    private static partial Regex Trailing();

    /// <summary>The range of <paramref name="text"/>[start..end) left once leading and trailing tags are
    /// cut; empty when the text is nothing but tags.</summary>
    public static (int Start, int End) Cut(string text, int start, int end)
    {
        if (end <= start || text.AsSpan(start, end - start).IndexOfAny(TagStarts) < 0) return (start, end);
        // A leading tag opens with a bracket or a year, a trailing one ends with a bracket, a year or its
        // full stop: most text is neither, and the regexes are not asked.
        var first = text.AsSpan(start, end - start).TrimStart();
        if (first.Length > 0 && (first[0] is '[' or '(' || char.IsAsciiDigit(first[0]))
            && Leading().Match(text, start, end - start) is { Success: true } leading)
            start += leading.Length;
        var last = text.AsSpan(start, end - start).TrimEnd();
        // Trailing tags are short: only the end of the text is searched, which keeps a long line linear.
        var tail = Math.Max(start, end - LongestTrailingTags);
        if (last.Length > 0 && (last[^1] is ']' or ')' or '.' || char.IsAsciiDigit(last[^1]))
            && Trailing().Match(text, tail, end - tail) is { Success: true } trailing)
            end = trailing.Index;
        return (start, Math.Max(start, end));
    }

    /// <summary>The text without its leading and trailing tags.</summary>
    public static string Cut(string text)
    {
        var (start, end) = Cut(text, 0, text.Length);
        return text[start..end];
    }

    /// <summary>Whether the whole text is one tag without brackets.</summary>
    public static bool IsBareTag(string text) => text.Length <= 60 && Bare().IsMatch(text);
}
