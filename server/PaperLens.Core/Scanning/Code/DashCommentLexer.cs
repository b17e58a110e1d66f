using System.Buffers;

namespace PaperLens.Core.Scanning.Code;

/// <summary>Comments of the <c>--</c> family: Lua (<c>--</c>, <c>--[[ ]]</c>, <c>--[==[ ]==]</c>),
/// SQL (<c>--</c>, <c>/* */</c>) and Haskell (<c>--</c>, nesting <c>{- -}</c>), with their string literals.</summary>
internal static class DashCommentLexer
{
    private static readonly SearchValues<char> LuaStops = SearchValues.Create("-\"'[");
    private static readonly SearchValues<char> SqlStops = SearchValues.Create("-/\"'`");
    private static readonly SearchValues<char> HaskellStops = SearchValues.Create("-{\"'");

    // Haskell reads `-->` or `--|` as an operator, not a comment: dashes followed by a symbol.
    private static readonly SearchValues<char> HaskellSymbols = SearchValues.Create("!#$%&*+./<=>?@\\^|~:");

    public static bool Reads(CommentSyntax syntax) => syntax is CommentSyntax.Lua or CommentSyntax.Sql or CommentSyntax.Haskell;

    public static void Lex(string text, int start, int end, CommentSyntax syntax, CommentSpans sink)
    {
        var stops = syntax switch { CommentSyntax.Lua => LuaStops, CommentSyntax.Sql => SqlStops, _ => HaskellStops };
        var pos = start;
        while (pos < end && sink.MarkerAtOrAfter(pos))
        {
            var rel = text.AsSpan(pos, end - pos).IndexOfAny(stops);
            if (rel < 0) break;
            var i = pos + rel;
            pos = (syntax, text[i]) switch
            {
                (_, '-') => Dash(text, i, end, syntax, sink),
                (CommentSyntax.Lua, '[') => LuaLongBracket(text, i, end) is { } level
                    ? Literals.Until(text, i + level + 2, end, LongBracketClose(level)).Next
                    : i + 1,
                (CommentSyntax.Lua, _) => Literals.Quoted(text, i + 1, end, text[i], escapes: true, doubling: false, spansLines: false).Next,
                (CommentSyntax.Sql, '/') => Block(text, i, end, sink, nested: false),
                // SQL: 'strings' span lines and double their quotes; E'…' (PostgreSQL) also takes backslashes.
                (CommentSyntax.Sql, '\'') => Literals.Quoted(text, i + 1, end, '\'', escapes: IsEscapeStringPrefix(text, i, start), doubling: true, spansLines: true).Next,
                (CommentSyntax.Sql, _) => Literals.Quoted(text, i + 1, end, text[i], escapes: false, doubling: true, spansLines: false).Next,
                (_, '{') => Block(text, i, end, sink, nested: true),
                (_, '"') => Literals.Quoted(text, i + 1, end, '"', escapes: true, doubling: false, spansLines: false).Next,
                // A quote after a name is a prime (x', foldl'); otherwise it may open a character literal.
                _ => i > start && Literals.IsIdentifierChar(text[i - 1]) ? i + 1 : Literals.CharLiteral(text, i, end) ?? i + 1,
            };
        }
    }

    private static int Dash(string text, int i, int end, CommentSyntax syntax, CommentSpans sink)
    {
        if (i + 1 >= end || text[i + 1] != '-') return i + 1;
        var contentStart = i + Literals.RunLength(text, i, end, '-');
        if (syntax == CommentSyntax.Haskell && contentStart < end && HaskellSymbols.Contains(text[contentStart])) return contentStart;
        if (syntax == CommentSyntax.Lua && contentStart == i + 2 && LuaLongBracket(text, contentStart, end) is { } level)
        {
            var block = Literals.Until(text, contentStart + level + 2, end, LongBracketClose(level));
            sink.Add(block.ContentStart, block.ContentEnd);
            return block.Next;
        }
        var line = Literals.RestOfLine(text, contentStart, end);
        sink.Add(line.ContentStart, line.ContentEnd);
        return line.Next;
    }

    /// <summary>A <c>/* */</c> (SQL) or <c>{- -}</c> (Haskell) comment at <paramref name="i"/>, if one opens there.</summary>
    private static int Block(string text, int i, int end, CommentSpans sink, bool nested)
    {
        if (i + 1 >= end) return end;
        var opener = text[i];
        if (text[i + 1] != (opener == '/' ? '*' : '-')) return i + 1;
        var block = nested ? Literals.Nested(text, i + 2, end, "{-", "-}") : Literals.Until(text, i + 2, end, "*/");
        sink.Add(block.ContentStart, block.ContentEnd);
        return block.Next;
    }

    /// <summary>The level of a Lua long bracket <c>[[</c>, <c>[=[</c>, <c>[==[</c> at <paramref name="i"/>, or null.</summary>
    private static int? LuaLongBracket(string text, int i, int end)
    {
        if (i >= end || text[i] != '[') return null;
        var level = Literals.RunLength(text, i + 1, end, '=');
        return i + 1 + level < end && text[i + 1 + level] == '[' ? level : null;
    }

    private static string LongBracketClose(int level) => level == 0 ? "]]" : "]" + new string('=', level) + "]";

    private static bool IsEscapeStringPrefix(string text, int quote, int start) =>
        quote > start && text[quote - 1] is 'E' or 'e' && (quote - 1 == start || !Literals.IsIdentifierChar(text[quote - 2]));
}
