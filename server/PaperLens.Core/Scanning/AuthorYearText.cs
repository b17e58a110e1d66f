using System.Globalization;
using System.Text.RegularExpressions;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning;

/// <summary>Author-year text (spec §2): link text such as <c>Vaswani &amp; Shazeer (2017)</c>,
/// <c>Gu et al., 2023</c> or <c>van der Maaten and Hinton 2008</c>, and the authors before the year of
/// a reference entry. Such text names who wrote the paper and when, never its title.</summary>
public static partial class AuthorYearText
{
    // A surname is written as a name, "Müller", "O'Brien", "LeCun", "Rodríguez-Díaz": a model name in
    // capitals ("BERT (2018)", "RoBERTa (2019)") is not one.
    private const string Surname =
        @"(?:(?:van|von|der|den|de|del|della|di|da|du|la|le)\s+)*(?:\p{Lu}['’])?\p{Lu}\p{Ll}[\p{Ll}'’]*(?:\p{Lu}\p{Ll}+)?(?:[-‐]\p{Lu}?\p{Ll}+)*";

    [GeneratedRegex(@"^(?>\s*)(?<a>" + Surname + @"(?:(?:\s*,\s*|\s*,?\s*(?:&|and)\s+)" + Surname + @")*(?:,?\s+et\s+al\.?)?)(?>[\s,]*)\(?(?>\s*)(?<y>(?:19|20)\d\d)[a-z]?(?>\s*)\)?(?>\s*)$")]
    private static partial Regex LinkText();

    /// <summary>The author-year claim of link text that is nothing but authors and a year, or null.
    /// Offsets are into <paramref name="text"/>, shifted by <paramref name="offset"/>.</summary>
    public static AuthorYearClaim? Read(string text, int offset = 0)
    {
        if (text.Length > 200 || text.AsSpan().IndexOfAnyInRange('0', '9') < 0 || LinkText().Match(text) is not { Success: true } m) return null;
        var authors = m.Groups["a"];
        var year = m.Groups["y"];
        return new AuthorYearClaim(authors.Value, new TextSpan(offset + authors.Index, authors.Length),
            int.Parse(year.Value, CultureInfo.InvariantCulture), new TextSpan(offset + year.Index, year.Length));
    }

    // Small words an author list holds: "Gu and Dao", "Vaswani et al.", "van der Maaten".
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "and", "et", "al", "al.", "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "y", "dos", "das", "ter",
    };

    private const int LongestAuthorList = 400;

    /// <summary>The claim of a reference entry whose year stands at <paramref name="yearSpan"/>: the authors
    /// written in text[authorsStart..authorsEnd), trimmed of the punctuation around them. Null when that
    /// text is not an author list (<c>compare the GPT-2 (2018) model…</c> is prose with a year in it).</summary>
    public static AuthorYearClaim? Entry(string text, int authorsStart, int authorsEnd, TextSpan yearSpan)
    {
        while (authorsStart < authorsEnd && !char.IsLetter(text[authorsStart])) authorsStart++;
        while (authorsEnd > authorsStart && (char.IsWhiteSpace(text[authorsEnd - 1]) || text[authorsEnd - 1] is '(' or ',' or '*' or '_')) authorsEnd--;
        if (authorsEnd - authorsStart is 0 or > LongestAuthorList || !LooksLikeAuthors(text.AsSpan(authorsStart, authorsEnd - authorsStart)))
            return null;
        var year = int.Parse(text.AsSpan(yearSpan.Start, 4), CultureInfo.InvariantCulture);
        return new AuthorYearClaim(text[authorsStart..authorsEnd], TextSpan.FromBounds(authorsStart, authorsEnd), year, yearSpan);
    }

    // A word of a person's name: "Yann", "LeCun", "O'Brien", "Jean-Pierre", an initial "A." or "A".
    [GeneratedRegex(@"^(?:\p{Lu}\.?|(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-‐]\p{Lu}\p{Ll}+)*)$")]
    private static partial Regex NameWord();

    /// <summary>Whether the text lists people, <c>Randall Balestriero, Yann LeCun</c> or <c>A. Gu and T. Dao</c>:
    /// two or more names of two to four name words each. Such text names authors, never a title.</summary>
    public static bool IsPeopleList(string text) => People(text) >= 2;

    /// <summary>Whether the text is one person's name or a list of them.</summary>
    public static bool IsPeople(string text) => People(text) >= 1;

    /// <summary>How many people the text names, or 0 when it is not only names.</summary>
    private static int People(string text)
    {
        if (text.Length > LongestAuthorList) return 0;
        var people = text.Replace(" and ", ",", StringComparison.Ordinal).Replace("&", ",", StringComparison.Ordinal)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var person in people)
        {
            var words = person.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 2 or > 4 || !words.All(w => NameWord().IsMatch(w) || SmallWords.Contains(w))) return 0;
        }
        return people.Length;
    }

    // Prose has many small words; an author list has "and", "et al.", particles, and at most a
    // couple of others ("LCM team", "the ATLAS collaboration").
    private const int MostOtherSmallWords = 2;

    // The marks of a list of names: a comma, "&", "and", "et al.", an initial.
    [GeneratedRegex(@"[,&]|\band\b|\bet al\b|\b\p{Lu}\.")]
    private static partial Regex ListMarks();

    /// <summary>Whether the text before a year reads as an author list rather than a sentence: a few
    /// capitalised names, or names marked as a list with only a couple of other small words.</summary>
    private static bool LooksLikeAuthors(ReadOnlySpan<char> text)
    {
        int others = 0, words = 0;
        foreach (var range in text.SplitAny(" \t\n,;&"))
        {
            var word = text[range].Trim("*_()[]");
            if (word.Length == 0) continue;
            words++;
            if (char.IsLower(word[0]) && !SmallWords.Contains(word.ToString()) && ++others > MostOtherSmallWords) return false;
        }
        return others == 0 && words <= 3 || ListMarks().IsMatch(text);
    }
}
