namespace PaperLens.Core.Rules;

/// <summary>A workspace check in numbers: the documents and citations read, the findings by severity.</summary>
public sealed record CheckSummary(int Files, int Citations, int Errors, int Warnings, int Information, int Hints);
