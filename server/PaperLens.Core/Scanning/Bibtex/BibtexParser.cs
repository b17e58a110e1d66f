using System.Buffers;
using System.Text;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Bibtex;

/// <summary>A recursive-descent BibTeX parser over text[start..end): entries in braces or parentheses,
/// braced, quoted, numeric and macro values joined by <c>#</c>, <c>@string</c> macros, skipped
/// <c>@comment</c> and <c>@preamble</c>. Text between entries is a comment, as in BibTeX (and a line
/// starting with <c>%</c> is one, as in biber). A broken entry becomes a <see cref="SyntaxProblem"/>
/// spanning it, and reading resumes at the next <c>@</c> that starts a line or an entry.
/// Every loop advances, so the parse is linear in the length of the range.</summary>
internal sealed class BibtexParser
{
    private static readonly SearchValues<char> BraceStops = SearchValues.Create("{}\n\r");
    private static readonly SearchValues<char> ParenStops = SearchValues.Create("()\n\r");
    private static readonly SearchValues<char> QuoteStops = SearchValues.Create("{}\"\n\r");
    private static readonly SearchValues<char> BetweenEntriesStops = SearchValues.Create("@%");
    private static readonly SearchValues<char> RecoveryStops = SearchValues.Create("@%\n\r");
    private static readonly SearchValues<char> NotInNames = SearchValues.Create("{}(),=\"#%@'\\");

    private readonly string _text;
    private readonly int _start;
    private readonly int _end;
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = "January", ["feb"] = "February", ["mar"] = "March", ["apr"] = "April",
        ["may"] = "May", ["jun"] = "June", ["jul"] = "July", ["aug"] = "August",
        ["sep"] = "September", ["oct"] = "October", ["nov"] = "November", ["dec"] = "December",
    };
    private readonly List<ParsedBibtexEntry> _entries = [];
    private readonly List<SyntaxProblem> _problems = [];
    private int _pos;

    // What is wrong with the entry being read and where it was noticed; recovery starts searching there.
    private string _error = string.Empty;
    private int _errorAt;

    private BibtexParser(string text, int start, int end)
    {
        _text = text;
        _start = start;
        _end = end;
    }

    public static (IReadOnlyList<ParsedBibtexEntry> Entries, IReadOnlyList<SyntaxProblem> Problems) Parse(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var parser = new BibtexParser(text, start, end);
        parser.ParseAll();
        return (parser._entries, parser._problems);
    }

    private void ParseAll()
    {
        _pos = _start;
        while (_pos < _end)
        {
            var found = _text.AsSpan(_pos, _end - _pos).IndexOfAny(BetweenEntriesStops);
            if (found < 0) return;
            var at = _pos + found;
            if (_text[at] == '%')
                _pos = EndOfLine(at);
            else
                ReadAt(at);
        }
    }

    private void ReadAt(int at)
    {
        var typeStart = at + 1;
        while (typeStart < _end && _text[typeStart] is ' ' or '\t') typeStart++;
        var typeEnd = typeStart;
        while (typeEnd < _end && char.IsAsciiLetter(_text[typeEnd])) typeEnd++;
        var open = SkipWhitespace(typeEnd);
        var type = _text[typeStart..typeEnd].ToLowerInvariant();
        if (type.Length == 0 || open >= _end || _text[open] is not ('{' or '('))
        {
            // An '@' in the commentary between entries (an e-mail address, a handle) is not an entry;
            // '@word' at the start of a line is one that lost its brace.
            if (type.Length > 0 && IsAtLineStart(at))
            {
                Fail(typeEnd, $"'@{type}' is not followed by '{{' or '('");
                ReportAndRecover(at);
            }
            else
            {
                _pos = at + 1;
            }
            return;
        }

        var close = _text[open] == '{' ? '}' : ')';
        _pos = open + 1;
        var ok = type switch
        {
            "comment" => SkipComment(open, close),
            "preamble" => ReadPreamble(close),
            "string" => ReadStringDefinitions(close),
            _ => ReadEntry(at, type, close),
        };
        if (!ok) ReportAndRecover(at);
    }

    private bool SkipComment(int open, char close)
    {
        var closing = close == '}' ? FindClosingBrace(open) : FindClosingParen(open);
        if (closing < 0) return Fail(_errorAt, $"@comment: unterminated {(close == '}' ? "braces" : "parentheses")}");
        _pos = closing + 1;
        return true;
    }

    private bool ReadPreamble(char close)
    {
        if (!ReadValue(close, "@preamble", "preamble", out _)) return false;
        var p = SkipWhitespace(_pos);
        if (p >= _end || _text[p] != close) return Fail(p, $"@preamble: expected '{close}', found {Describe(p)}");
        _pos = p + 1;
        return true;
    }

    private bool ReadStringDefinitions(char close)
    {
        while (true)
        {
            var p = SkipWhitespace(_pos);
            if (p >= _end) return Fail(_end, $"@string: missing closing '{close}'");
            if (_text[p] == close)
            {
                _pos = p + 1;
                return true;
            }
            var nameEnd = ReadName(p);
            if (nameEnd == p) return Fail(p, $"@string: expected a macro name, found {Describe(p)}");
            var name = _text[p..nameEnd];
            var equals = SkipWhitespace(nameEnd);
            if (equals >= _end || _text[equals] != '=') return Fail(equals, $"@string: missing '=' after '{name}'");
            _pos = equals + 1;
            if (!ReadValue(close, "@string", name, out var value)) return false;
            _macros[name] = value.Value;
            var after = SkipWhitespace(_pos);
            if (after < _end && _text[after] == ',')
                _pos = after + 1;
            else if (after >= _end || _text[after] != close)
                return Fail(after, $"@string: expected ',' or '{close}' after '{name}', found {Describe(after)}");
        }
    }

    private bool ReadEntry(int at, string type, char close)
    {
        var keyStart = SkipWhitespace(_pos);
        var keyEnd = keyStart;
        while (keyEnd < _end && IsKeyChar(_text[keyEnd], close)) keyEnd++;
        var key = _text[keyStart..keyEnd];
        var p = SkipWhitespace(keyEnd);
        if (key.Length == 0) return Fail(p, $"@{type} entry has no key");
        if (p < _end && _text[p] == '=') return Fail(p, $"@{type} entry has no key ('{key} =' starts a field)");

        var where = $"entry '{key}'";
        var fields = new List<BibtexField>();
        if (p < _end && _text[p] == ',')
        {
            _pos = p + 1;
        }
        else if (p >= _end || _text[p] != close)
        {
            return p < _end && _text[p] == '@'
                ? Fail(p, $"{where}: missing closing '{close}'")
                : Fail(p, $"{where}: expected ',' after the key, found {Describe(p)}");
        }
        else
        {
            _pos = p;
        }

        while (true)
        {
            p = SkipWhitespace(_pos);
            if (p >= _end) return Fail(_end, $"{where}: missing closing '{close}'");
            var c = _text[p];
            if (c == close)
            {
                _pos = p + 1;
                _entries.Add(new ParsedBibtexEntry(type, key, TextSpan.FromBounds(at, _pos), TextSpan.FromBounds(keyStart, keyEnd), fields));
                return true;
            }
            if (c == ',')
            {
                // Doubled commas are sloppy, not broken: biber reads past them too.
                _pos = p + 1;
                continue;
            }
            if (c == '@' && LooksLikeEntryStart(p)) return Fail(p, $"{where}: missing closing '{close}' before the next entry");

            var nameEnd = ReadName(p);
            if (nameEnd == p) return Fail(p, $"{where}: expected a field name, found {Describe(p)}");
            var name = _text[p..nameEnd].ToLowerInvariant();
            var equals = SkipWhitespace(nameEnd);
            if (equals >= _end || _text[equals] != '=') return Fail(equals, $"{where}: missing '=' after field '{name}'");
            _pos = equals + 1;
            if (!ReadValue(close, where, name, out var value)) return false;
            fields.Add(new BibtexField(name, value.Value, TextSpan.FromBounds(p, nameEnd), value.Span, value.IsLiteral));

            var after = SkipWhitespace(_pos);
            if (after < _end && (_text[after] == ',' || _text[after] == close))
            {
                _pos = after;
                continue;
            }
            if (after >= _end) return Fail(_end, $"{where}: missing closing '{close}'");
            if (_text[after] == '@' && LooksLikeEntryStart(after))
                return Fail(after, $"{where}: missing closing '{close}' before the next entry");
            return Fail(after, $"{where}: expected ',' or '{close}' after field '{name}', found {Describe(after)}");
        }
    }

    private readonly record struct FieldValue(string Value, TextSpan Span, bool IsLiteral);

    /// <summary>Reads <c>part (# part)*</c> from <see cref="_pos"/> and leaves <see cref="_pos"/> after the last part.</summary>
    private bool ReadValue(char close, string where, string field, out FieldValue value)
    {
        value = default;
        StringBuilder? joined = null;
        string? single = null;
        var parts = 0;
        var firstStart = -1;
        var contentSpan = default(TextSpan);
        var literal = false;
        while (true)
        {
            var p = SkipWhitespace(_pos);
            if (p >= _end) return Fail(_end, $"{where}: expected a value for field '{field}', found the end of the text");
            var c = _text[p];
            string part;
            int partEnd;
            if (c == '{')
            {
                var closing = FindClosingBrace(p);
                if (closing < 0) return Fail(_errorAt, $"{where}: unterminated braces in field '{field}'");
                part = _text[(p + 1)..closing];
                contentSpan = TextSpan.FromBounds(p + 1, closing);
                literal = true;
                partEnd = closing + 1;
            }
            else if (c == '"')
            {
                var closing = FindClosingQuote(p);
                if (closing < 0) return Fail(_errorAt, $"{where}: {_error} in field '{field}'");
                part = _text[(p + 1)..closing];
                contentSpan = TextSpan.FromBounds(p + 1, closing);
                literal = true;
                partEnd = closing + 1;
            }
            else if (IsBareValueChar(c, close))
            {
                partEnd = p;
                while (partEnd < _end && IsBareValueChar(_text[partEnd], close)) partEnd++;
                var token = _text[p..partEnd];
                contentSpan = TextSpan.FromBounds(p, partEnd);
                literal = IsAllDigits(token);
                // An undefined macro keeps its name: journal abbreviations often live in another file,
                // and the name is more use to a reader than BibTeX's empty string.
                part = literal ? token : _macros.GetValueOrDefault(token, token);
            }
            else
            {
                return Fail(p, $"{where}: expected a value for field '{field}', found {Describe(p)}");
            }

            if (parts == 0)
            {
                firstStart = p;
                single = part;
            }
            else
            {
                joined ??= new StringBuilder(single);
                joined.Append(part);
            }
            parts++;

            var next = SkipWhitespace(partEnd);
            if (next < _end && _text[next] == '#')
            {
                _pos = next + 1;
                continue;
            }
            _pos = partEnd;
            value = parts == 1
                ? new FieldValue(single!, contentSpan, literal)
                : new FieldValue(joined!.ToString(), TextSpan.FromBounds(firstStart, partEnd), false);
            return true;
        }
    }

    /// <summary>The matching '}' for the '{' at <paramref name="open"/>, or -1 with <see cref="_errorAt"/>
    /// set to where the search gave up: the end, or an entry that starts a line inside the group (a
    /// missing '}' would otherwise swallow the rest of the file, and make recovery quadratic).</summary>
    private int FindClosingBrace(int open) => FindClosing(open, BraceStops, '{', '}');

    private int FindClosingParen(int open) => FindClosing(open, ParenStops, '(', ')');

    private int FindClosing(int open, SearchValues<char> stops, char opening, char closing)
    {
        var depth = 1;
        var p = open + 1;
        while (p < _end)
        {
            var found = _text.AsSpan(p, _end - p).IndexOfAny(stops);
            if (found < 0) break;
            p += found;
            var c = _text[p];
            if (c == opening)
            {
                depth++;
            }
            else if (c == closing)
            {
                if (--depth == 0) return p;
            }
            else if (EntryStartAfterNewline(p + 1) is var entry and >= 0)
            {
                _errorAt = entry;
                return -1;
            }
            p++;
        }
        _errorAt = _end;
        return -1;
    }

    /// <summary>The closing '"' for the '"' at <paramref name="open"/>: a quote inside braces does not
    /// close the value (<c>"{\"o}"</c>). On failure <see cref="_error"/> says why.</summary>
    private int FindClosingQuote(int open)
    {
        var depth = 0;
        var p = open + 1;
        while (p < _end)
        {
            var found = _text.AsSpan(p, _end - p).IndexOfAny(QuoteStops);
            if (found < 0) break;
            p += found;
            switch (_text[p])
            {
                case '"' when depth == 0:
                    return p;
                case '{':
                    depth++;
                    break;
                case '}' when depth == 0:
                    // Either a stray '}' or a missing '"' that let the entry's own '}' in: say what was seen.
                    _error = "'}' before the closing '\"'";
                    _errorAt = p;
                    return -1;
                case '}':
                    depth--;
                    break;
                case '\n' or '\r' when EntryStartAfterNewline(p + 1) is var entry and >= 0:
                    _error = "unterminated quotes";
                    _errorAt = entry;
                    return -1;
            }
            p++;
        }
        _error = "unterminated quotes";
        _errorAt = _end;
        return -1;
    }

    private bool Fail(int at, string message)
    {
        _error = message;
        _errorAt = Math.Clamp(at, _start, _end);
        return false;
    }

    private void ReportAndRecover(int at)
    {
        var resume = RecoveryPoint(Math.Max(_errorAt, at + 1));
        var spanEnd = resume;
        while (spanEnd > at + 1 && char.IsWhiteSpace(_text[spanEnd - 1])) spanEnd--;
        _problems.Add(new SyntaxProblem(TextSpan.FromBounds(at, spanEnd), _error));
        _pos = resume;
    }

    /// <summary>The first '@' from <paramref name="from"/> on that starts a line or looks like an entry
    /// start (<c>@type{</c>), skipping '%' comment lines; the end of the range if there is none.</summary>
    private int RecoveryPoint(int from)
    {
        var p = from;
        var lineStart = IsAtLineStart(from) ? from : -1;
        while (p < _end)
        {
            var found = _text.AsSpan(p, _end - p).IndexOfAny(RecoveryStops);
            if (found < 0) return _end;
            var q = p + found;
            switch (_text[q])
            {
                case '\n' or '\r':
                    lineStart = q + 1;
                    p = q + 1;
                    break;
                case '%':
                    lineStart = -1;
                    p = EndOfLine(q);
                    break;
                default:
                    if ((lineStart >= 0 && IsBlank(lineStart, q)) || LooksLikeEntryStart(q)) return q;
                    lineStart = -1;
                    p = q + 1;
                    break;
            }
        }
        return _end;
    }

    /// <summary>The position of an '@' that starts an entry on the line beginning at <paramref name="lineStart"/>, or -1.</summary>
    private int EntryStartAfterNewline(int lineStart)
    {
        var p = lineStart;
        while (p < _end && _text[p] is ' ' or '\t') p++;
        return p < _end && _text[p] == '@' && LooksLikeEntryStart(p) ? p : -1;
    }

    /// <summary><c>@type{</c> or <c>@type(</c>, with optional whitespace, at <paramref name="at"/>.</summary>
    private bool LooksLikeEntryStart(int at)
    {
        var p = at + 1;
        while (p < _end && _text[p] is ' ' or '\t') p++;
        var typeStart = p;
        while (p < _end && char.IsAsciiLetter(_text[p])) p++;
        if (p == typeStart) return false;
        p = SkipWhitespace(p);
        return p < _end && _text[p] is '{' or '(';
    }

    private bool IsAtLineStart(int at)
    {
        var p = at - 1;
        while (p >= _start && _text[p] is ' ' or '\t') p--;
        return p < _start || _text[p] is '\n' or '\r';
    }

    private bool IsBlank(int from, int to)
    {
        for (var p = from; p < to; p++)
        {
            if (_text[p] is not (' ' or '\t')) return false;
        }
        return true;
    }

    private int EndOfLine(int from)
    {
        var found = _text.AsSpan(from, _end - from).IndexOfAny('\n', '\r');
        return found < 0 ? _end : from + found;
    }

    private int SkipWhitespace(int p)
    {
        while (p < _end && char.IsWhiteSpace(_text[p])) p++;
        return p;
    }

    private int ReadName(int p)
    {
        while (p < _end && IsNameChar(_text[p])) p++;
        return p;
    }

    private static bool IsNameChar(char c) => !char.IsWhiteSpace(c) && !char.IsControl(c) && !NotInNames.Contains(c);

    private static bool IsKeyChar(char c, char close) =>
        c != close && !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not (',' or '{' or '}' or '=' or '"' or '#');

    private static bool IsBareValueChar(char c, char close) =>
        c != close && !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not (',' or '#' or '{' or '}' or '"' or '=' or '(' or ')');

    private static bool IsAllDigits(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return s.Length > 0;
    }

    private string Describe(int p) => p >= _end ? "the end of the text" : $"'{_text[p]}'";
}
