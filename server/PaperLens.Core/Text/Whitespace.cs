namespace PaperLens.Core.Text;

/// <summary>Text made one line: hard-wrapped titles and abstracts, link text over several lines, a comment's
/// words. (TeX has its own rule, in <see cref="TexText"/>, as it builds the plain text.)</summary>
public static class Whitespace
{
    /// <summary>Every run of whitespace one space, none at either end.</summary>
    public static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
