namespace PaperLens.Core.Scanning.Code;

/// <summary>Known languages, by file extension and by name (Markdown info strings, notebook metadata).</summary>
public static class SourceLanguages
{
    /// <param name="fileName">A file name or path; extension and special names (Makefile) decide.</param>
    public static SourceLanguage? FromFileName(string fileName) => throw new NotImplementedException("HELPER-A");

    /// <param name="name">An info string (<c>python</c>, <c>py</c>, <c>c++</c>) or notebook language name.</param>
    public static SourceLanguage? FromName(string name) => throw new NotImplementedException("HELPER-A");
}
