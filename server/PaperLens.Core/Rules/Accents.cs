using System.Globalization;

namespace PaperLens.Core.Rules;

/// <summary>Removes accents from Latin letters. The build runs with invariant globalization, where
/// <c>string.Normalize(FormD)</c> leaves text unchanged, so the decompositions of Latin-1, Latin
/// Extended-A/B and Latin Extended Additional (generated from Unicode's NFD data) are tabled here;
/// combining marks already in the text are dropped.</summary>
internal static class Accents
{
    private const char None = '\0';

    // Base letter of U+00C0..U+024F, or None.
    private const string LatinBase =
        "AAAAAA\0CEEEEIIII\0NOOOOO\0OUUUUY\0\0aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0y"
        + "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi\0\0JjKk\0LlLlLl\0"
        + "\0LlNnNnNn\0\0\0OoOoOo\0\0RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz\0"
        + "b\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0Oo\0\0\0\0\0\0\0\0\0\0\0\0\0Uu\0\0\0\0Zz\0\0\0\0\0\0\0\0\0"
        + "\0\0\0\0\0\0\0\0\0\0\0\0\0AaIiOoUuUuUuUuUu\0AaAa\0\0GgGgKkOoOo\0\0j\0\0\0Gg\0\0NnAa\0\0\0\0"
        + "AaAaEeEeIiIiOoOoRrRrUuUuSsTt\0\0Hh\0\0\0\0\0\0AaEeOoOoOoOoYy\0\0\0\0\0\0\0\0\0\0\0\0"
        + "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

    // Base letter of U+1E00..U+1EFF, or None.
    private const string LatinAdditionalBase =
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm"
        + "MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv"
        + "WwWwWwWwWwXxXxYyZzZzZzhtwy\0\0\0\0\0\0AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe"
        + "EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy\0\0\0\0\0\0";

    /// <summary>Writes <paramref name="c"/> without its accent to <paramref name="destination"/>
    /// (room for two characters: <c>ß</c> is <c>ss</c>); returns how many were written.</summary>
    public static int Fold(char c, Span<char> destination)
    {
        var pair = c switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'Æ' => "AE",
            'œ' => "oe",
            'Œ' => "OE",
            _ => null,
        };
        if (pair is not null)
        {
            pair.CopyTo(destination);
            return 2;
        }
        var folded = c switch
        {
            < '\u00C0' => c,
            <= '\u024F' => LatinBase[c - 0xC0],
            >= '\u1E00' and <= '\u1EFF' => LatinAdditionalBase[c - 0x1E00],
            _ => None,
        };
        destination[0] = folded == None ? c : folded;
        return 1;
    }

    public static bool IsCombiningMark(char c) =>
        c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
