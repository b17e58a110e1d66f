using PaperLens.Core.Text;

namespace PaperLens.Core.Index;

/// <summary>A place in a document of the index: the document (for its path and line map) and the offsets.</summary>
public sealed record DocumentSpan(IndexedDocument Document, TextSpan Span);
