using System.Text;

namespace PaperLens.Core.Features;

/// <summary>Untrusted text (titles, abstracts, file contents) made inert before it becomes Markdown:
/// no emphasis, links, images, HTML, autolinks or <c>command:</c> URIs can be injected. Characters
/// that only matter at the start of a line are escaped there alone, so that clients showing the raw
/// Markdown (Neovim) stay readable.</summary>
public static class MarkdownText
{
    private const string AlwaysSpecial = "\\`*_{}[]()<>#!|~$&";
    private const string StartSpecial = ".-+=";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\t') { sb.Append(' '); continue; }
            if (char.IsControl(c)) continue;
            var escape = AlwaysSpecial.Contains(c)
                || (sb.Length == 0 && (StartSpecial.Contains(c) || char.IsAsciiDigit(c) && StartsNumberedItem(text, i)))
                // Bare URLs are linkified by some renderers: break "scheme://" and "www.".
                || (c == ':' && i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/')
                || (c == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase));
            if (escape) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool StartsNumberedItem(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i < text.Length && text[i] is '.' or ')';
    }
}
