using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Code;

/// <summary>What the comments and docstrings of a stretch of code hold: citations, and the
/// <c>paperlens-ignore</c> comments.</summary>
public sealed record CodeScan(IReadOnlyList<Citation> Citations, IReadOnlyList<IgnoreComment> Ignores)
{
    public static readonly CodeScan Empty = new([], []);
}

/// <summary>Citations in the comments and docstrings of source code (spec §3). String literals are not
/// searched: <c>url = "https://arxiv.org/abs/1706.03762"</c> is data, not a citation.</summary>
public static class CodeScanner
{
    /// <summary>Citations in text[start..end) read as <paramref name="language"/>; offsets are into <paramref name="text"/>.
    /// The range may be a whole file, a Markdown code block or a notebook cell; nothing outside it is read.</summary>
    public static CodeScan Scan(string text, int start, int end, SourceLanguage language)
    {
        if (string.IsNullOrEmpty(text) || language is null) return CodeScan.Empty;
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        // Most source files cite nothing: one vectorised search decides that before any lexing. Such a
        // file has nothing an ignore comment could hide either.
        var comments = new CommentSpans(text, end);
        if (!comments.MarkerAtOrAfter(start)) return CodeScan.Empty;

        var syntax = language.Syntax;
        if (CStyleCommentLexer.Reads(syntax)) CStyleCommentLexer.Lex(text, start, end, syntax, comments);
        else if (DashCommentLexer.Reads(syntax)) DashCommentLexer.Lex(text, start, end, syntax, comments);
        else if (PercentCommentLexer.Reads(syntax)) PercentCommentLexer.Lex(text, start, end, syntax, comments);
        else HashCommentLexer.Lex(text, start, end, HashCommentLexer.Reads(syntax) ? syntax : CommentSyntax.Hash, comments);
        var citations = comments.Spans.SelectMany(comment => TextCitationFinder.Find(text, comment.Text.Start, comment.Text.End)
            .Select(citation => CommentClaims.Read(text, comment, citation))).ToList();
        return new CodeScan(citations, comments.Ignores);
    }

    /// <summary>How a line comment of <paramref name="language"/> is written, by the lexer that reads it.</summary>
    public static CommentStyle CommentStyleOf(SourceLanguage language)
    {
        var syntax = language.Syntax;
        if (CStyleCommentLexer.Reads(syntax)) return CommentStyle.DoubleSlash;
        if (DashCommentLexer.Reads(syntax)) return CommentStyle.DoubleDash;
        if (PercentCommentLexer.Reads(syntax)) return CommentStyle.Percent;
        return CommentStyle.Hash;
    }
}
