using System.Buffers;

namespace PaperLens.Core.Scanning.Code;

/// <summary>Comments of the <c>#</c> family (Python, R, Julia, shell, YAML, TOML, Ruby, Perl, Makefile)
/// and Python/Julia docstrings. String literals are skipped so that a <c>#</c> or a URL inside one is not
/// read as a comment.</summary>
internal static class HashCommentLexer
{
    /// <summary>How one language of the family writes strings and block comments.</summary>
    private sealed class Dialect
    {
        public required QuoteRule Double { get; init; }
        /// <summary>Null where <c>'</c> opens a character literal or is an operator (Julia).</summary>
        public QuoteRule? Single { get; init; }
        public bool TripleDouble { get; init; }
        public bool TripleSingle { get; init; }
        /// <summary>A string standing alone as a statement is documentation (Python, Julia).</summary>
        public bool Docstrings { get; init; }
        /// <summary><c>#</c> starts a comment only at the start of a word (<c>a#b</c>, <c>${#x}</c> in shell).</summary>
        public bool HashAtWordStart { get; init; }
        /// <summary>A quote opens a string only where a scalar starts (YAML: <c>key: don't</c> is plain text).</summary>
        public bool QuoteAtValueStart { get; init; }
        /// <summary>Julia's nesting <c>#= … =#</c>.</summary>
        public bool HashEqualsBlocks { get; init; }
        /// <summary>Here-documents (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;~EOS</c>) are data: their prose may hold a stray quote or <c>#</c>.</summary>
        public bool Heredocs { get; init; }
        /// <summary>Shell openers: the word may follow a space (<c>&lt;&lt; EOF</c>) and be lower-case, since
        /// <c>&lt;&lt;</c> shifts only inside <c>$(( ))</c>; Ruby and Perl shift with it everywhere.</summary>
        public bool ShellHeredocs { get; init; }
        /// <summary>The line that closes Ruby's <c>=begin … =end</c> or Perl's POD (<c>=head1 … =cut</c>), with its line break.</summary>
        public string? DocBlockEnd { get; init; }

        public SearchValues<char> Stops => _stops ??= SearchValues.Create(
            Docstrings ? "#\"'\\\n\r()[]{}" : DocBlockEnd is not null || Heredocs ? "#\"'\\\n<" : "#\"'\\");
        private SearchValues<char>? _stops;
    }

    private readonly record struct QuoteRule(bool Escapes, bool SpansLines, bool Doubling = false);

    private static readonly QuoteRule Escaped = new(Escapes: true, SpansLines: false);
    private static readonly QuoteRule EscapedMultiline = new(Escapes: true, SpansLines: true);

    private const string RubyBlockEnd = "\n=end";

    private static readonly Dictionary<CommentSyntax, Dialect> Dialects = new()
    {
        [CommentSyntax.Hash] = new() { Double = Escaped, Single = Escaped },
        [CommentSyntax.Python] = new() { Double = Escaped, Single = Escaped, TripleDouble = true, TripleSingle = true, Docstrings = true },
        [CommentSyntax.R] = new() { Double = EscapedMultiline, Single = EscapedMultiline },
        [CommentSyntax.Julia] = new() { Double = EscapedMultiline, TripleDouble = true, Docstrings = true, HashEqualsBlocks = true },
        [CommentSyntax.Shell] = new()
        {
            Double = EscapedMultiline, Single = new(Escapes: false, SpansLines: true), HashAtWordStart = true, Heredocs = true, ShellHeredocs = true,
        },
        // YAML's quoted scalars may span lines, but rarely do, while block scalars are full of prose:
        // ending a stray quote at its line keeps one apostrophe from hiding the comments below it.
        [CommentSyntax.Yaml] = new()
        {
            Double = Escaped, Single = new(Escapes: false, SpansLines: false, Doubling: true),
            HashAtWordStart = true, QuoteAtValueStart = true,
        },
        [CommentSyntax.Toml] = new() { Double = Escaped, Single = new(Escapes: false, SpansLines: false), TripleDouble = true, TripleSingle = true },
        [CommentSyntax.Ruby] = new() { Double = EscapedMultiline, Single = EscapedMultiline, DocBlockEnd = RubyBlockEnd, Heredocs = true },
        // Perl regexes (`s/'//g`, `tr/"//`) are not lexed; one-line strings keep a quote in one from
        // hiding the comments of the lines below.
        [CommentSyntax.Perl] = new() { Double = Escaped, Single = Escaped, DocBlockEnd = "\n=cut", Heredocs = true },
        [CommentSyntax.Makefile] = new() { Double = Escaped, Single = Escaped },
    };

    public static bool Reads(CommentSyntax syntax) => Dialects.ContainsKey(syntax);

    public static void Lex(string text, int start, int end, CommentSyntax syntax, CommentSpans sink)
    {
        var d = Dialects[syntax];
        var stops = d.Stops;
        var depth = 0;              // open brackets: a line break inside them does not end the statement
        var lineHasCode = false;    // the logical line already has a token before this point
        Heredoc? heredoc = null;    // its body starts on the next line
        var pos = start;
        if (d.DocBlockEnd is not null && (start == 0 || text[start - 1] == '\n')) pos = DocBlock(text, pos, end, d.DocBlockEnd, sink);
        while (pos < end && sink.MarkerAtOrAfter(pos))
        {
            var rel = text.AsSpan(pos, end - pos).IndexOfAny(stops);
            var i = rel < 0 ? end : pos + rel;
            if (d.Docstrings && !lineHasCode && i > pos) lineHasCode = HasCodeBefore(text, pos, i, rel >= 0 && text[i] is '"' or '\'');
            if (rel < 0) break;
            var c = text[i];
            switch (c)
            {
                case '\n' or '\r':
                    if (depth == 0) lineHasCode = false;
                    pos = i + 1;
                    if (c == '\n' && heredoc is { } body)
                    {
                        pos = SkipHeredoc(text, pos, end, body);
                        heredoc = null;
                    }
                    if (c == '\n' && d.DocBlockEnd is not null) pos = DocBlock(text, pos, end, d.DocBlockEnd, sink);
                    break;
                case '<':
                    var run = Literals.RunLength(text, i, end, '<');
                    if (run == 2 && HeredocOpener(text, i + 2, end, d.ShellHeredocs) is { } opener)
                    {
                        heredoc = opener;
                        pos = opener.OpenerEnd;
                    }
                    else
                    {
                        pos = i + run;
                    }
                    break;
                case '(' or '[' or '{':
                    depth++;
                    lineHasCode = true;
                    pos = i + 1;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    lineHasCode = true;
                    pos = i + 1;
                    break;
                case '\\':
                    // An escaped character in code (`\#` in make and shell) or a line continuation.
                    lineHasCode = true;
                    pos = Literals.SkipEscape(text, i, end);
                    break;
                case '#':
                    pos = Hash(text, i, start, end, d, sink);
                    break;
                default:
                    pos = Quote(text, i, start, end, d, !lineHasCode, sink);
                    lineHasCode = true;
                    break;
            }
        }
    }

    private static int Hash(string text, int i, int start, int end, Dialect d, CommentSpans sink)
    {
        var prev = i > start ? text[i - 1] : '\n';
        // `$#` is the argument count in shell and the last index in Perl.
        if (prev == '$' || (d.HashAtWordStart && !IsWordBoundary(prev))) return i + 1;
        if (d.HashEqualsBlocks && i + 1 < end && text[i + 1] == '=')
        {
            var block = Literals.Nested(text, i + 2, end, "#=", "=#");
            sink.Add(block.ContentStart, block.ContentEnd);
            return block.Next;
        }
        // Past the marker run and the roxygen `#'` or shebang `#!` that may follow it.
        var contentStart = i + Literals.RunLength(text, i, end, '#');
        if (contentStart < end && text[contentStart] is '\'' or '!') contentStart++;
        var comment = Literals.RestOfLine(text, contentStart, end);
        sink.Add(comment.ContentStart, comment.ContentEnd);
        return comment.Next;
    }

    private static int Quote(string text, int i, int start, int end, Dialect d, bool startsStatement, CommentSpans sink)
    {
        var quote = text[i];
        var rule = quote == '"' ? d.Double : d.Single;
        if (rule is not { } r) return Literals.CharLiteral(text, i, end) ?? i + 1;
        if (d.QuoteAtValueStart && i > start && !IsValueStart(text[i - 1])) return i + 1;

        var triple = (quote == '"' ? d.TripleDouble : d.TripleSingle) && Literals.RunLength(text, i, Math.Min(end, i + 3), quote) == 3;
        var literal = triple
            ? Literals.Repeated(text, i + 3, end, quote, 3, r.Escapes)
            : Literals.Quoted(text, i + 1, end, quote, r.Escapes || (quote == '\'' && i > start && text[i - 1] == '$'), r.Doubling, r.SpansLines);
        // A string that is a whole statement is a docstring: the first statement of a module, class or
        // function, or an attribute docstring. An assigned or passed string (`url = "…"`) is data.
        if (d.Docstrings && startsStatement && Literals.LineIsDoneAfter(text, literal.Next, end, "#;"))
            sink.Add(literal.ContentStart, literal.ContentEnd);
        return literal.Next;
    }

    // Before a quote, a string prefix (r, b, f, u, rb, …) does not count as code.
    private static bool HasCodeBefore(string text, int from, int to, bool beforeQuote)
    {
        var rel = text.AsSpan(from, to - from).IndexOfAnyExcept(' ', '\t', '\f');
        if (rel < 0) return false;
        if (!beforeQuote) return true;
        var prefix = text.AsSpan(from + rel, to - from - rel);
        return prefix.Length > 2 || prefix.IndexOfAnyExcept("rRbBuUfFtT") >= 0;
    }

    /// <summary>A here-document's closing word, whether it may be indented, and where its opener ends.</summary>
    private readonly record struct Heredoc(string Word, bool Indented, int OpenerEnd);

    /// <summary>The here-document opened by <c>&lt;&lt;</c> before <paramref name="pos"/>: <c>&lt;&lt;EOF</c>,
    /// <c>&lt;&lt;-EOF</c>, <c>&lt;&lt;~EOS</c>, <c>&lt;&lt;'EOF'</c>, <c>&lt;&lt;"EOF"</c>; in shell also <c>&lt;&lt; EOF</c>.
    /// Null for a shift (<c>x &lt;&lt; 2</c>, Ruby's <c>list &lt;&lt; item</c>) or a here-string (<c>&lt;&lt;&lt;</c>).</summary>
    private static Heredoc? HeredocOpener(string text, int pos, int end, bool shell)
    {
        var indented = pos < end && text[pos] is '-' or '~';
        if (indented) pos++;
        if (shell) while (pos < end && text[pos] is ' ' or '\t') pos++;
        var quote = pos < end && text[pos] is '\'' or '"' ? text[pos] : '\0';
        if (quote != '\0' || (shell && pos < end && text[pos] == '\\')) pos++;
        var wordStart = pos;
        while (pos < end && pos - wordStart < 64 && Literals.IsIdentifierChar(text[pos])) pos++;
        if (pos == wordStart || char.IsDigit(text[wordStart])) return null;
        // Ruby and Perl shift with `<<`; a bare opener there is a capitalised word (`<<EOS`).
        if (!shell && quote == '\0' && !indented && !char.IsUpper(text[wordStart])) return null;
        if (quote != '\0')
        {
            if (pos >= end || text[pos] != quote) return null;
            pos++;
        }
        return new Heredoc(text[wordStart..(quote != '\0' ? pos - 1 : pos)], indented, pos);
    }

    /// <summary>Past the body of a here-document starting at <paramref name="pos"/>: up to and including its closing line.</summary>
    private static int SkipHeredoc(string text, int pos, int end, Heredoc heredoc)
    {
        while (pos < end)
        {
            var lineEnd = Literals.LineEnd(text, pos, end);
            var line = text.AsSpan(pos, lineEnd - pos);
            if (heredoc.Indented) line = line.TrimStart(" \t");
            if (line.SequenceEqual(heredoc.Word)) return lineEnd;
            pos = lineEnd < end && text[lineEnd] == '\r' && lineEnd + 1 < end && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
        }
        return end;
    }

    private static bool IsWordBoundary(char c) => char.IsWhiteSpace(c) || c is ';' or '&' or '|' or '(' or ')' or '<' or '>';

    private static bool IsValueStart(char c) => char.IsWhiteSpace(c) || c is '[' or '{' or ',' or ':' or '-' or '?';

    /// <summary>Ruby <c>=begin … =end</c> or Perl POD at a line start <paramref name="pos"/>: all of it is documentation.</summary>
    private static int DocBlock(string text, int pos, int end, string terminator, CommentSpans sink)
    {
        if (pos + 1 >= end || text[pos] != '=' || !char.IsAsciiLetter(text[pos + 1])) return pos;
        // Ruby's block opens only with =begin; every POD command opens POD.
        if (terminator == RubyBlockEnd && !text.AsSpan(pos, end - pos).StartsWith("=begin", StringComparison.Ordinal)) return pos;
        var body = Literals.Until(text, pos, end, terminator);
        sink.Add(body.ContentStart, body.ContentEnd);
        return Literals.LineEnd(text, body.Next, end);
    }
}
