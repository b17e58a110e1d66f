using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Scanning.Code;
using PaperLens.Core.Scanning.Latex;
using PaperLens.Core.Scanning.Markdown;
using PaperLens.Core.Scanning.Notebook;

namespace PaperLens.Core.Scanning;

/// <summary>Chooses the scanner for a file by its name. The one entry point the workspace, the CLI
/// and the language server use to turn a document's text into citations.</summary>
public static class DocumentScanner
{
    private static readonly HashSet<string> MarkdownExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".markdown", ".mdx", ".qmd", ".rmd",
    };

    public static bool IsMarkdown(string path) => MarkdownExtensions.Contains(Path.GetExtension(path));

    public static bool IsBibtex(string path) => Path.GetExtension(path).Equals(".bib", StringComparison.OrdinalIgnoreCase);

    public static bool IsNotebook(string path) => Path.GetExtension(path).Equals(".ipynb", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether any scanner reads files of this name; the workspace walk skips the rest unread.</summary>
    public static bool CanScan(string path) =>
        IsMarkdown(path) || IsBibtex(path) || IsNotebook(path) || SourceLanguages.FromFileName(path) is not null;

    /// <summary>The extensions (<c>.md</c>) of every file some scanner reads, what <see cref="CanScan"/>
    /// accepts by extension; a file watcher's globs are built from these, so they never drift apart.</summary>
    public static IEnumerable<string> ScannedExtensions =>
        MarkdownExtensions.Concat([".bib", ".ipynb"]).Concat(SourceLanguages.Extensions);

    /// <summary>The whole file names (<c>Makefile</c>) read whatever their extension.</summary>
    public static IEnumerable<string> ScannedFileNames => SourceLanguages.FileNames;

    private static readonly Utf8Markers MarkdownMarkers = new([.. TextCitationFinder.MarkerWords, "@"], []);
    private static readonly Utf8Markers CodeMarkers = new(TextCitationFinder.MarkerWords, []);
    private static readonly Utf8Markers BibtexMarkers = new(["@"], [IgnoreComments.Keyword]);

    /// <summary>What the scanner of <paramref name="path"/> reacts to, searched for in a file's bytes
    /// before they are decoded: in a file holding none, <see cref="Scan(string, string)"/> finds
    /// <see cref="Unmarked"/>. Null for the kinds always read whole: a notebook's cell may be split
    /// anywhere across JSON strings and escapes, and LaTeX reacts to most commands.</summary>
    internal static Utf8Markers? MarkersOf(string path)
    {
        if (IsMarkdown(path)) return MarkdownMarkers;
        if (IsNotebook(path) || LatexScanner.Reads(path)) return null;
        if (IsBibtex(path)) return BibtexMarkers;
        return SourceLanguages.FromFileName(path) is not null ? CodeMarkers : null;
    }

    /// <summary>What <see cref="Scan(string, string)"/> returns for a file without any of
    /// <see cref="MarkersOf"/>: nothing found, and the comment style of its kind.</summary>
    internal static ScannedDocument Unmarked(string path)
    {
        if (!IsMarkdown(path) && !IsNotebook(path) && !LatexScanner.Reads(path))
        {
            if (IsBibtex(path)) return ScannedDocument.Empty(path) with { Comments = DocumentComments.Whole(CommentStyle.Bibtex) };
            if (SourceLanguages.FromFileName(path) is { } language)
                return ScannedDocument.Empty(path) with { Comments = DocumentComments.Whole(CodeScanner.CommentStyleOf(language)) };
        }
        return ScannedDocument.Empty(path);
    }

    /// <summary>Scans one document. Never throws on content: bad input yields what could be read.</summary>
    public static ScannedDocument Scan(string path, string text) =>
        IsMarkdown(path) ? MarkdownScanner.Scan(path, text) : Scan(path, text, out _);

    /// <param name="blocks">A Markdown document's blocks, for scanning its next version only around the
    /// edit; null for other kinds.</param>
    internal static ScannedDocument Scan(string path, string text, out MarkdownBlocks? blocks)
    {
        blocks = null;
        if (IsMarkdown(path)) return MarkdownScanner.Scan(path, text, out blocks);
        if (IsNotebook(path)) return NotebookScanner.Scan(path, text);
        if (LatexScanner.Reads(path)) return LatexScanner.Scan(path, text);
        if (IsBibtex(path))
        {
            var bib = BibtexScanner.Scan(text, 0, text.Length);
            return new ScannedDocument(path, bib.Citations, bib.Entries, bib.Problems, [])
            {
                Ignores = bib.Ignores,
                Comments = DocumentComments.Whole(CommentStyle.Bibtex),
            };
        }
        if (SourceLanguages.FromFileName(path) is { } language)
        {
            var code = CodeScanner.Scan(text, 0, text.Length, language);
            return new ScannedDocument(path, code.Citations, [], [], [])
            {
                Ignores = code.Ignores,
                Comments = DocumentComments.Whole(CodeScanner.CommentStyleOf(language)),
            };
        }
        return ScannedDocument.Empty(path);
    }
}
