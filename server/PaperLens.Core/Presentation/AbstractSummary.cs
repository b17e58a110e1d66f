using PaperLens.Core.Text;

namespace PaperLens.Core.Presentation;

/// <summary>The first sentences of an abstract, cut at a sentence end and never mid-word.</summary>
public static class AbstractSummary
{
    public static string FirstSentences(string? abstractText, int maxLength = 320)
    {
        if (string.IsNullOrWhiteSpace(abstractText)) return "";
        var text = TexText.ToPlain(abstractText);
        if (text.Length <= maxLength) return text;
        var cut = LastSentenceEnd(text, maxLength);
        if (cut > maxLength / 3) return text[..cut];
        var space = text.LastIndexOf(' ', maxLength);
        return (space > 0 ? text[..space] : text[..maxLength]).TrimEnd(',', ';', ':') + "…";
    }

    private static int LastSentenceEnd(string text, int limit)
    {
        for (var i = Math.Min(limit, text.Length - 1); i > 0; i--)
        {
            // "e.g. " and "et al. " end in a period too; a sentence end is followed by a capital.
            if (text[i - 1] is '.' or '?' or '!' && text[i] == ' ' && i + 1 < text.Length && char.IsUpper(text[i + 1])
                && !EndsWithAbbreviation(text, i - 1))
                return i;
        }
        return -1;
    }

    private static bool EndsWithAbbreviation(string text, int periodAt)
    {
        var start = text.LastIndexOf(' ', periodAt) + 1;
        var word = text[start..(periodAt + 1)];
        return word is "e.g." or "i.e." or "al." or "etc." or "vs." or "cf." or "Fig." or "Eq." || word.Length == 2;
    }
}
