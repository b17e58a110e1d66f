using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Code;
using PaperLens.Core.Text;
using static PaperLens.Core.Scanning.Latex.TexTokenKind;

namespace PaperLens.Core.Scanning.Latex;

/// <summary>One pass over a LaTeX document's tokens. Prose goes into <see cref="TexProse"/>, read for
/// citations and claims at the end, when every line is whole; what commands say is taken as it comes:
/// cite keys, <c>\href</c> destinations, bibliography files, <c>\bibitem</c>s, comments. Groups are not
/// recursed into (nesting is as deep as the input): their braces are simply not prose.</summary>
internal sealed class LatexReader
{
    // How many tokens an argument may hold: a key list, a link's text; an optional argument (p.~3, a natbib
    // label) is shorter. An unclosed one is no argument, and the bound keeps a file of them linear.
    private const int ArgumentReach = 1000;
    private const int OptionalReach = 100;

    /// <summary>An <c>\href</c>: the citations of its URL, and where it and its text stand in the prose.</summary>
    private sealed record Href(List<Citation> Citations, int ProseStart, int TextStart, int TextEndToken)
    {
        public int TextEnd { get; set; }
    }

    private readonly string _text;
    private readonly List<TexToken> _tokens;
    private readonly TexProse _prose = new();
    private readonly CommentSpans _comments;
    private readonly List<Citation> _keys = [];
    private readonly List<string> _bibliographies = [];
    private readonly List<BibItem> _items = [];
    private readonly List<Href> _hrefs = [];
    private readonly Stack<Href> _openHrefs = new();
    private (string Key, TextSpan KeySpan, TextSpan? Label, int Start, int ProseStart)? _item;
    // Where each \newblock of the open entry starts in the prose.
    private readonly List<int> _blocks = [];
    private Dictionary<int, int>? _branchEnds;
    private bool _afterComment;

    public LatexReader(string text)
    {
        _text = text;
        _tokens = TexTokenizer.Tokenize(text);
        _comments = new CommentSpans(text, text.Length);
    }

    public ScannedDocument Read(string path)
    {
        for (var i = 0; i < _tokens.Count;)
        {
            while (_openHrefs.TryPeek(out var open) && open.TextEndToken <= i) _openHrefs.Pop().TextEnd = _prose.Length;
            var token = _tokens[i];
            var afterComment = _afterComment;
            _afterComment = false;
            switch (token.Kind)
            {
                case Command:
                    i = ReadCommand(i);
                    continue;
                case Word or OpenBracket or CloseBracket:
                    _prose.AppendText(_text, token.Span);
                    break;
                case Space:
                    ReadSpace(token.Span, afterComment);
                    break;
                case Comment:
                    _comments.Add(token.Content.Start, token.Content.End);
                    _afterComment = true;
                    break;
                case Verbatim:
                    _prose.Space(token.Span.Start);
                    break;
                case VerbatimArgument:
                    AppendUrl(token);
                    break;
            }
            i++;
        }
        while (_openHrefs.TryPop(out var unclosed)) unclosed.TextEnd = _prose.Length;
        CloseItem(_text.Length);
        return Collect(path);
    }

    private void ReadSpace(TextSpan span, bool afterComment)
    {
        var newlines = _text.AsSpan(span.Start, span.Length).Count('\n');
        // A blank line ends a paragraph; a comment takes its line break with it, as TeX reads it.
        if (newlines >= 2 && _item is null) _prose.LineBreak(span.Start);
        else if (newlines == 0 || !afterComment) _prose.Space(span.Start);
    }

    private int ReadCommand(int i)
    {
        var token = _tokens[i];
        var name = token.Name(_text);
        if (name.Length == 1) return ReadControlSymbol(i, name[0]);
        if (LatexCommands.IsCite(name)) return ReadCite(i, LatexCommands.IsMultiCite(name));
        switch (name)
        {
            case "bibliography":
                return ReadBibliography(i);
            case "addbibresource" or "addglobalbib":
                return ReadBibResource(i);
            case "bibitem":
                return ReadBibItem(i);
            case "begin" or "end":
                return ReadEnvironment(i, name is "begin");
            case "url" or "path" or "nolinkurl":
                // The URL is read as prose, so the claims on its line are read as for any prose citation.
                return i + 1;
            case "href":
                return ReadHref(i);
            case "arxiv" or "eprint":
                return ReadIdMacro(i);
            case "iffalse":
                return SkipFalseBranch(i);
            case "par" or "item":
                _prose.LineBreak(token.Span.Start);
                break;
            case "newblock":
                _prose.Space(token.Span.Start);
                if (_item is not null) _blocks.Add(_prose.Length);
                break;
            default:
                if (LatexCommands.HasNonProseArgument(name)) return SkipArguments(i + 1);
                // A letter (\o) belongs to its word; any other command ends the word before it.
                if (TexText.Typeset(name) is { } typeset) _prose.AppendFor(typeset, token.Span);
                else _prose.Space(token.Span.Start);
                break;
        }
        // TeX takes the spaces after a control word as the end of its name, a blank line aside.
        var next = i + 1;
        if (next < _tokens.Count && _tokens[next].Is(Space) && _text.AsSpan(_tokens[next].Span.Start, _tokens[next].Span.Length).Count('\n') < 2) next++;
        return next;
    }

    private int ReadControlSymbol(int i, char symbol)
    {
        var span = _tokens[i].Span;
        switch (symbol)
        {
            case '\\' when _item is null:
                _prose.LineBreak(span.Start);
                break;
            case '\\' or ' ' or '\t' or '\r' or '\n' or ',' or ';' or ':' or '>':
                _prose.Space(span.Start);
                break;
            case '%' or '&' or '#' or '_' or '$' or '{' or '}':
                _prose.AppendFor(symbol.ToString(), span);
                break;
        }
        // Accents (\' \" \^ …) leave their letter; \- \/ \! \@ are not text.
        return i + 1;
    }

    /// <summary><c>\cite*[pre][post]{a, b}</c>: each key a citation; biblatex's <c>\cites</c> takes
    /// several such groups.</summary>
    private int ReadCite(int i, bool multi)
    {
        _prose.Space(_tokens[i].Span.Start);
        var at = SkipStar(i + 1);
        do
        {
            at = SkipOptionals(SkipBlank(at), most: 2);
            if (Group(SkipBlank(at)) is not { } group) return at;
            ReadKeys(group.Open, group.Close);
            at = group.Close + 1;
        }
        while (multi && SkipBlank(at) < _tokens.Count && _tokens[SkipBlank(at)].Kind is OpenBracket or BeginGroup);
        return at;
    }

    private void ReadKeys(int open, int close)
    {
        // A key list holding a command or a group is a macro's (\cite{\mykeys}); its text is no key.
        for (var k = open + 1; k < close; k++)
            if (_tokens[k].Kind is Command or BeginGroup or EndGroup) return;
        foreach (var key in Items(open, close))
        {
            var raw = _text.Substring(key.Start, key.Length);
            // "*" cites the whole bibliography (\nocite{*}); "#1" is a macro's parameter.
            if (raw == "*" || raw.Contains('#')) continue;
            // A key that is a prefixed id (spec §2.4) cites that paper.
            if (TextCitationFinder.FindIds(_text, key.Start, key.End).FirstOrDefault(c => c.Form == CitationForm.Prefix && c.Extent == key) is { } paper)
                _keys.Add(paper);
            else
                _keys.Add(new Citation { Span = key, Form = CitationForm.CiteKey, RawText = raw, Target = CitationTarget.UnresolvedKey.Instance });
        }
    }

    /// <summary>The comma-separated items of a group's text, whitespace and comments around them aside.</summary>
    private IEnumerable<TextSpan> Items(int open, int close)
    {
        for (var k = open + 1; k < close; k++)
        {
            if (!_tokens[k].Is(Word)) continue;
            var span = _tokens[k].Span;
            var start = span.Start;
            for (var pos = span.Start; pos <= span.End; pos++)
            {
                if (pos < span.End && _text[pos] != ',') continue;
                if (pos > start) yield return TextSpan.FromBounds(start, pos);
                start = pos + 1;
            }
        }
    }

    /// <summary><c>\bibliography{refs,more}</c>: BibTeX reads <c>refs.bib</c> and <c>more.bib</c>.</summary>
    private int ReadBibliography(int i)
    {
        if (Group(SkipBlank(i + 1)) is not { } group) return i + 1;
        foreach (var item in Items(group.Open, group.Close))
        {
            var file = _text.Substring(item.Start, item.Length);
            _bibliographies.Add(file.EndsWith(".bib", StringComparison.OrdinalIgnoreCase) ? file : file + ".bib");
        }
        return group.Close + 1;
    }

    /// <summary><c>\addbibresource[options]{refs.bib}</c>: the file as named.</summary>
    private int ReadBibResource(int i)
    {
        var at = SkipOptionals(SkipBlank(i + 1), most: 1);
        if (Group(SkipBlank(at)) is not { } group) return at;
        if (Items(group.Open, group.Close).FirstOrDefault() is { Length: > 0 } file) _bibliographies.Add(_text.Substring(file.Start, file.Length));
        return group.Close + 1;
    }

    /// <summary><c>\bibitem[label]{key}</c>: ends the entry before it and opens one.</summary>
    private int ReadBibItem(int i)
    {
        var start = _tokens[i].Span.Start;
        CloseItem(start);
        _prose.LineBreak(start);
        var at = SkipBlank(i + 1);
        TextSpan? label = null;
        if (at < _tokens.Count && _tokens[at].Is(OpenBracket) && Matching(at, OpenBracket, CloseBracket) is { } close)
        {
            label = TextSpan.FromBounds(_tokens[at].Span.End, _tokens[close].Span.Start);
            at = close + 1;
        }
        if (Group(SkipBlank(at)) is not { } group || Items(group.Open, group.Close).FirstOrDefault() is not { Length: > 0 } key) return at;
        _item = (_text.Substring(key.Start, key.Length), key, label, start, _prose.Length);
        _blocks.Clear();
        return group.Close + 1;
    }

    private void CloseItem(int end)
    {
        if (_item is not { } item) return;
        while (end > item.Start && char.IsWhiteSpace(_text[end - 1])) end--;
        var blocks = _blocks.Prepend(item.ProseStart).Append(_prose.Length).ToList();
        var proseBlocks = blocks.Zip(blocks.Skip(1), TextSpan.FromBounds).ToList();
        _items.Add(new BibItem(item.Key, item.KeySpan, item.Label, TextSpan.FromBounds(item.Start, end), proseBlocks));
        _item = null;
        _prose.LineBreak(end);
    }

    /// <summary><c>\begin{name}</c> and <c>\end{name}</c>: a line of prose ends there; the bibliography's
    /// widest label (<c>\begin{thebibliography}{99}</c>) is not prose; its end (or the document's) ends the
    /// last entry.</summary>
    private int ReadEnvironment(int i, bool begin)
    {
        var start = _tokens[i].Span.Start;
        if (Group(SkipBlank(i + 1)) is not { } group) return i + 1;
        var name = GroupText(group);
        var at = group.Close + 1;
        if (begin && name == "thebibliography" && Group(SkipBlank(at)) is { } widest) at = widest.Close + 1;
        if (!begin && name is "thebibliography" or "document") CloseItem(start);
        if (_item is null) _prose.LineBreak(start);
        return at;
    }

    /// <summary><c>\url{…}</c>'s URL as prose, set apart from the words around it.</summary>
    private void AppendUrl(TexToken argument)
    {
        _prose.Space(argument.Span.Start);
        _prose.AppendVerbatim(_text, argument.Content);
        _prose.Space(argument.Span.End);
    }

    /// <summary><c>\href{URL}{text}</c>: the URL's citations are taken now, their claims read from the text
    /// (and its line) once the prose is whole; the text is read on as prose.</summary>
    private int ReadHref(int i)
    {
        var at = SkipBlank(i + 1);
        if (at >= _tokens.Count || !_tokens[at].Is(VerbatimArgument)) return at;
        var url = _tokens[at].Content;
        var citations = TextCitationFinder.FindIds(_text, url.Start, url.End).ToList();
        if (Group(SkipBlank(at + 1)) is not { } text)
        {
            AppendUrl(_tokens[at]);
            return at + 1;
        }
        if (citations.Count == 0) return text.Open;
        _prose.Space(_tokens[i].Span.Start);
        var href = new Href(citations, _prose.Length, _prose.Length, text.Close);
        _hrefs.Add(href);
        _openHrefs.Push(href);
        return text.Open;
    }

    /// <summary><c>\arxiv{2312.00752}</c>, <c>\eprint{hep-th/9901001}</c>: the id, read as if written
    /// <c>arXiv:ID</c> (the claims of its line with it); a prefixed form inside is read as written.</summary>
    private int ReadIdMacro(int i)
    {
        var command = _tokens[i].Span;
        var at = SkipOptionals(SkipBlank(i + 1), most: 1);
        if (Group(SkipBlank(at)) is not { } group) return at;
        var content = Trimmed(TextSpan.FromBounds(_tokens[group.Open].Span.End, _tokens[group.Close].Span.Start));
        var written = _text.AsSpan(content.Start, content.Length);
        _prose.Space(command.Start);
        if (written.IndexOfAny(TextCitationFinder.Markers) >= 0)
            _prose.AppendVerbatim(_text, content);
        else if (TextCitationFinder.IsIdShaped(written.ToString()))
        {
            _prose.AppendFor("arXiv:", new TextSpan(command.Start, 0));
            _prose.AppendVerbatim(_text, content);
        }
        _prose.Space(_tokens[group.Close].Span.End);
        return group.Close + 1;
    }

    /// <summary><c>\iffalse … \fi</c> is commented out; an <c>\else</c> branch is typeset. An
    /// <c>\iffalse</c> without its <c>\fi</c> is taken for a stray command.</summary>
    private int SkipFalseBranch(int i)
    {
        _branchEnds ??= BranchEnds();
        return _branchEnds.TryGetValue(i, out var end) ? end + 1 : i + 1;
    }

    /// <summary>Where each conditional's first branch ends (its <c>\else</c> or <c>\fi</c>), by the token
    /// index of its <c>\if…</c>: one pass, however many conditionals are left open.</summary>
    private Dictionary<int, int> BranchEnds()
    {
        var ends = new Dictionary<int, int>();
        var open = new Stack<int>();
        for (var k = 0; k < _tokens.Count; k++)
        {
            if (!_tokens[k].Is(Command)) continue;
            var name = _tokens[k].Name(_text);
            if (LatexCommands.IsConditional(name)) open.Push(k);
            else if (name is "else" && open.TryPeek(out var conditional)) ends.TryAdd(conditional, k);
            else if (name is "fi" && open.TryPop(out conditional)) ends.TryAdd(conditional, k);
        }
        return ends;
    }

    /// <summary>Past a command's star, optional arguments and first argument (a group or a command).</summary>
    private int SkipArguments(int at)
    {
        at = SkipOptionals(SkipBlank(SkipStar(at)), most: 2);
        at = SkipBlank(at);
        if (Group(at) is { } group) return group.Close + 1;
        return at < _tokens.Count && _tokens[at].Is(Command) ? at + 1 : at;
    }

    private int SkipStar(int at) =>
        at < _tokens.Count && _tokens[at].Is(Word) && _tokens[at].Span.Length == 1 && _text[_tokens[at].Span.Start] == '*' ? at + 1 : at;

    /// <summary>Past spaces (no blank line) and comments between a command and its arguments.</summary>
    private int SkipBlank(int at)
    {
        while (at < _tokens.Count && (_tokens[at].Is(Comment)
            || _tokens[at].Is(Space) && _text.AsSpan(_tokens[at].Span.Start, _tokens[at].Span.Length).Count('\n') < 2))
            at++;
        return at;
    }

    private int SkipOptionals(int at, int most)
    {
        for (var n = 0; n < most && at < _tokens.Count && _tokens[at].Is(OpenBracket); n++)
        {
            if (Matching(at, OpenBracket, CloseBracket) is not { } close) break;
            at = SkipBlank(close + 1);
        }
        return at;
    }

    private (int Open, int Close)? Group(int at) =>
        at < _tokens.Count && _tokens[at].Is(BeginGroup) && Matching(at, BeginGroup, EndGroup) is { } close ? (at, close) : null;

    private int? Matching(int open, TexTokenKind opener, TexTokenKind closer)
    {
        var depth = 0;
        var limit = Math.Min(_tokens.Count, open + (opener == OpenBracket ? OptionalReach : ArgumentReach));
        for (var k = open; k < limit; k++)
        {
            if (_tokens[k].Kind == opener) depth++;
            else if (_tokens[k].Kind == closer && --depth == 0) return k;
        }
        return null;
    }

    private string GroupText((int Open, int Close) group)
    {
        var inside = Trimmed(TextSpan.FromBounds(_tokens[group.Open].Span.End, _tokens[group.Close].Span.Start));
        return _text.Substring(inside.Start, inside.Length);
    }

    private TextSpan Trimmed(TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && char.IsWhiteSpace(_text[start])) start++;
        while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }

    private ScannedDocument Collect(string path)
    {
        var prose = _prose.ToString();
        var citations = new List<Citation>();
        // The text of a link that cites through its URL is not a second citation: \href{URL}{arXiv:ID}.
        var citingTexts = _hrefs.Select(h => TextSpan.FromBounds(h.TextStart, h.TextEnd)).ToList();
        foreach (var citation in TextCitationFinder.Find(prose))
        {
            if (citingTexts.Any(t => t.Start <= citation.Span.Start && citation.Span.End <= t.End)) continue;
            // An id is written in one piece: "1706.0{}3762" reads as one in the prose, but no edit or
            // rewrite could treat the text written there as the id.
            var mapped = citation.MapSpans(_prose.ToSource);
            if (_text.AsSpan(mapped.Span.Start, mapped.Span.Length).SequenceEqual(citation.RawText)) citations.Add(mapped);
        }
        foreach (var href in _hrefs)
        {
            var claims = HrefClaims.Read(_text, prose, _prose, href.ProseStart, TextSpan.FromBounds(href.TextStart, href.TextEnd));
            citations.AddRange(href.Citations.Select(c => c with { Claim = claims.Claim, AuthorYear = claims.AuthorYear }));
        }
        citations.AddRange(_comments.Spans.SelectMany(comment => TextCitationFinder.Find(_text, comment.Text.Start, comment.Text.End)
            .Select(citation => CommentClaims.Read(_text, comment, citation))));

        var entries = new List<BibEntry>();
        foreach (var item in _items)
        {
            var inside = citations.Where(c => item.Span.Start <= c.Span.Start && c.Span.End <= item.Span.End).ToList();
            var own = item.Own(_text, inside, item.BlockClaims(prose, _prose)).ToList();
            citations.RemoveAll(c => item.Span.Start <= c.Span.Start && c.Span.End <= item.Span.End);
            citations.AddRange(own);
            entries.Add(item.ToEntry(own));
        }
        citations.AddRange(_keys);
        var seen = new HashSet<TextSpan>();
        var distinct = citations.OrderBy(c => c.Span.Start).Where(c => seen.Add(c.Span)).ToList();
        return new ScannedDocument(path, distinct, entries, [], _bibliographies)
        {
            Ignores = _comments.Ignores,
            Comments = DocumentComments.Whole(CommentStyle.Percent),
        };
    }
}
