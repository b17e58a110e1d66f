using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Citations in Markdown through Markdig's syntax tree (spec §2-3).</summary>
public static class MarkdownScanner
{
    public static ScannedDocument Scan(string path, string text) => throw new NotImplementedException("HELPER-C");
}
