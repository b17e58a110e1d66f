using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Notebook;

/// <summary>Citations in Jupyter notebooks: markdown cells as Markdown, code cells as the notebook's language.</summary>
public static class NotebookScanner
{
    public static ScannedDocument Scan(string path, string text) => throw new NotImplementedException("HELPER-C");
}
