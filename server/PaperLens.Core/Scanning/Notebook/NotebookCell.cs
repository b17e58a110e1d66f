namespace PaperLens.Core.Scanning.Notebook;

/// <summary>One cell of a notebook: its type (<c>markdown</c>, <c>code</c>, <c>raw</c>), its source
/// decoded from JSON, and where that source stands in the .ipynb text.</summary>
internal sealed record NotebookCell(int Index, string Type, string Source, SourceMap Map);
