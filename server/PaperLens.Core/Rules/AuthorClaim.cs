using System.Text.RegularExpressions;
using PaperLens.Core.Text;

namespace PaperLens.Core.Rules;

/// <summary>The first surname of an author-year claim's authors (spec §2): <c>Gu</c> in <c>Gu, A., &amp; Dao, T.</c>,
/// <c>A. Gu and T. Dao</c>, <c>Gu A, Dao T</c>, <c>Albert Gu and Tri Dao</c> or <c>Gu et al.</c>;
/// <c>van der Maaten</c> in <c>van der Maaten, L., &amp; Hinton, G.</c>. Null when the claim names no person:
/// <c>et al.</c> alone, a collaboration or team (<c>The ATLAS Collaboration</c>, <c>Gemini Team</c>), or
/// text that is no list of names.</summary>
public static partial class AuthorClaim
{
    // Where the first person ends: the next person, or "et al." / "others" for the rest.
    [GeneratedRegex(@"\s+(?:and|&)\s+|\s*&\s*|;|,?\s+et\.?\s+al\b|\s+and\s+others\b|,\s*(?:and\s+)?others\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonEnd();

    // An initial or initials: "A.", "A", "C.-P.", "JA" (Vancouver writes them after the surname).
    [GeneratedRegex(@"^(?:\p{Lu}\.?(?:-?\p{Lu}\.?)*|\p{Lu}{1,3})$")]
    private static partial Regex Initials();

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "ter", "ten", "al", "el", "bin", "ibn",
    };

    // Words that make the first "person" an organisation, whose name is not a surname to look for.
    private static readonly HashSet<string> GroupWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "team", "teams", "collaboration", "collaborations", "consortium", "group", "lab", "labs", "laboratory", "inc", "ltd",
        "corporation", "project", "initiative", "institute", "university", "community", "contributors", "authors", "organization",
        "foundation", "committee", "council", "anonymous", "ai", "research", "deepmind", "openai", "team's", "members", "network",
    };

    private const int MostNameWords = 6;

    /// <summary>The first claimed surname and its range in <paramref name="authors"/>, or null when the
    /// claim names no person.</summary>
    public static (string Surname, TextSpan Span)? FirstSurname(string authors)
    {
        var end = PersonEnd().Match(authors) is { Success: true } stop ? stop.Index : authors.Length;
        var person = authors[..end];
        // "Gu, A." and "van der Maaten, L.": a surname before the comma. "Albert Gu, Tri Dao": a whole name.
        var comma = person.IndexOf(',');
        var words = Words(person, 0, comma < 0 ? person.Length : comma);
        if (words.Count == 0 || words.Count > MostNameWords) return null;
        if (words.Any(w => GroupWords.Contains(w.Text) || w.Text.Any(char.IsDigit))) return null;
        if (comma >= 0 && words.Count(w => !Particles.Contains(w.Text)) == 1 && !Initials().IsMatch(words[^1].Text))
            return Surname(authors, words, 0);
        var names = words.Where(w => !Initials().IsMatch(w.Text)).ToList();
        if (names.Count == 0) return null;
        // "Gu A" (Vancouver): the initials follow; otherwise the surname is the last name word, with the
        // particles before it ("Laurens van der Maaten").
        if (Initials().IsMatch(words[^1].Text)) return (names[0].Text, names[0].Span);
        var first = words.IndexOf(names[^1]);
        while (first > 0 && Particles.Contains(words[first - 1].Text)) first--;
        return Surname(authors, words, first);
    }

    private static (string, TextSpan) Surname(string authors, List<Word> words, int from)
    {
        var span = TextSpan.FromBounds(words[from].Span.Start, words[^1].Span.End);
        return (authors.Substring(span.Start, span.Length), span);
    }

    private readonly record struct Word(string Text, TextSpan Span);

    private static List<Word> Words(string text, int start, int end)
    {
        var words = new List<Word>();
        var i = start;
        while (i < end)
        {
            while (i < end && (char.IsWhiteSpace(text[i]) || text[i] is '{' or '}' or '*' or '_' or '(' or ')' or '~')) i++;
            var from = i;
            while (i < end && !char.IsWhiteSpace(text[i]) && text[i] is not ('{' or '}' or '*' or '_' or '(' or ')' or '~')) i++;
            if (i > from) words.Add(new Word(text[from..i], TextSpan.FromBounds(from, i)));
        }
        // "et al." and "others" stand for people not named; a leading article belongs to a group's name
        // ("The ATLAS Collaboration"), never to a surname.
        words.RemoveAll(w => w.Text.ToLowerInvariant() is "et" or "al" or "al." or "others");
        if (words.Count > 1 && words[0].Text.Equals("the", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        return words;
    }
}
