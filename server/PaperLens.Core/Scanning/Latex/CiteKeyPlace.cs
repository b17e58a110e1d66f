using PaperLens.Core.Text;
using static PaperLens.Core.Scanning.Latex.TexTokenKind;

namespace PaperLens.Core.Scanning.Latex;

/// <summary>Whether a cursor stands in the key list of a <c>\cite</c>-family command, and the key typed so
/// far: what completion replaces. Read with the tokenizer from the start of a line shortly before the
/// cursor, so a key list over several lines counts and a <c>\cite{</c> in a comment or <c>\verb</c> does not.</summary>
public static class CiteKeyPlace
{
    // Key lists are short; a request stays cheap on a long line.
    private const int LookBack = 1_000;

    /// <summary>The key before <paramref name="offset"/> (from the <c>{</c> or the last comma, spaces aside),
    /// or null when the cursor is not in a <c>\cite</c>'s braces.</summary>
    public static TextSpan? At(string text, int offset)
    {
        if (offset <= 0 || offset > text.Length) return null;
        var start = 0;
        if (offset > LookBack)
        {
            var newline = text.IndexOf('\n', offset - LookBack, LookBack);
            start = newline < 0 ? offset - LookBack : newline + 1;
        }
        var tokens = TexTokenizer.Tokenize(text, start, offset);
        var open = -1;
        var depth = 0;
        for (var k = tokens.Count - 1; k >= 0 && open < 0; k--)
        {
            if (tokens[k].Is(EndGroup)) depth++;
            else if (tokens[k].Is(BeginGroup) && depth-- == 0) open = k;
        }
        if (open < 0 || !IsCiteAt(text, tokens, open - 1)) return null;
        for (var k = open + 1; k < tokens.Count; k++)
        {
            // A comment may stand between keys, but a cursor in one is not in the key list.
            var between = tokens[k].Is(Comment) && k < tokens.Count - 1;
            if (tokens[k].Kind is not (Word or Space) && !between) return null;
        }
        var queryStart = offset;
        while (queryStart > tokens[open].Span.End && text[queryStart - 1] != ',' && !char.IsWhiteSpace(text[queryStart - 1])) queryStart--;
        return TextSpan.FromBounds(queryStart, offset);
    }

    // Back from the group: spaces, optional arguments, a star, then the command.
    private static bool IsCiteAt(string text, List<TexToken> tokens, int k)
    {
        for (var arguments = 0; k >= 0 && arguments < 3; arguments++)
        {
            while (k >= 0 && tokens[k].Is(Space)) k--;
            if (k < 0 || !tokens[k].Is(CloseBracket)) break;
            while (k >= 0 && !tokens[k].Is(OpenBracket)) k--;
            k--;
        }
        if (k >= 0 && tokens[k].Is(Word) && text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length) is "*") k--;
        return k >= 0 && tokens[k].Is(Command) && LatexCommands.IsCite(tokens[k].Name(text));
    }
}
