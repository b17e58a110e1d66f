namespace PaperLens.Core.Scanning.Code;

/// <summary>How a language writes comments, docstrings and string literals: the choice of lexer and
/// its dialect. Languages that differ only in names (C and CUDA, JavaScript and TypeScript) share one.</summary>
public enum CommentSyntax
{
    /// <summary><c>#</c> comments and single-line quoted strings (Dockerfile, CMake, Elixir, ...).</summary>
    Hash,
    Python,
    R,
    Julia,
    Shell,
    Yaml,
    Toml,
    Ruby,
    Perl,
    Makefile,
    /// <summary>C, C++, CUDA, Objective-C++: <c>//</c>, <c>/* */</c>, char literals, C++ raw strings.</summary>
    C,
    CSharp,
    Java,
    /// <summary>JavaScript and TypeScript: single-quoted strings, template literals, regex literals.</summary>
    JavaScript,
    Go,
    Rust,
    Swift,
    Kotlin,
    Scala,
    Lua,
    Sql,
    Haskell,
    Matlab,
    Latex,
}
