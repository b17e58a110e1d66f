namespace PaperLens.Core.Scanning.Code;

/// <summary>A programming language as far as citations care: which comment lexer reads it.</summary>
/// <param name="Name">The display name (<c>Python</c>, <c>C++</c>).</param>
public sealed record SourceLanguage(string Name)
{
    /// <summary>How its comments, docstrings and string literals are written.</summary>
    public CommentSyntax Syntax { get; init; }

    public override string ToString() => Name;
}
