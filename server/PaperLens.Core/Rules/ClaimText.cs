using System.Text;
using PaperLens.Core.Text;

namespace PaperLens.Core.Rules;

/// <summary>The comparable form of a title or name (spec §2): TeX turned to plain text, accents
/// removed (<see cref="Accents"/>), lower case, every run of punctuation and whitespace one space.
/// Titles written by hand, in BibTeX and by arXiv then differ only in their words.</summary>
public static class ClaimText
{
    public static string Normalize(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var plain = TexText.ToPlain(text);
        var builder = new StringBuilder(plain.Length);
        Span<char> folded = stackalloc char[2];
        var gap = false;
        foreach (var c in plain)
        {
            if (Accents.IsCombiningMark(c)) continue;
            foreach (var letter in folded[..Accents.Fold(c, folded)])
            {
                if (char.IsLetterOrDigit(letter))
                {
                    if (gap && builder.Length > 0) builder.Append(' ');
                    gap = false;
                    builder.Append(char.ToLowerInvariant(letter));
                }
                else
                {
                    gap = true;
                }
            }
        }
        return builder.ToString();
    }

    /// <summary>The words of a normalised text.</summary>
    public static string[] Words(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split(' ');

    /// <summary>The part before the first colon, normalised: the short name of
    /// <c>FlashAttention: Fast and Memory-Efficient…</c>. Null when there is no colon.</summary>
    public static string? NormalizedHead(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0) return null;
        var head = Normalize(text[..colon]);
        return head.Length == 0 ? null : head;
    }

    /// <summary>A title or claim as shown in a message: TeX as plain text, on one line.</summary>
    public static string Display(string text) => TexText.ToPlain(text);
}
