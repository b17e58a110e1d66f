using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>A paper's title short enough to sit beside an id in running text (an inlay hint):
/// the name before the first colon (<c>Mamba-360</c>), else the first words, at most
/// <see cref="MaxLength"/> characters, ending with "…" when cut.</summary>
public static class ShortTitle
{
    public const int MaxLength = 40;

    private const string Ellipsis = "…";

    public static string Of(string title)
    {
        var plain = Plain(title);
        var colon = plain.IndexOf(':');
        var source = colon > 0 && plain[..colon].Trim() is { Length: > 0 } head ? head : plain;
        return source.Length <= MaxLength ? source : Cut(source);
    }

    /// <summary>A title as one line of plain text: TeX markup resolved, every run of whitespace
    /// (arXiv titles keep their line breaks) one space.</summary>
    public static string Plain(string title) =>
        string.Join(' ', TexText.ToPlain(title).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // Cut at a word boundary so the hint never ends in half a word; a single word that is too long
    // is cut where it must be.
    private static string Cut(string text)
    {
        var room = MaxLength - Ellipsis.Length;
        var space = text.LastIndexOf(' ', room);
        var kept = space > 0 ? text[..space] : text[..room];
        return kept.TrimEnd(' ', ',', ';', ':', '-', '–', '—') + Ellipsis;
    }
}
