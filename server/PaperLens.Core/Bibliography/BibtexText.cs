using System.Text;
using PaperLens.Core.Text;

namespace PaperLens.Core.Bibliography;

/// <summary>Catalog text (a title or a name, TeX as arXiv's authors wrote it) made safe for the inside of a
/// braced BibTeX field, <c>title = {…}</c>. The text is untrusted: an unbalanced brace would end the field or
/// swallow the rest of the file, and a line break before an <c>@</c> would start an entry in some readers.
/// TeX that is well-formed stays as written (<c>$\alpha$</c>, <c>Schr\"odinger</c>, <c>{BERT}</c>), so the
/// entry reads as arXiv's own export; non-ASCII stays as UTF-8. What LaTeX would misread when the
/// bibliography is typeset is escaped: <c>%</c> (a comment that eats the rest of the line), <c>#</c>,
/// <c>&amp;</c>, and outside math <c>_</c> and <c>^</c>; an unpaired <c>$</c>; a trailing backslash.
/// Braces are balanced by writing the unmatched ones as <c>\textbraceleft{}</c> / <c>\textbraceright{}</c>:
/// BibTeX counts braces even after a backslash, so <c>\{</c> would not do. An <c>@</c> stays: with the
/// braces balanced and the text on one line, BibTeX, biber and PaperLens's parser all read it as text
/// (BibtexToolchainTests run the first two).</summary>
public static class BibtexText
{
    private const string LeftBrace = @"\textbraceleft{}";
    private const string RightBrace = @"\textbraceright{}";

    /// <summary>The text to put between the braces of a field: one line, braces balanced.</summary>
    public static string Braced(string tex)
    {
        var text = Whitespace.Collapse(tex);
        var tokens = Tokens(text);
        var output = new StringBuilder(text.Length + 8);
        foreach (var token in tokens) output.Append(token.Text);
        return output.ToString();
    }

    private enum Brace { None, Open, Close }

    private sealed class Token(string text, Brace brace = Brace.None)
    {
        public string Text { get; set; } = text;

        public Brace Brace { get; } = brace;
    }

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>(text.Length);
        var dollars = UnescapedDollars(text);
        var lastUsableDollar = dollars.Count % 2 == 0 ? int.MaxValue : dollars[^1];
        var math = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 == text.Length:
                    tokens.Add(new Token(@"\textbackslash{}"));
                    break;
                case '\\' when text[i + 1] is '{' or '}':
                    tokens.Add(new Token(text.Substring(i, 2), text[i + 1] == '{' ? Brace.Open : Brace.Close));
                    i++;
                    break;
                case '\\' when char.IsAsciiLetter(text[i + 1]):
                    var end = i + 1;
                    while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
                    tokens.Add(new Token(text[i..end]));
                    i = end - 1;
                    break;
                case '\\':
                    // A control symbol (\%, \&, \', \\): already TeX, copied whole so its character is not escaped again.
                    tokens.Add(new Token(text.Substring(i, 2)));
                    i++;
                    break;
                case '{':
                    tokens.Add(new Token("{", Brace.Open));
                    break;
                case '}':
                    tokens.Add(new Token("}", Brace.Close));
                    break;
                case '$' when i >= lastUsableDollar:
                    tokens.Add(new Token(@"\$"));
                    break;
                case '$':
                    math = !math;
                    tokens.Add(new Token("$"));
                    break;
                case '%' or '#' or '&':
                    tokens.Add(new Token("\\" + c));
                    break;
                case '_' when !math:
                    tokens.Add(new Token(@"\_"));
                    break;
                case '^' when !math:
                    tokens.Add(new Token(@"\^{}"));
                    break;
                default:
                    if (!char.IsControl(c)) tokens.Add(new Token(c.ToString()));
                    break;
            }
        }
        Balance(tokens);
        return tokens;
    }

    // Positions of the '$' that are not written \$; a last unpaired one is text, not math.
    private static List<int> UnescapedDollars(string text)
    {
        var found = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '$') found.Add(i);
        }
        return found;
    }

    private static void Balance(List<Token> tokens)
    {
        var open = new Stack<Token>();
        foreach (var token in tokens)
        {
            if (token.Brace == Brace.Open) open.Push(token);
            else if (token.Brace == Brace.Close && !open.TryPop(out _)) token.Text = RightBrace;
        }
        foreach (var unmatched in open) unmatched.Text = LeftBrace;
    }
}
