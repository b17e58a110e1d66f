using System.Text;

namespace PaperLens.Core.Catalog;

/// <summary>Turns what a user types into an FTS5 query that cannot be a syntax error: every
/// whitespace-separated word becomes a quoted prefix phrase (<c>"mamba"*</c>), and the phrases are
/// ANDed. Inside quotes FTS5 gives no character a meaning except the quote itself, which is doubled,
/// so <c>"</c>, <c>*</c>, <c>-</c>, <c>:</c>, <c>(</c>, AND/OR/NOT/NEAR are all just text. The tokenizer
/// splits a quoted word the way it split the indexed text, so <c>2312.007</c> becomes the phrase
/// "2312" followed by a token starting "007" (an id prefix) and <c>hep-th/99</c> "hep th 99*".</summary>
internal static class FtsQuery
{
    /// <summary>The FTS5 query, or null when the text has no word to search for.</summary>
    public static string? Build(string text)
    {
        var query = new StringBuilder();
        foreach (var range in text.AsSpan().SplitAny(" \t\r\n\f\v\u00A0"))
        {
            var word = text.AsSpan()[range];
            // A word without a letter or digit yields no token, and an empty phrase matches nothing.
            if (!HasLetterOrDigit(word)) continue;
            if (query.Length > 0) query.Append(' ');
            query.Append('"');
            foreach (var c in word)
            {
                if (c == '"') query.Append('"');
                query.Append(c);
            }
            query.Append("\"*");
        }
        return query.Length == 0 ? null : query.ToString();
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }
}
