using System.Text.Json;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Code;
using PaperLens.Core.Scanning.Markdown;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Notebook;

/// <summary>Citations in Jupyter notebooks: markdown cells as Markdown, code cells as the notebook's language.
/// Every range points into the .ipynb text itself (so a position is the notebook file's line and column),
/// and each citation carries its zero-based cell index and line within the cell.</summary>
public static class NotebookScanner
{
    // The notebook format's own default: a notebook that names no language is a Python notebook.
    private const string DefaultLanguage = "python";

    public static ScannedDocument Scan(string path, string text)
    {
        List<NotebookCell> cells;
        string? languageName;
        try
        {
            (cells, languageName) = NotebookReader.Read(text);
        }
        catch (JsonException)
        {
            return ScannedDocument.Empty(path);
        }
        var language = SourceLanguages.FromName(languageName ?? DefaultLanguage);
        var citations = new List<Citation>();
        var entries = new List<BibEntry>();
        var problems = new List<SyntaxProblem>();
        var bibliographies = new List<string>();
        var ignores = new List<IgnoreComment>();
        foreach (var cell in cells)
        {
            switch (cell.Type)
            {
                case "markdown":
                    var document = MarkdownScanner.Scan(path, cell.Source);
                    citations.AddRange(InCell(document.Citations, cell));
                    entries.AddRange(document.BibEntries.Select(e => e with { Span = cell.Map.ToRaw(e.Span), KeySpan = cell.Map.ToRaw(e.KeySpan) }));
                    problems.AddRange(document.Problems.Select(p => p with { Span = cell.Map.ToRaw(p.Span) }));
                    bibliographies.AddRange(document.Bibliographies);
                    ignores.AddRange(document.Ignores.Select(i => i.MapSpans(cell.Map.ToRaw)));
                    break;
                case "code" when language is not null:
                    var code = CodeScanner.Scan(cell.Source, 0, cell.Source.Length, language);
                    citations.AddRange(InCell(code.Citations, cell));
                    ignores.AddRange(code.Ignores.Select(i => i.MapSpans(cell.Map.ToRaw)));
                    break;
            }
        }
        // No comment can be added to the notebook's JSON text; an editor adds them to its cells, documents of their own.
        return new ScannedDocument(path, citations, entries, problems, bibliographies) { Ignores = ignores };
    }

    private static IEnumerable<Citation> InCell(IReadOnlyList<Citation> citations, NotebookCell cell)
    {
        if (citations.Count == 0) return [];
        var lines = new LineMap(cell.Source);
        return citations.Select(citation => citation.MapSpans(cell.Map.ToRaw) with
        {
            Cell = cell.Index,
            CellLine = lines.GetPosition(citation.Span.Start).Line,
        });
    }
}
