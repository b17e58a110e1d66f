using System.Text.RegularExpressions;
using PaperLens.Core.Scanning;
using PaperLens.Core.Scanning.Code;
using PaperLens.Core.Scanning.Latex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Completion;

/// <summary>Where a completion was asked for, which decides what the accepted item inserts.</summary>
public enum CompletionPlaceKind
{
    /// <summary>After a typed <c>arXiv:</c>: inserts the id alone.</summary>
    AfterArxivPrefix,
    /// <summary>Inside a pandoc citation <c>[@</c>: inserts a .bib entry key.</summary>
    PandocKey,
    /// <summary>Inside the braces of a LaTeX <c>\cite{</c>: inserts a key (a .bib entry's or a
    /// <c>\bibitem</c>'s), or <c>arXiv:ID</c> for a catalog paper (spec §2.4: a key that is a prefixed
    /// id cites that paper).</summary>
    LatexCiteKey,
    /// <summary>Markdown prose: inserts a link <c>[Title](https://arxiv.org/abs/ID)</c>.</summary>
    MarkdownProse,
    /// <summary>A code comment: inserts <c>arXiv:ID</c>.</summary>
    CodeComment,
}

/// <summary>The place and the query: <see cref="Query"/> is the text the user typed before the cursor on
/// its line, which an accepted item replaces.</summary>
public sealed partial record CompletionPlace(CompletionPlaceKind Kind, TextSpan Query, string QueryText)
{
    private const int MaxQueryLength = 80;
    private const int MaxLookBack = 1_000;

    /// <summary>The completion place at <paramref name="offset"/>, or null where PaperLens offers nothing.
    /// <paramref name="invoked"/>: the user asked (rather than typing a trigger character), so the word
    /// before the cursor is a query in Markdown prose and in code comments too.</summary>
    /// <remarks>The query, by place: after <c>arXiv:</c> (any file), everything typed after it on the
    /// line, leading spaces aside, unless that already starts with a complete id and more words; inside
    /// <c>[@</c>, <c>[see @</c> or <c>[@a; @</c> (Markdown), the key characters after the last <c>@</c>;
    /// inside <c>\cite{</c> or <c>\citep[p.~3]{a, </c> (LaTeX), the key after the brace or the last comma;
    /// otherwise, when invoked, the word (letters, digits, <c>-._/</c>) ending at the cursor.</remarks>
    public static CompletionPlace? Find(string path, string text, int offset, bool invoked)
    {
        if (offset < 0 || offset > text.Length) return null;
        // Only the end of a very long line is looked at: a query is short, and a request stays cheap.
        var lineStart = Math.Max(offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1, offset - MaxLookBack);
        var before = text[lineStart..offset];
        var markdown = DocumentScanner.IsMarkdown(path);

        if (markdown && PandocKey().Match(before) is { Success: true } key)
            return At(CompletionPlaceKind.PandocKey, lineStart + key.Groups["q"].Index, key.Groups["q"].Value);

        if (LatexScanner.Reads(path) && CiteKeyPlace.At(text, offset) is { } citeKey)
            return At(CompletionPlaceKind.LatexCiteKey, citeKey.Start, text.Substring(citeKey.Start, citeKey.Length));

        var arxiv = before.LastIndexOf("arXiv:", StringComparison.OrdinalIgnoreCase);
        if (arxiv >= 0 && (arxiv == 0 || !char.IsLetterOrDigit(before[arxiv - 1])))
        {
            var typed = before[(arxiv + "arXiv:".Length)..];
            var leading = typed.Length - typed.TrimStart().Length;
            var query = typed[leading..];
            if (query.Length <= MaxQueryLength && !NotAQuery().IsMatch(query) && !CompleteIdThenMore().IsMatch(query))
                return At(CompletionPlaceKind.AfterArxivPrefix, lineStart + arxiv + "arXiv:".Length + leading, query);
        }

        if (!invoked) return null;
        var kind = markdown ? CompletionPlaceKind.MarkdownProse
            : SourceLanguages.FromFileName(path) is not null && InComment(before) ? CompletionPlaceKind.CodeComment
            : (CompletionPlaceKind?)null;
        if (kind is null) return null;
        var start = before.Length;
        while (start > 0 && (char.IsLetterOrDigit(before[start - 1]) || before[start - 1] is '-' or '.' or '_' or '/')) start--;
        return At(kind.Value, lineStart + start, before[start..]);
    }

    private static CompletionPlace At(CompletionPlaceKind kind, int start, string query) =>
        new(kind, new TextSpan(start, query.Length), query);

    // A line comment marker or a block comment's continuation before the cursor; the scanners' lexers
    // know strings, but a request on one line needs only this much.
    private static bool InComment(string before)
    {
        var trimmed = before.TrimStart();
        return trimmed.StartsWith('*') || trimmed.StartsWith("\"\"\"", StringComparison.Ordinal)
            || before.Contains('#') || before.Contains("//", StringComparison.Ordinal) || before.Contains("/*", StringComparison.Ordinal)
            || before.Contains("--", StringComparison.Ordinal) || before.Contains('%');
    }

    [GeneratedRegex(@"\[(?:[^\[\]\n]*[\s;])?@(?<q>[^\s\[\];,@]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PandocKey();

    [GeneratedRegex(@"[()\[\]{}<>""'`,;|]", RegexOptions.CultureInvariant)]
    private static partial Regex NotAQuery();

    [GeneratedRegex(@"^(?:\d{4}\.\d{4,5}|[a-zA-Z-]+(?:\.[a-zA-Z]{2})?/\d{7})(?:v\d+)?\s", RegexOptions.CultureInvariant)]
    private static partial Regex CompleteIdThenMore();
}
