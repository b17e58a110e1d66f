using PaperLens.Core.Citations;

namespace PaperLens.Core.Rules;

/// <summary>One document's part of a workspace check: the scan it checked, its findings sorted by offset,
/// and the cross-file facts they rest on (checked again when one of those changes).</summary>
internal sealed record DocumentCheck(ScannedDocument Scan, IReadOnlyList<Diagnostic> Findings, FactSet Reads);
