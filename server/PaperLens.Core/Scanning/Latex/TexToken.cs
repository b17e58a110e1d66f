using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Latex;

internal enum TexTokenKind
{
    /// <summary><c>\name</c> (a control word: letters) or <c>\%</c> (a control symbol: one character).</summary>
    Command,
    /// <summary><c>{</c></summary>
    BeginGroup,
    /// <summary><c>}</c></summary>
    EndGroup,
    /// <summary><c>[</c>, which opens an optional argument right after a command and is text elsewhere.</summary>
    OpenBracket,
    /// <summary><c>]</c></summary>
    CloseBracket,
    /// <summary>A run of characters with no special meaning to the tokenizer and no whitespace.</summary>
    Word,
    /// <summary>A run of whitespace, line breaks included.</summary>
    Space,
    /// <summary><c>%</c> to the end of its line; <see cref="TexToken.Content"/> is the text after the <c>%</c>s.</summary>
    Comment,
    /// <summary>Text typeset as written, never read: <c>\verb|…|</c>, <c>\lstinline</c>, and a
    /// <c>verbatim</c>, <c>lstlisting</c>, <c>minted</c> or <c>comment</c> environment from its
    /// <c>\begin</c> to its <c>\end</c>.</summary>
    Verbatim,
    /// <summary>The argument of <c>\url</c>, the first of <c>\href</c>: braces included, and
    /// <see cref="TexToken.Content"/> the URL inside them, where <c>%</c> and <c>#</c> are characters.</summary>
    VerbatimArgument,
}

/// <summary>One token of a TeX document: its kind, its text and, for a comment or a verbatim argument,
/// the part of it that is content.</summary>
internal readonly record struct TexToken(TexTokenKind Kind, TextSpan Span, TextSpan Content)
{
    public TexToken(TexTokenKind kind, TextSpan span) : this(kind, span, span)
    {
    }

    /// <summary>A command's name without its backslash (<c>cite</c>, <c>%</c>); empty for other tokens.</summary>
    public ReadOnlySpan<char> Name(string text) =>
        Kind == TexTokenKind.Command && Span.Length > 1 ? text.AsSpan(Span.Start + 1, Span.Length - 1) : [];

    public bool Is(TexTokenKind kind) => Kind == kind;
}
