using CsCheck;
using PaperLens.Core.Scanning.Markdown;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>Robustness (issue tests, spec §3): the scanner never throws and every range it reports lies
/// inside the text, whatever the text — random Markdown-ish soup, replacement characters, long lines.</summary>
public class MarkdownScannerPropertyTests
{
    // Pieces that exercise every path of the scanner when shuffled together.
    private static readonly string[] Pieces =
    [
        "arXiv:2312.00752", "https://arxiv.org/abs/1706.03762v2", "10.48550/arXiv.2404.16789", "arxiv.org/pdf/", "2313.00752",
        "[", "]", "(", ")", "<", ">", "![", "](", " \"", "'", "`", "```", "```python\n", "```bibtex\n", "~~~", "\n", "\r\n", "\t", "    ",
        "> ", "- ", "1. ", "* ", "# ", "| a | b |\n|---|---|\n", "---\n", "bibliography: a.bib\n", "[^1]", "[^1]: ",
        "<a href=", "<a href=\"https://arxiv.org/abs/2312.00752\">", "</a>", "<!--", "-->", "<p>", "</p>", "<div>",
        "@", "@key", "[@key]", "[-@", "@{", "}", "{", "\\", "*", "**", "_", "&amp;", "&#", "\uFFFD", "\uD800", "é", "Mamba: ", "(2023). ",
        "[label]: ", "[label]", "[x][label]", " ", "title", "www.", "http://", "mailto:",
    ];

    private static readonly Gen<string> MarkdownSoup =
        Gen.OneOf(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]), Gen.String).Array[0, 60].Select(parts => string.Concat(parts));

    [Fact]
    public void Never_throws_and_keeps_ranges_inside_the_text() =>
        MarkdownSoup.Sample(text =>
        {
            var document = MarkdownScanner.Scan("README.md", text);
            foreach (var citation in document.Citations)
            {
                Assert.InRange(citation.Span.Start, 0, text.Length);
                Assert.InRange(citation.Span.End, citation.Span.Start, text.Length);
                if (citation.Claim is { } claim) Assert.InRange(claim.Span.End, Math.Max(claim.Span.Start, 0), text.Length);
            }
            foreach (var entry in document.BibEntries) Assert.InRange(entry.Span.End, Math.Max(entry.Span.Start, 0), text.Length);
        }, iter: 3000);

    [Fact]
    public void Every_citation_range_holds_its_raw_text() =>
        MarkdownSoup.Sample(text =>
        {
            foreach (var citation in MarkdownScanner.Scan("draft.qmd", text).Citations)
                Assert.Equal(citation.RawText, text.Substring(citation.Span.Start, citation.Span.Length));
        }, iter: 3000);

    [Theory]
    [InlineData("prose with words ")]
    [InlineData("*")]
    [InlineData("[")]
    [InlineData(">")]
    [InlineData("| a ")]
    [InlineData("@a ")]
    [InlineData("\uFFFD")]
    [InlineData("_arXiv preprint \t")]
    [InlineData("arXiv：\n")]
    [InlineData("> (arXiv e-prints\n")]
    public void Survives_a_one_megabyte_line(string unit) =>
        AssertFindsTheLinkAfter(string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length)));

    [Fact]
    public void Survives_a_one_megabyte_inline_image() =>
        AssertFindsTheLinkAfter("![plot](data:image/png;base64," + new string('A', 1_000_000) + ")");

    [Fact]
    public void Reads_a_long_one_line_html_table_of_anchors_once_each()
    {
        var row = string.Concat(Enumerable.Repeat("<td><a href=\"https://arxiv.org/abs/1706.03762\">Paper</a> or arXiv:2312.00752</td>", 5000));
        var text = "<table><tr>" + row + "</tr></table>";
        var citations = MarkdownScanner.Scan("README.md", text).Citations;
        Assert.Equal(10_000, citations.Count);
        Assert.All(citations, c => Assert.Equal(c.RawText, text.Substring(c.Span.Start, c.Span.Length)));
    }

    private static void AssertFindsTheLinkAfter(string line)
    {
        var document = MarkdownScanner.Scan("draft.qmd", line + "\n\n[x](https://arxiv.org/abs/1706.03762)");
        Assert.Contains(document.Citations, c => c.Id?.Canonical == "1706.03762");
    }
}
