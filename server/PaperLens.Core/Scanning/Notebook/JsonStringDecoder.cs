using System.Globalization;
using System.Text;

namespace PaperLens.Core.Scanning.Notebook;

/// <summary>Decodes one JSON string token of the notebook's text, recording where each decoded character
/// came from. The token has already been validated by the JSON reader.</summary>
internal static class JsonStringDecoder
{
    /// <param name="quote">Offset of the token's opening quote in <paramref name="text"/>.</param>
    public static void Decode(string text, int quote, StringBuilder decoded, SourceMap map)
    {
        var pos = quote + 1;
        while (pos < text.Length && text[pos] != '"')
        {
            if (text[pos] != '\\')
            {
                decoded.Append(text[pos]);
                map.Add(pos, pos + 1);
                pos++;
                continue;
            }
            if (pos + 1 >= text.Length) return;
            var escape = text[pos + 1];
            if (escape == 'u' && pos + 6 <= text.Length
                && int.TryParse(text.AsSpan(pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                decoded.Append((char)code);
                map.Add(pos, pos + 6);
                pos += 6;
                continue;
            }
            decoded.Append(escape switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escape });
            map.Add(pos, pos + 2);
            pos += 2;
        }
    }
}
