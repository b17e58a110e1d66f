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
    private const string Surname = @"(?:(?:van|von|der|den|de|del|della|di|da|du|la|le)\s+)*\p{Lu}[\p{L}'’\-]*";

    [GeneratedRegex(@"^(?>\s*)(?<a>" + Surname + @"(?:(?:\s*,\s*|\s*,?\s*(?:&|and)\s+)" + Surname + @")*(?:,?\s+et\s+al\.?)?)(?>[\s,]*)\(?(?>\s*)(?<y>(?:19|20)\d\d)[a-z]?(?>\s*)\)?(?>\s*)$")]
    private static partial Regex LinkText();

    /// <summary>The author-year claim of link text that is nothing but authors and a year, or null.
    /// Offsets are into <paramref name="text"/>, shifted by <paramref name="offset"/>.</summary>
    public static AuthorYearClaim? Read(string text, int offset = 0)
    {
        if (text.Length > 200 || LinkText().Match(text) is not { Success: true } m) return null;
        var authors = m.Groups["a"];
        var year = m.Groups["y"];
        return new AuthorYearClaim(authors.Value, new TextSpan(offset + authors.Index, authors.Length),
            int.Parse(year.Value, CultureInfo.InvariantCulture), new TextSpan(offset + year.Index, year.Length));
    }

    /// <summary>The claim of a reference entry: the authors written in text[authorsStart..authorsEnd)
    /// (trimmed of the punctuation around them) and the year at <paramref name="yearSpan"/>.</summary>
    public static AuthorYearClaim Entry(string text, int authorsStart, int authorsEnd, TextSpan yearSpan)
    {
        while (authorsStart < authorsEnd && !char.IsLetter(text[authorsStart])) authorsStart++;
        while (authorsEnd > authorsStart && (char.IsWhiteSpace(text[authorsEnd - 1]) || text[authorsEnd - 1] is '(' or ',' or '*' or '_')) authorsEnd--;
        var year = int.Parse(text.AsSpan(yearSpan.Start, 4), CultureInfo.InvariantCulture);
        return authorsEnd > authorsStart
            ? new AuthorYearClaim(text[authorsStart..authorsEnd], TextSpan.FromBounds(authorsStart, authorsEnd), year, yearSpan)
            : new AuthorYearClaim(null, null, year, yearSpan);
    }
}
