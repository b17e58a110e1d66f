using System.Text;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Presentation;
using PaperLens.Core.Rules;
using PaperLens.Core.Text;

namespace PaperLens.Core.Bibliography;

/// <summary>The keys of the entries PaperLens writes (spec §5): the first author's surname (ASCII, lower
/// case), the year of v1 and the first significant word of the title, as arXiv's export has them
/// (<c>gu2023mamba</c>), then <c>a</c>, <c>b</c>… while the key is taken. A paper that a bibliography already
/// names keeps that entry's key. Keys compare ignoring case, as BibTeX does. One instance hands out the
/// keys of one bibliography, so two papers never share one.</summary>
public sealed class CiteKeys
{
    // Words a key skips, as Google Scholar's and arXiv's keys do ("the", "on", "towards").
    private static readonly HashSet<string> Insignificant = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "from", "by", "at", "is", "are", "as",
        "toward", "towards", "via", "into", "do", "does", "what", "how", "why", "when", "can", "we", "our",
    };

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

    /// <param name="entries">The entries of the bibliographies that already exist: their keys are taken,
    /// and the papers they name keep their keys.</param>
    public CiteKeys(IEnumerable<BibEntry> entries)
    {
        foreach (var entry in entries)
        {
            _taken.Add(entry.Key);
            if (entry.Id is { } id) _named.TryAdd(id.Canonical, entry.Key);
        }
    }

    /// <summary>The key an existing entry gives the paper, or null.</summary>
    public string? Existing(ArxivId id) => _named.GetValueOrDefault(id.Canonical);

    /// <summary>The paper's key: the one an entry already gives it, else a new one, which is then taken.</summary>
    public string For(PaperRecord paper)
    {
        if (Existing(paper.Id) is { } existing) return existing;
        var stem = Stem(paper);
        var key = stem;
        for (var n = 1; !_taken.Add(key); n++) key = stem + Suffix(n);
        _named[paper.Id.Canonical] = key;
        return key;
    }

    /// <summary>Whether <paramref name="key"/> can be written as an entry's key: what the key rule makes and
    /// the punctuation keys commonly hold, nothing that ends or breaks the entry (braces, comma, space, quote, <c>%</c>).</summary>
    public static bool IsWritable(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '/' or '+');

    /// <summary>The key before any collision suffix: <c>gu2023mamba</c>.</summary>
    public static string Stem(PaperRecord paper)
    {
        var year = paper.Submitted?.Year ?? paper.Id.Year;
        var word = TexText.ToPlain(paper.Title).Split([' ', '-', '\u2013', '\u2014', '/']).Select(Ascii).FirstOrDefault(w => w.Length > 0 && !Insignificant.Contains(w)) ?? "";
        return Ascii(Surname(paper)) + year.ToString(System.Globalization.CultureInfo.InvariantCulture) + word;
    }

    private static string Surname(PaperRecord paper)
    {
        if (paper.AuthorsParsed is [{ Last.Length: > 0 } first, ..]) return TexText.ToPlain(first.Last);
        // A record from a .bib keeps BibTeX's "Gu, Albert and Dao, Tri": the surname is before the comma.
        var firstName = paper.Authors.Split(" and ", 2)[0];
        if (paper.Source == RecordSource.Bibtex && firstName.Contains(',')) return TexText.ToPlain(firstName.Split(',')[0]);
        return AuthorList.Split(paper.Authors) is [var name, ..] ? AuthorList.Surname(name) : "";
    }

    // "Schrödinger" -> "schrodinger", "Müller-Lüdenscheid" -> "mullerludenscheid": ASCII letters and digits, lower case.
    private static string Ascii(string word)
    {
        var builder = new StringBuilder(word.Length);
        Span<char> folded = stackalloc char[2];
        foreach (var c in word)
        {
            var n = Accents.Fold(c, folded);
            foreach (var f in folded[..n])
                if (char.IsAsciiLetterOrDigit(f)) builder.Append(char.ToLowerInvariant(f));
        }
        return builder.ToString();
    }

    // 1 -> a, 26 -> z, 27 -> aa: every suffix distinct.
    private static string Suffix(int n)
    {
        var letters = new StringBuilder();
        for (; n > 0; n = (n - 1) / 26) letters.Insert(0, (char)('a' + (n - 1) % 26));
        return letters.ToString();
    }
}
