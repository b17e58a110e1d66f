using System.Text.RegularExpressions;
using PaperLens.Core.Catalog;
using PaperLens.Core.Text;

namespace PaperLens.Core.Rules;

/// <summary>A paper's authors in the form a claimed surname is looked up in (spec §2, PL013): each name
/// as its normalised words (accents, case and hyphens aside, affiliations in parentheses dropped). A
/// surname is among the authors when it is a run of words of one name, written with or without spaces
/// (<c>LeCun</c> for "Yann Le Cun", <c>Rodriguez-Diaz</c> for "Rodríguez Díaz"), or its last word is a word
/// of one (<c>van der Maaten</c> for "L. Maaten"). Given names count too, so a claim that swaps the order
/// of a name ("Wei, Z." for "Zhang Wei") is no mismatch.</summary>
public sealed partial class PaperAuthors
{
    private const int MinimumFuzzyLength = 5;

    private static readonly F23.StringSimilarity.Damerau Distance = new();

    private readonly List<string[]> _names;

    private readonly bool _texAccents;

    private PaperAuthors(List<string[]> names, bool complete, bool texAccents)
    {
        _names = names;
        _texAccents = texAccents;
        IsComplete = complete;
    }

    /// <summary>False when the record lists only some authors (<c>G. Aad, et al.</c>), where a missing
    /// name proves nothing.</summary>
    public bool IsComplete { get; }

    public bool IsEmpty => _names.Count == 0;

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Affiliation();

    [GeneratedRegex(@"\bet\.?\s+al\b|\band\s+others\b|,\s*others\b|\bmore\s+authors\b", RegexOptions.IgnoreCase)]
    private static partial Regex Incomplete();

    public static PaperAuthors Of(PaperRecord record)
    {
        // The parsed names are Unicode already; the authors string has TeX and affiliations.
        IEnumerable<string> names = record.AuthorsParsed is { Count: > 0 } parsed
            ? parsed.Select(a => a.First + " " + a.Last)
            : Affiliation().Replace(TexText.ToPlain(record.Authors), " ")
                .Replace(" and ", ",", StringComparison.Ordinal)
                .Split([',', ';', ':'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var words = names.Select(n => ClaimText.Words(Folded(n))).Where(w => w.Length > 0).ToList();
        var texAccents = record.AuthorsParsed is not { Count: > 0 } && record.Authors.Contains('\\', StringComparison.Ordinal);
        return new PaperAuthors(words, !Incomplete().IsMatch(record.Authors), texAccents);
    }

    /// <summary>The authors string without the affiliations some records put after names, "(TU Berlin)".</summary>
    public static string WithoutAffiliations(string authors) => Whitespace.Collapse(Affiliation().Replace(authors, " ")).Replace(" ,", ",", StringComparison.Ordinal);

    public bool Contains(string surname)
    {
        var wanted = ClaimText.Words(Folded(surname));
        if (wanted.Length == 0) return true;
        var spaceless = string.Concat(wanted);
        foreach (var name in _names)
        {
            if (name.Contains(wanted[^1], StringComparer.Ordinal)) return true;
            // TeX accents written carelessly convert to a letter too many or too few ("Ba\csar" reads
            // "Bacsar" for Başar): in such a record a surname one letter apart is the same person.
            if (_texAccents && spaceless.Length >= MinimumFuzzyLength && Math.Abs(name[^1].Length - spaceless.Length) <= 1
                && Distance.Distance(name[^1], spaceless) <= 1) return true;
            for (var start = 0; start < name.Length; start++)
            {
                var run = "";
                for (var end = start; end < name.Length && run.Length < spaceless.Length; end++) run += name[end];
                if (run == spaceless) return true;
            }
        }
        return false;
    }

    // German writes "Müller" as "Mueller" when umlauts are not at hand; both sides fold to "muller".
    private static string Folded(string name)
    {
        var normalized = ClaimText.Normalize(name);
        return normalized.Replace("ae", "a", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal)
            .Replace("ue", "u", StringComparison.Ordinal);
    }
}
