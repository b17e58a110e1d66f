using CsCheck;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Markdown;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>The scan leaves unparsed the inlines of paragraphs and headings that hold nothing it reads
/// there (<see cref="InlinesWhereMarked"/>); what it finds is what it finds with every block's inlines
/// parsed: citations, claims (a reference link's text in another paragraph included), keys, ignore
/// comments and comment styles.</summary>
public class InlinesWhereMarkedPropertyTests
{
    // Whole blocks of prose with and without markers, and the syntax that reaches across blocks.
    private static readonly string[] Pieces =
    [
        "Plain prose about state space models.\n", "A second line of the same paragraph.\n", "\n", "\n\n",
        "# Heading\n", "Setext heading\n===\n", "Another\n---\n", "> quoted prose\n", "- item prose\n", "1. numbered\n",
        "As in [Attention Is All You Need][v].\n", "[v]: https://arxiv.org/abs/1706.03762\n", "[w]: https://example.org\n",
        "See [the paper][w] and [v].\n", "[Mamba]\n", "[mamba]: https://arxiv.org/abs/2312.00752 \"Mamba\"\n",
        "A note.[^1]\n", "[^1]: arXiv:2404.16789\n", "[^2]: Plain footnote.\n",
        "Cited as arXiv:2312.00752 here.\n", "Written \"Attention Is All You Need\" (arXiv:1706.03762).\n",
        "(arXiv:\n", "2312.00752)\n", "https://arxiv.org/abs/1706.03762v2\n", "<https://arxiv.org/abs/2404.16789>\n",
        "[@key] and @other\n", "see [-@vaswani2017, p. 3]\n", "<!-- paperlens-ignore PL003 -->\n", "text <!-- paperlens-ignore --> more\n",
        "<a href=\"https://arxiv.org/abs/2312.00752\">Mamba</a>\n", "| a | b |\n|---|---|\n| arXiv:2312.00752 | x |\n", "| c | d |\n|---|---|\n| e | f |\n",
        "```python\n# arXiv:1706.03762\n```\n", "    indented code arXiv:2312.00752\n", "---\nbibliography: refs.bib\n---\n",
        "- [ ] task\n", "~~struck~~ and ==marked==\n", "*emphasis\n", "continued*\n", "\\[escaped]\n", "&#91;entity&#93;\n",
    ];

    private static readonly Gen<string> Documents =
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[1, 30].Select(parts => string.Concat(parts));

    [Fact]
    public void Finds_what_a_scan_with_every_inline_parsed_finds() =>
        Documents.Sample(text =>
        {
            foreach (var path in new[] { "README.md", "draft.qmd" })
            {
                if (!MarkdownScanner.HasMarkers(text)) continue;
                var everyInline = new CitationSink();
                MarkdownWalker.Walk(Markdig.Markdown.Parse(text, MarkdownScanner.Syntax().Build()), text, MarkdownScanner.ReadsBareKeys(path), everyInline);
                AssertSame(everyInline.ToDocument(path), MarkdownScanner.Scan(path, text));
            }
        }, iter: 2000);

    [Fact]
    public void A_reference_link_in_prose_without_a_marker_still_claims_its_definition()
    {
        var (fixture, document) = MarkdownScan.Run("As in [«Attention Is All You Need»][v], a plain paragraph.\n\nMore prose.\n\n[v]: https://arxiv.org/abs/1706.03762\n");
        var citation = Assert.Single(document.Citations);
        Assert.Equal(fixture.Ranges[0], citation.Claim?.Span);
    }

    private static void AssertSame(ScannedDocument expected, ScannedDocument actual)
    {
        Assert.Equal(expected.Citations, actual.Citations);
        Assert.Equal(expected.BibEntries.Count, actual.BibEntries.Count);
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.Bibliographies, actual.Bibliographies);
        Assert.Equal(expected.Ignores.Select(i => (i.Covers, string.Join(",", i.Codes), i.CodesEnd)), actual.Ignores.Select(i => (i.Covers, string.Join(",", i.Codes), i.CodesEnd)));
        Assert.Equal(expected.Comments.Stretches, actual.Comments.Stretches);
    }
}
