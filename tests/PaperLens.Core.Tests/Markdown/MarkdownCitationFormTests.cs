using PaperLens.Core.Citations;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>Spec §2.1-2.2 and §3 (Markdown): every place an id can stand in a Markdown file, with the
/// id's exact source range — inside containers whose lines carry prefixes too.</summary>
public class MarkdownCitationFormTests
{
    [Theory]
    [InlineData("Read [the paper](https://arxiv.org/abs/«1706.03762») first.", CitationForm.Url)]
    [InlineData("Read [the paper](<https://arxiv.org/abs/«1706.03762»>) first.", CitationForm.Url)]
    [InlineData("![first page](https://arxiv.org/pdf/«1706.03762».pdf)", CitationForm.Url)]
    [InlineData("Autolink <https://arxiv.org/abs/«1706.03762»> here.", CitationForm.Url)]
    [InlineData("Bare https://arxiv.org/abs/«1706.03762», then text.", CitationForm.Url)]
    [InlineData("Bare www.arxiv.org/abs/«1706.03762» without scheme.", CitationForm.Url)]
    [InlineData("Bare arxiv.org/pdf/«1706.03762v5».pdf without www.", CitationForm.Url)]
    [InlineData("Prefixed arXiv:«1706.03762» in prose.", CitationForm.Prefix)]
    [InlineData("DOI 10.48550/arXiv.«1706.03762» in prose.", CitationForm.Doi)]
    [InlineData("# Transformers (arXiv:«1706.03762»)", CitationForm.Prefix)]
    [InlineData("Setext heading arXiv:«1706.03762»\n===", CitationForm.Prefix)]
    [InlineData("In a code span: `arXiv:«1706.03762»`.", CitationForm.Prefix)]
    [InlineData("In emphasis: **see arXiv:«1706.03762»**.", CitationForm.Prefix)]
    [InlineData("- one\n- two\n  - nested arXiv:«1706.03762»", CitationForm.Prefix)]
    [InlineData("> quoted\n> - item\n>   - nested https://arxiv.org/abs/«1706.03762»", CitationForm.Url)]
    [InlineData("> first line of a quote\n> second line [x](https://arxiv.org/abs/«1706.03762»)", CitationForm.Url)]
    [InlineData("1. first\n2. second\n\n   > quoted in a list: arXiv:«1706.03762»", CitationForm.Prefix)]
    [InlineData("| Model | Paper |\n|---|---|\n| Transformer | [arXiv](https://arxiv.org/abs/«1706.03762») |", CitationForm.Url)]
    [InlineData("| Model | Paper |\n|---|---|\n| Transformer | arXiv:«1706.03762» |", CitationForm.Prefix)]
    [InlineData("Text[^1].\n\n[^1]: See arXiv:«1706.03762».", CitationForm.Prefix)]
    [InlineData("Text[^note].\n\n[^note]:\n    Indented footnote https://arxiv.org/abs/«1706.03762»", CitationForm.Url)]
    [InlineData("Read <a href=\"https://arxiv.org/abs/«1706.03762»\">it</a> now.", CitationForm.Url)]
    [InlineData("<p align=\"center\">\n<a target=\"_blank\" href=https://arxiv.org/abs/«1706.03762»>Paper</a>\n</p>", CitationForm.Url)]
    [InlineData("<div><a class='btn' href='https://arxiv.org/pdf/«1706.03762»' rel=noopener>PDF</a></div>", CitationForm.Url)]
    [InlineData("<p>\nSee arXiv:«1706.03762» for details.\n</p>", CitationForm.Prefix)]
    [InlineData("---\ntitle: Notes\npaper: https://arxiv.org/abs/«1706.03762»\n---\n# Notes", CitationForm.Url)]
    [InlineData("[vaswani]: https://arxiv.org/abs/«1706.03762» \"Attention Is All You Need\"", CitationForm.Url)]
    [InlineData("In emphasis: _arXiv:«1706.03762»_.", CitationForm.Prefix)]
    [InlineData("In strong emphasis: __arXiv:«1706.03762»__.", CitationForm.Prefix)]
    [InlineData("Struck: ~~arXiv:«1706.03762»~~.", CitationForm.Prefix)]
    [InlineData("In a code span: `https://hf.co/papers/«1706.03762»`.", CitationForm.Url)]
    [InlineData("Hard-wrapped prose cites it (arXiv:\n«1706.03762») on the next line.", CitationForm.Prefix)]
    [InlineData("Hard-wrapped with trailing spaces arXiv  \n  «1706.03762» here.", CitationForm.Prefix)]
    [InlineData("> A quote wrapped (arXiv:\n> «1706.03762») inside it.", CitationForm.Prefix)]
    [InlineData("- a list item wrapped (arXiv preprint\n  «1706.03762») inside it", CitationForm.Prefix)]
    [InlineData("Wrapped _arXiv:\n«1706.03762»_ in emphasis.", CitationForm.Prefix)]
    [InlineData("<p>\nSee arXiv:\n«1706.03762» for details.\n</p>", CitationForm.Prefix)]
    public void Finds_the_id_once_with_its_source_range(string marked, CitationForm form)
    {
        var (fixture, document) = MarkdownScan.Run(marked);
        var citation = Assert.Single(document.Citations);
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Equal("1706.03762", citation.Id?.Canonical);
        Assert.Equal(form, citation.Form);
    }

    [Theory]
    [InlineData("[arXiv:1706.03762](https://arxiv.org/abs/«1706.03762»)")]
    [InlineData("[https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/«1706.03762»)")]
    [InlineData("<a href=\"https://arxiv.org/abs/«1706.03762»\">arXiv:1706.03762</a>")]
    [InlineData("[![arXiv](https://img.shields.io/badge/arXiv-1706.03762-b31b1b.svg)](https://arxiv.org/abs/«1706.03762»)")]
    [InlineData("<a href=\"https://arxiv.org/abs/«1706.03762»\"><img src=\"https://img.shields.io/badge/arXiv-1706.03762-red\"></a>")]
    [InlineData("[arXiv:«1706.03762»](https://github.com/tensorflow/tensor2tensor)")]
    public void A_citation_written_as_link_and_as_text_counts_once(string marked)
    {
        var (fixture, document) = MarkdownScan.Run(marked);
        Assert.Equal(fixture.Ranges[0], Assert.Single(document.Citations).Span);
    }

    [Fact]
    public void A_reference_definition_is_the_citation_and_its_uses_are_not()
    {
        var (fixture, document) = MarkdownScan.Run(
            "See [the transformer][vaswani] and [vaswani].\n\n[vaswani]: https://arxiv.org/abs/«1706.03762v5» \"Attention Is All You Need\"\n");
        var citation = Assert.Single(document.Citations);
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Equal(CitationRole.ReferenceDefinition, citation.Role);
        Assert.Equal("vaswani", citation.Label);
        Assert.Equal(5, citation.Version);
    }

    [Fact]
    public void Two_definitions_of_one_paper_are_two_citations_for_the_duplicate_rule()
    {
        var (fixture, document) = MarkdownScan.Run(
            "[a]: https://arxiv.org/abs/«1706.03762»\n[b]: https://arxiv.org/pdf/«1706.03762»\n");
        Assert.Equal(fixture.Ranges, document.Citations.Select(c => c.Span));
        Assert.All(document.Citations, c => Assert.Equal(CitationRole.ReferenceDefinition, c.Role));
        Assert.Equal(["a", "b"], document.Citations.Select(c => c.Label));
    }

    [Fact]
    public void Citations_come_in_document_order()
    {
        var (fixture, document) = MarkdownScan.Run(
            "[r]: https://arxiv.org/abs/«1409.3215»\n\n# arXiv:«2312.00752»\n\n<p><a href=\"https://arxiv.org/abs/«1706.03762»\">x</a></p>\n\n> [y](https://arxiv.org/abs/«2404.16789»)\n");
        Assert.Equal(fixture.Ranges, document.Citations.Select(c => c.Span));
    }

    [Fact]
    public void A_malformed_id_in_a_link_is_kept_with_its_reason()
    {
        var (fixture, document) = MarkdownScan.Run("[paper](https://arxiv.org/abs/«2313.00752»)");
        var citation = Assert.Single(document.Citations);
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Null(citation.Id);
        Assert.Contains("month", citation.MalformedReason);
    }

    [Theory]
    [InlineData("Version 1706.03762 of the package, pi is 3.14159.")]
    [InlineData("```\narXiv:1706.03762\n```")]
    [InlineData("```text-unknown-language\narXiv:1706.03762\n```")]
    [InlineData("Indented code:\n\n    arXiv:1706.03762\n")]
    [InlineData("<!-- arXiv:1706.03762 -->")]
    [InlineData("[text](https://example.org/abs/1706.03762)")]
    [InlineData("<a href=\"https://github.com/org/repo\">code</a> and <img src=\"https://arxiv.org/abs/1706.03762.png\">")]
    [InlineData("Two paragraphs, arXiv:\n\n1706.03762 is a number.")]
    [InlineData("A link [to myarXiv:](https://example.org/arxiv:)\n1706.03762 is a number.")]
    [InlineData("see notbrowse.arxiv.org/abs/1706.03762 for the mirror")]
    public void Finds_nothing_where_spec_says_there_is_nothing(string text) =>
        Assert.Empty(MarkdownScan.Run(text).Document.Citations);

    [Fact]
    public void A_citation_wrapped_over_a_line_break_has_its_whole_extent_and_its_title()
    {
        var (fixture, document) = MarkdownScan.Run("> \"«Attention Is All You Need»\" («arXiv:\n> 1706.03762»)\n");
        var citation = Assert.Single(document.Citations);
        Assert.Equal(fixture.Ranges[1], citation.Extent);
        Assert.Equal(new Claim("Attention Is All You Need", ClaimKind.Title, fixture.Ranges[0]), citation.Claim);
    }

    [Fact]
    public void A_long_line_keeps_the_extent_of_its_citations_in_the_document()
    {
        var (fixture, document) = MarkdownScan.Run("# Notes\n\n" + new string('x', 5000) + " «arXiv:1706.03762» and [link](https://example.org)\n");
        Assert.Equal(fixture.Ranges[0], Assert.Single(document.Citations).Extent);
    }

    [Fact]
    public void Offsets_survive_windows_line_endings()
    {
        var fixture = Fixture.Parse("# Title\r\n\r\n> quote\r\n> [x](https://arxiv.org/abs/«1706.03762»)\r\n\r\n- arXiv:«2312.00752»\r\n\r\nWrapped arXiv:\r\n«2404.16112».\r\n");
        var document = PaperLens.Core.Scanning.Markdown.MarkdownScanner.Scan("README.md", fixture.Text);
        Assert.Equal(fixture.Ranges, document.Citations.Select(c => c.Span));
    }
}
