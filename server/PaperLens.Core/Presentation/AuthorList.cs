using Humanizer;
using PaperLens.Core.Text;

namespace PaperLens.Core.Presentation;

/// <summary>Author lists as a person would write them in a hover or a listing:
/// "A. Gu and T. Dao", "A. Gu, T. Dao and 3 others".</summary>
public static class AuthorList
{
    public static IReadOnlyList<string> Split(string authors)
    {
        var plain = TexText.ToPlain(authors);
        return plain
            .Replace(", and ", ", ", StringComparison.Ordinal)
            .Replace(" and ", ", ", StringComparison.Ordinal)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(a => a.Length > 0)
            .ToList();
    }

    /// <summary>The surname of one name as written: its last word ("Quoc V. Le" → "Le").</summary>
    public static string Surname(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., var last] ? last : name;

    /// <param name="shown">How many names to show before "and N others".</param>
    public static string Short(string authors, int shown = 2)
    {
        var names = Split(authors).Select(Initialled).ToList();
        if (names.Count <= shown + 1) return names.Humanize("and");
        var rest = names.Count - shown;
        return string.Join(", ", names.Take(shown)) + " and " + "other".ToQuantity(rest);
    }

    /// <summary>"Albert Gu" → "A. Gu"; "Quoc V. Le" → "Q. V. Le"; a single name stays as it is.</summary>
    public static string Initialled(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return name;
        var initials = parts[..^1].Select(p => p.Contains('-')
            ? string.Join("-", p.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(Initial))
            : Initial(p));
        return string.Join(" ", initials.Append(parts[^1]));
    }

    private static string Initial(string part) =>
        part.Length <= 2 && part.EndsWith('.') ? part : char.IsLetter(part[0]) ? part[0] + "." : part;
}
