using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Code;

/// <summary>Citations in the comments and docstrings of source code (spec §3).</summary>
public static class CodeScanner
{
    /// <summary>Citations in text[start..end) read as <paramref name="language"/>; offsets are into <paramref name="text"/>.</summary>
    public static IEnumerable<Citation> Scan(string text, int start, int end, SourceLanguage language) => throw new NotImplementedException("HELPER-A");
}
