namespace PaperLens.Core.Scanning.Code;

/// <summary>A programming language as far as citations care: which comment lexer reads it.</summary>
public sealed record SourceLanguage(string Name)
{
    // HELPER-A: fill in (comment family, docstring rules, string-literal rules).
}
