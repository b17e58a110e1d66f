using System.Text;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Latex;

/// <summary>The prose of a LaTeX document as a reader sees it, each character mapped back to what was
/// written: <c>~</c> is a space, <c>``…''</c> are quotes, a single line break joins the lines of a
/// paragraph and a blank line ends it, commands and braces are gone. The citation forms and the claims
/// beside them (spec §2) are read here, on one line per paragraph, list item or bibliography entry, as
/// they are in Markdown prose.</summary>
internal sealed class TexProse
{
    private readonly StringBuilder _text = new();
    private readonly SourceMap _map = new(0);

    public int Length => _text.Length;

    public override string ToString() => _text.ToString();

    public TextSpan ToSource(TextSpan span) => _map.ToRaw(span);

    /// <summary>The prose written so far in <paramref name="span"/>.</summary>
    public string Slice(TextSpan span) => _text.ToString(span.Start, span.Length);

    /// <summary>A text token, with TeX's quotes, ties and math shifts read.</summary>
    public void AppendText(string source, TextSpan run)
    {
        for (var i = run.Start; i < run.End; i++)
        {
            var c = source[i];
            var pair = i + 1 < run.End && source[i + 1] == c;
            switch (c)
            {
                case '~' or '&':
                    Append(' ', i, i + 1);
                    break;
                case '$':
                    break;
                case '`' or '\'' when pair:
                    Append(c == '`' ? '“' : '”', i, i + 2);
                    i++;
                    break;
                case '`':
                    Append('‘', i, i + 1);
                    break;
                default:
                    Append(c, i, i + 1);
                    break;
            }
        }
    }

    /// <summary>Text as written, one character for one: a URL.</summary>
    public void AppendVerbatim(string source, TextSpan run)
    {
        for (var i = run.Start; i < run.End; i++) Append(source[i], i, i + 1);
    }

    /// <summary>Text that stands for <paramref name="written"/> as a whole: <c>ø</c> for <c>\o</c>, the
    /// <c>arXiv:</c> an <c>\arxiv{…}</c> command implies (mapped to the command's start).</summary>
    public void AppendFor(string typeset, TextSpan written)
    {
        foreach (var c in typeset) Append(c, written.Start, written.End);
    }

    /// <summary>A word space, unless one is already there.</summary>
    public void Space(int at)
    {
        if (_text.Length > 0 && !char.IsWhiteSpace(_text[^1])) Append(' ', at, at);
    }

    /// <summary>The end of a line of prose (a paragraph, an item, an entry): claims never reach across it.</summary>
    public void LineBreak(int at)
    {
        if (_text.Length == 0 || _text[^1] == '\n') return;
        if (_text[^1] == ' ') _text[^1] = '\n';
        else Append('\n', at, at);
    }

    private void Append(char c, int start, int end)
    {
        _text.Append(c);
        _map.Add(start, end);
    }
}
