using System.Globalization;
using System.Text;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Presentation;
using PaperLens.Core.Rules;

namespace PaperLens.Core.Completion;

/// <summary>The one definition of what completion matches on: the words of a title, the surnames of
/// the authors and the year, folded the same way for the index and for what the user types (lower
/// case, accents dropped, split at anything that is not a letter or digit). One-character words are
/// not indexed as words: every prefix query already reaches them through longer words. Two keys
/// rank a paper by what a researcher types first: the start of its title (<see cref="TitleStartKey"/>)
/// and its first author's surname followed by it (<see cref="AuthorTitleKey"/>). A paper's
/// <see cref="Score"/> orders it within its class.</summary>
public static class CompletionText
{
    /// <summary>Begins the key of a title's start. Control characters never occur in a folded word, so
    /// keys sort apart from the words, and a word prefix never reaches a key.</summary>
    public const char TitleStartMark = '\u0001';

    /// <summary>Begins the key of a first author's surname followed by the title's start.</summary>
    public const char AuthorTitleMark = '\u0002';

    // Characters kept after the mark: four typed words fit (a longer query is checked against the
    // title itself), and the keys stay a small part of the catalog.
    private const int TitleKeyLength = 40;
    private const int AuthorKeyLength = 32;

    // Titles longer than this rank as this long: beyond it, a word more says nothing of relevance.
    private const int MaxRankedTitleWords = 99;
    // Recency takes the low digits of a score (year, month and sequence: under 10^12), coverage the high ones.
    private const long CoverageUnit = 1_000_000_000_000;

    /// <summary>What the completion index holds of a paper: its distinct tokens (its words, surnames and
    /// year, and its two keys) and its score (<see cref="Score"/>), which each of its postings carries.</summary>
    public static (IReadOnlyCollection<string> Tokens, long Score) PaperEntry(ArxivId id, string plainTitle, string plainAuthors)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var titleWords = Words(plainTitle).ToList();
        foreach (var word in titleWords) if (word.Length > 1) tokens.Add(word);
        string? firstSurname = null;
        foreach (var surname in Surnames(plainAuthors))
        {
            firstSurname ??= surname;
            tokens.Add(surname);
        }
        tokens.Add(id.Year.ToString(CultureInfo.InvariantCulture));
        if (titleWords.Count > 0)
        {
            tokens.Add(TitleStartKey(titleWords).Key);
            if (firstSurname is not null) tokens.Add(AuthorTitleKey(firstSurname, titleWords).Key);
        }
        return (tokens, Score(id, titleWords.Count));
    }

    /// <summary>The key of a title that starts with <paramref name="words"/> (all of them, stop words
    /// and one-letter words too, joined by single spaces); for typed words, the prefix of the keys of
    /// the titles that start with them, and whether it was cut to the key's length.</summary>
    public static (string Key, bool Cut) TitleStartKey(IEnumerable<string> words) =>
        Key(TitleStartMark, string.Join(' ', words), TitleKeyLength);

    /// <summary>The key of a paper whose first author's surname is <paramref name="surname"/> and whose
    /// title starts with <paramref name="words"/>, as <see cref="TitleStartKey"/>.</summary>
    public static (string Key, bool Cut) AuthorTitleKey(string surname, IEnumerable<string> words) =>
        Key(AuthorTitleMark, surname + " " + string.Join(' ', words), AuthorKeyLength);

    private static (string, bool) Key(char mark, string text, int length)
    {
        if (text.Length <= length) return (mark + text, false);
        // Never half a surrogate pair: the keys travel as JSON.
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return (mark + text[..cut], true);
    }

    /// <summary>The folded words of <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0) yield return word.ToString();
            word.Clear();
        }
        if (word.Length > 0) yield return word.ToString();
    }

    /// <summary>The last word of each name in an author list ("A. Gu, T. Dao and C. Ré" → gu, dao, re).</summary>
    public static IEnumerable<string> Surnames(string plainAuthors)
    {
        foreach (var name in AuthorList.Split(plainAuthors))
        {
            var words = Words(AuthorList.Surname(name)).ToList();
            if (words.Count > 0 && words[^1].Length > 1) yield return words[^1];
        }
    }

    /// <summary>A paper's rank within its class, highest first; it changes only when the title does.
    /// Relevance first: the fewer words its title has (<see cref="Words"/>, stop words included), the more
    /// of it the typed words cover, as search engines normalise by length; then <see cref="Recency"/>.</summary>
    public static long Score(ArxivId id, int titleWords) =>
        (MaxRankedTitleWords - Math.Min(titleWords, MaxRankedTitleWords)) * CoverageUnit + Recency(id);

    /// <summary>Orders papers newest first and never changes for a paper: its arXiv id encodes the
    /// month of submission and the order within the month.</summary>
    public static long Recency(ArxivId id)
    {
        var canonical = id.Canonical;
        var digits = canonical.Length;
        while (digits > 0 && char.IsAsciiDigit(canonical[digits - 1])) digits--;
        var sequence = canonical.Length - digits is > 0 and <= 6
            ? long.Parse(canonical.AsSpan(digits), NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
        return (id.Year * 100L + id.Month) * 1_000_000L + sequence;
    }

    // Accents.Fold, not string.Normalize: the build runs with invariant globalization.
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        Span<char> buffer = stackalloc char[2];
        foreach (var c in text)
        {
            if (Accents.IsCombiningMark(c)) continue;
            var written = Accents.Fold(c, buffer);
            for (var i = 0; i < written; i++) folded.Append(char.ToLowerInvariant(buffer[i]));
        }
        return folded.ToString();
    }
}
