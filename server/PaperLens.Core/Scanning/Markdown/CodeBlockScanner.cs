using Markdig.Syntax;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Scanning.Code;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Fenced code blocks (spec §3): <c>bibtex</c>/<c>bib</c> blocks as BibTeX, and so blocks with
/// no info string or a plain-text one that start with an entry (most READMEs do not tag their citation
/// block); blocks of a known language as that language's comments; the rest (other untagged blocks,
/// unknown languages, indented blocks) not at all.</summary>
internal static class CodeBlockScanner
{
    public static void ScanAll(string text, IReadOnlyList<FencedCodeBlock> blocks, CitationSink sink)
    {
        if (blocks.Count == 0) return;
        var source = WithoutContainerPrefixes(text, blocks);
        foreach (var block in blocks) Scan(text, source, block, sink);
    }

    /// <param name="text">The document, which Markdig's lines refer to.</param>
    /// <param name="source">What the scanners read: the document with container prefixes blanked.</param>
    private static void Scan(string text, string source, FencedCodeBlock block, CitationSink sink)
    {
        var language = InfoLanguage(block.Info);
        var lines = SourceLines.Of(block, text).ToList();
        if (lines.Count == 0) return;
        var (start, end) = (lines[0].Start, lines[^1].End);
        // "```@misc{key," puts the entry's first line where the info string belongs.
        if (block.Info is { } info && info.StartsWith('@') && InfoStart(text, block) is { } infoStart && infoStart < start)
            start = infoStart;
        var bibtex = language is "bibtex" or "bib"
            || (language is "" or "text" or "txt" or "plain" || language.StartsWith('@')) && BibtexScanner.StartsWithEntry(source, start, end);
        if (bibtex)
        {
            var bib = BibtexScanner.Scan(source, start, end);
            foreach (var citation in bib.Citations) sink.Add(citation);
            sink.Entries.AddRange(bib.Entries);
            sink.Problems.AddRange(bib.Problems);
            sink.Ignores.AddRange(bib.Ignores);
            sink.CommentStretches.Add((TextSpan.FromBounds(start, end), CommentStyle.Bibtex));
        }
        else if (SourceLanguages.FromName(language) is { } sourceLanguage)
        {
            var code = CodeScanner.Scan(source, start, end, sourceLanguage);
            foreach (var citation in code.Citations) sink.Add(citation);
            sink.Ignores.AddRange(code.Ignores);
            sink.CommentStretches.Add((TextSpan.FromBounds(start, end), CodeScanner.CommentStyleOf(sourceLanguage)));
        }
    }

    /// <summary>Where the info string starts on the fence's line: after the fence's backticks or tildes.</summary>
    private static int? InfoStart(string text, FencedCodeBlock block)
    {
        var at = block.Span.Start;
        if (at < 0 || at >= text.Length) return null;
        while (at < text.Length && text[at] is ' ' or '\t') at++;
        while (at < text.Length && text[at] == block.FencedChar) at++;
        while (at < text.Length && text[at] is ' ' or '\t') at++;
        return at < text.Length && text[at] == '@' ? at : null;
    }

    /// <summary><c>python</c>, <c>{python}</c>, <c>{r, echo=FALSE}</c>, <c>{.python .numberLines}</c> → the language name.</summary>
    internal static string InfoLanguage(string? info)
    {
        if (string.IsNullOrWhiteSpace(info)) return "";
        var word = info.Trim().TrimStart('{').Split([' ', '\t', ',', '}'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return word.TrimStart('.').ToLowerInvariant();
    }

    /// <summary>A code block inside a block quote or list has container prefixes (<c>&gt; </c>) in its
    /// source range that are not code. The scanners read one contiguous range, so they get a copy of the
    /// document with those prefixes blanked: same length, same offsets, no <c>&gt;</c> in the code.
    /// One copy serves all blocks, so this stays linear however many blocks are nested.</summary>
    private static string WithoutContainerPrefixes(string text, IReadOnlyList<FencedCodeBlock> blocks)
    {
        char[]? copy = null;
        foreach (var block in blocks)
        {
            var lines = SourceLines.Of(block, text).ToList();
            for (var i = 1; i < lines.Count; i++)
                for (var p = lines[i - 1].End; p < lines[i].Start; p++)
                    if (!char.IsWhiteSpace(text[p]))
                        (copy ??= text.ToCharArray())[p] = ' ';
        }
        return copy is null ? text : new string(copy);
    }
}
