using System.Buffers;

namespace PaperLens.Core.Scanning.Code;

/// <summary>Comments of the <c>//</c> and <c>/* */</c> family (C, C++, CUDA, C#, Java, JavaScript,
/// TypeScript, Go, Rust, Swift, Kotlin, Scala). Each language's string literals are skipped, raw and
/// multi-line ones included, so that <c>"// …"</c> or a URL in a string is not read as a comment.</summary>
internal static class CStyleCommentLexer
{
    private enum Backtick
    {
        /// <summary>Not a delimiter.</summary>
        None,
        /// <summary>JavaScript template literal: escapes, spans lines.</summary>
        Template,
        /// <summary>Go raw string: no escapes, spans lines.</summary>
        Raw,
        /// <summary>Kotlin, Scala and Swift quoted identifier (<c>`my test`</c>): one line.</summary>
        Identifier,
    }

    private sealed class Dialect
    {
        public bool NestedBlocks { get; init; }
        /// <summary><c>'</c> opens a string (JavaScript) rather than a character literal.</summary>
        public bool SingleQuoteStrings { get; init; }
        public bool StringsSpanLines { get; init; }
        public Backtick Backtick { get; init; }
        /// <summary><c>"""…"""</c> text blocks, and whether a backslash escapes in them.</summary>
        public bool TripleQuotes { get; init; }
        public bool TripleQuoteEscapes { get; init; }
        public bool VerbatimStrings { get; init; }   // C#: @"…", $@"…", """…""" raw
        public bool RustRawStrings { get; init; }    // r"…", r#"…"#, br"…"
        public bool SwiftRawStrings { get; init; }   // #"…"#
        public bool CppRawStrings { get; init; }     // R"delim(…)delim"
        public bool RegexLiterals { get; init; }     // JavaScript /…/

        public SearchValues<char> Stops => _stops ??= SearchValues.Create(Backtick == Backtick.None ? "/\"'" : "/\"'`");
        private SearchValues<char>? _stops;
    }

    // Real raw strings use a few; the bound keeps a pathological run of `#` from making the scan quadratic.
    private const int MostRawHashes = 32;

    private static readonly Dictionary<CommentSyntax, Dialect> Dialects = new()
    {
        [CommentSyntax.C] = new() { CppRawStrings = true },
        [CommentSyntax.CSharp] = new() { VerbatimStrings = true },
        [CommentSyntax.Java] = new() { TripleQuotes = true, TripleQuoteEscapes = true },
        [CommentSyntax.JavaScript] = new() { SingleQuoteStrings = true, Backtick = Backtick.Template, RegexLiterals = true },
        [CommentSyntax.Go] = new() { Backtick = Backtick.Raw },
        [CommentSyntax.Rust] = new() { NestedBlocks = true, StringsSpanLines = true, RustRawStrings = true },
        [CommentSyntax.Swift] = new() { NestedBlocks = true, TripleQuotes = true, TripleQuoteEscapes = true, SwiftRawStrings = true, Backtick = Backtick.Identifier },
        [CommentSyntax.Kotlin] = new() { NestedBlocks = true, TripleQuotes = true, Backtick = Backtick.Identifier },
        [CommentSyntax.Scala] = new() { NestedBlocks = true, TripleQuotes = true, Backtick = Backtick.Identifier },
    };

    public static bool Reads(CommentSyntax syntax) => Dialects.ContainsKey(syntax);

    public static void Lex(string text, int start, int end, CommentSyntax syntax, CommentSpans sink)
    {
        var d = Dialects[syntax];
        var stops = d.Stops;
        var pos = start;
        while (pos < end && sink.MarkerAtOrAfter(pos))
        {
            var rel = text.AsSpan(pos, end - pos).IndexOfAny(stops);
            if (rel < 0) break;
            var i = pos + rel;
            pos = text[i] switch
            {
                '/' => Slash(text, i, start, end, d, sink),
                '"' => DoubleQuote(text, i, start, end, d),
                '\'' => d.SingleQuoteStrings
                    ? Literals.Quoted(text, i + 1, end, '\'', escapes: true, doubling: false, spansLines: false).Next
                    : Literals.CharLiteral(text, i, end) ?? i + 1,
                _ => Backquote(text, i, end, d.Backtick),
            };
        }
    }

    private static int Slash(string text, int i, int start, int end, Dialect d, CommentSpans sink)
    {
        if (i + 1 >= end) return end;
        var next = text[i + 1];
        if (next == '/')
        {
            // Past `//`, `///`, `//!` and Doxygen's `///<`.
            var contentStart = i + Literals.RunLength(text, i, end, '/');
            if (contentStart < end && text[contentStart] is '!' or '<') contentStart++;
            var line = Literals.RestOfLine(text, contentStart, end);
            sink.Add(line.ContentStart, line.ContentEnd);
            return line.Next;
        }
        if (next == '*')
        {
            var block = d.NestedBlocks ? Literals.Nested(text, i + 2, end, "/*", "*/") : Literals.Until(text, i + 2, end, "*/");
            // Past the `*` of `/**` and the `!` of `/*!`, but not into an empty `/**/`.
            var contentStart = Math.Min(block.ContentEnd, block.ContentStart + Literals.RunLength(text, block.ContentStart, block.ContentEnd, '*'));
            if (contentStart < block.ContentEnd && text[contentStart] == '!') contentStart++;
            sink.Add(contentStart, block.ContentEnd);
            return block.Next;
        }
        return d.RegexLiterals && RegexMayStart(text, i, start) ? RegexLiteral(text, i, end) : i + 1;
    }

    private static int DoubleQuote(string text, int i, int start, int end, Dialect d)
    {
        var prev = i > start ? text[i - 1] : ' ';
        var quotes = Literals.RunLength(text, i, Math.Min(end, i + 3), '"');
        if (d.VerbatimStrings)
        {
            if (prev == '@' || (prev == '$' && i - 2 >= start && text[i - 2] == '@'))
                return Literals.Quoted(text, i + 1, end, '"', escapes: false, doubling: true, spansLines: true).Next;
            // C# 11 raw strings open with three or more quotes and close with as many.
            if (quotes == 3)
            {
                var opener = Literals.RunLength(text, i, end, '"');
                return Literals.Repeated(text, i + opener, end, '"', opener, escapes: false).Next;
            }
        }
        if (d.RustRawStrings && RustRawHashes(text, i, start) is { } rustHashes)
            return Literals.Until(text, i + 1, end, "\"" + new string('#', rustHashes)).Next;
        if (d.SwiftRawStrings && prev == '#')
        {
            var hashes = 1;
            while (hashes <= MostRawHashes && i - hashes - 1 >= start && text[i - hashes - 1] == '#') hashes++;
            if (hashes <= MostRawHashes) return Literals.Until(text, i + 1, end, "\"" + new string('#', hashes)).Next;
        }
        if (d.CppRawStrings && prev == 'R' && CppRawDelimiter(text, i, start, end) is { } delimiter)
            return Literals.Until(text, i + 2 + delimiter.Length, end, ")" + delimiter + "\"").Next;
        if (d.TripleQuotes && quotes == 3)
            return Literals.Repeated(text, i + 3, end, '"', 3, d.TripleQuoteEscapes).Next;
        return Literals.Quoted(text, i + 1, end, '"', escapes: true, doubling: false, spansLines: d.StringsSpanLines).Next;
    }

    private static int Backquote(string text, int i, int end, Backtick kind) => kind switch
    {
        Backtick.Template => Literals.Quoted(text, i + 1, end, '`', escapes: true, doubling: false, spansLines: true).Next,
        Backtick.Raw => Literals.Quoted(text, i + 1, end, '`', escapes: false, doubling: false, spansLines: true).Next,
        Backtick.Identifier => Literals.Quoted(text, i + 1, end, '`', escapes: false, doubling: false, spansLines: false).Next,
        _ => i + 1,
    };

    /// <summary>The number of <c>#</c> in a Rust raw string opener ending at the quote (<c>r#"</c> → 1), or null.</summary>
    private static int? RustRawHashes(string text, int quote, int start)
    {
        var r = quote - 1;
        while (r >= start && quote - 1 - r <= MostRawHashes && text[r] == '#') r--;
        if (r < start || text[r] != 'r') return null;
        var before = r - 1;
        if (before >= start && text[before] is 'b' or 'c') before--;
        return before >= start && Literals.IsIdentifierChar(text[before]) ? null : quote - 1 - r;
    }

    /// <summary>The delimiter of a C++ raw string <c>R"delim(</c> (up to 16 characters), or null.</summary>
    private static string? CppRawDelimiter(string text, int quote, int start, int end)
    {
        // R, u8R, uR, UR, LR — and not the tail of an identifier such as FOOR.
        var before = quote - 2;
        if (before >= start && text[before] == '8' && before - 1 >= start && text[before - 1] == 'u') before -= 2;
        else if (before >= start && text[before] is 'u' or 'U' or 'L') before--;
        if (before >= start && Literals.IsIdentifierChar(text[before])) return null;
        var limit = Math.Min(end, quote + 18);
        for (var j = quote + 1; j < limit; j++)
        {
            var c = text[j];
            if (c == '(') return text.Substring(quote + 1, j - quote - 1);
            if (c is ' ' or ')' or '\\' or '\t' or '\n' or '\r' or '"') return null;
        }
        return null;
    }

    /// <summary>Whether a slash at <paramref name="slash"/> can open a regular expression rather than
    /// divide: after an operator, an opening bracket, a line start or <c>return</c>.</summary>
    private static bool RegexMayStart(string text, int slash, int start)
    {
        var j = slash - 1;
        while (j >= start && slash - j < 256 && text[j] is ' ' or '\t') j--;
        if (j < start || text[j] is '\n' or '\r') return true;
        var c = text[j];
        if ("(,=:[!&|?{};+-*%<>~^".Contains(c)) return true;
        return j - 5 >= start && text.AsSpan(j - 5, 6).SequenceEqual("return") && (j - 6 < start || !Literals.IsIdentifierChar(text[j - 6]));
    }

    /// <summary>The offset after a regex literal at <paramref name="slash"/>; a slash that turns out not to
    /// open one (no closing slash on the line, nor within the bound) is skipped alone.</summary>
    private static int RegexLiteral(string text, int slash, int end)
    {
        // Regex literals are short; the bound keeps a long line of slashes linear.
        const int longestRegex = 1024;
        var inClass = false;
        var limit = Math.Min(end, slash + longestRegex);
        for (var j = slash + 1; j < limit; j++)
        {
            switch (text[j])
            {
                case '\\': j++; break;
                case '[': inClass = true; break;
                case ']': inClass = false; break;
                case '/' when !inClass: return j + 1;
                case '\n' or '\r': return slash + 1;
            }
        }
        return slash + 1;
    }
}
