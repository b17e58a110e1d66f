namespace PaperLens.Core.Catalog;

/// <summary>The parsed author names a plain <c>authors</c> text implies: split at commas and at the
/// word "and", each name's last word its surname and the words before it its given names, no suffix
/// (<c>A. Vaswani, N. Shazeer and L. Kaiser</c>). A snapshot's <c>authors_parsed</c> is usually
/// exactly that, and is then stored as an empty text instead of repeating the names as JSON
/// (<see cref="PaperRowCodec"/>), 65 bytes a paper.</summary>
/// <remarks>Part of the catalog's file format: a row written as "derived" is read back through this
/// rule, so changing it changes what stored rows say. It is deliberately naive (no TeX, suffixes or
/// affiliations): a record it does not reproduce keeps its JSON.</remarks>
internal static class DerivedAuthorNames
{
    private static readonly char[] Whitespace = [' ', '\t', '\n', '\r'];

    public static AuthorName[] Of(string authors)
    {
        var names = new List<AuthorName>();
        var words = new List<string>();
        void EndName()
        {
            if (words.Count > 0) names.Add(new AuthorName(words[^1], string.Join(' ', words[..^1]), ""));
            words.Clear();
        }

        // Wrapped lines ("Shazeer and\n  Lukasz Kaiser") separate words like spaces.
        foreach (var word in authors.Replace(",", " , ", StringComparison.Ordinal).Split(Whitespace, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "," or "and") EndName();
            else words.Add(word);
        }
        EndName();
        return names.ToArray();
    }

    /// <summary>Whether <paramref name="parsed"/> is what <see cref="Of"/> gives for <paramref name="authors"/>.</summary>
    public static bool Match(string authors, IReadOnlyList<AuthorName> parsed) => Of(authors).SequenceEqual(parsed);
}
