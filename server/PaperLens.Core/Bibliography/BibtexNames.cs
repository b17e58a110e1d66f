using PaperLens.Core.Catalog;

namespace PaperLens.Core.Bibliography;

/// <summary>A record's authors as a BibTeX <c>author</c> value, <c>Albert Gu and Tri Dao</c> as arXiv
/// exports them. From <c>authors_parsed</c> when the catalog has it: "First Last", or "Last, First" when
/// the surname has several words (<c>De Cao, Nicola</c>, which "Nicola De Cao" would split wrongly), or
/// "Last, Suffix, First"; a name without a first name (a collaboration) is braced whole. Otherwise from
/// the authors string: arXiv's "A, B and C", or a .bib's own "Gu, Albert and Dao, Tri". Each name is
/// escaped (<see cref="BibtexText"/>), and a part holding " and " or a comma is braced so BibTeX
/// reads one name.</summary>
internal static class BibtexNames
{
    public static string Of(PaperRecord paper) => string.Join(" and ", Names(paper).Where(n => n.Length > 0));

    private static IEnumerable<string> Names(PaperRecord paper)
    {
        if (paper.AuthorsParsed is { Count: > 0 } parsed) return parsed.Select(Name);
        // A record from a .bib keeps BibTeX's own list; arXiv's separates names with commas.
        var names = paper.Source == RecordSource.Bibtex && paper.Authors.Contains(" and ", StringComparison.Ordinal)
            ? paper.Authors.Split(" and ")
            : paper.Authors.Replace(", and ", ", ", StringComparison.Ordinal).Replace(" and ", ", ", StringComparison.Ordinal).Split(',');
        return names.Select(n => Protected(BibtexText.Braced(n), allowComma: paper.Source == RecordSource.Bibtex));
    }

    private static string Name(AuthorName name)
    {
        var last = Part(name.Last);
        var first = Part(name.First);
        var suffix = Part(name.Suffix);
        if (first.Length == 0) return last.Contains(' ') ? "{" + last + "}" : last;
        if (suffix.Length > 0) return $"{last}, {suffix}, {first}";
        return last.Contains(' ') ? $"{last}, {first}" : $"{first} {last}";
    }

    private static string Part(string text) => Protected(BibtexText.Braced(text), allowComma: false);

    // BibTeX splits names at " and " and name parts at commas, outside braces only.
    private static string Protected(string name, bool allowComma) =>
        name.Contains(" and ", StringComparison.OrdinalIgnoreCase) || (!allowComma && name.Contains(','))
            ? "{" + name + "}"
            : name;
}
