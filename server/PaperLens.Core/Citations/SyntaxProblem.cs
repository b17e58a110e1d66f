using PaperLens.Core.Text;

namespace PaperLens.Core.Citations;

/// <summary>A part of a file that could not be parsed (a broken BibTeX entry: PL011). The scanner
/// reports it and carries on with the rest of the file.</summary>
public sealed record SyntaxProblem(TextSpan Span, string Message);
