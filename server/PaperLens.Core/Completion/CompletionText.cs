using System.Globalization;
using System.Text;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Presentation;
using PaperLens.Core.Rules;

namespace PaperLens.Core.Completion;

/// <summary>The one definition of what completion matches on: the words of a title, the surnames of
/// the authors and the year, folded the same way for the index and for what the user types (lower
/// case, accents dropped, split at anything that is not a letter or digit). One-character words are
/// not indexed: every prefix query already reaches them through longer words.</summary>
public static class CompletionText
{
    /// <summary>The distinct index tokens of a paper.</summary>
    public static IReadOnlyCollection<string> PaperTokens(ArxivId id, string plainTitle, string plainAuthors)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(plainTitle)) if (word.Length > 1) tokens.Add(word);
        foreach (var surname in Surnames(plainAuthors)) tokens.Add(surname);
        tokens.Add(id.Year.ToString(CultureInfo.InvariantCulture));
        return tokens;
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

    /// <summary>A static score that orders papers newest first and never changes for a paper: its
    /// arXiv id encodes the month of submission and the order within the month.</summary>
    public static long Score(ArxivId id)
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
