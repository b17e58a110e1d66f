using PaperLens.Core.Citations;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>Spec §3, fenced code blocks: bibtex blocks as BibTeX, known languages as their comments,
/// everything else not at all.</summary>
public class MarkdownCodeBlockTests
{
    [Theory]
    [InlineData("```python\n# Mamba, arXiv:«2312.00752»\nurl = \"https://arxiv.org/abs/1706.03762\"\n```")]
    [InlineData("~~~py\ndef f():\n    \"\"\"See arXiv:«2312.00752».\"\"\"\n    return \"arXiv:1706.03762\"\n~~~")]
    [InlineData("```{python}\n# arXiv:«2312.00752»\n```")]
    [InlineData("```cpp\n// arXiv:«2312.00752»\nconst char* u = \"https://arxiv.org/abs/1706.03762\";\n```")]
    [InlineData("> ```python\n> x = \"arXiv:1706.03762\"\n> # arXiv:«2312.00752»\n> ```")]
    [InlineData("- step\n\n  ```python\n  # arXiv:«2312.00752»\n  ```")]
    public void Reads_only_the_comments_of_a_code_block(string marked)
    {
        var (fixture, document) = MarkdownScan.Run(marked);
        Assert.Equal(fixture.Ranges, document.Citations.Select(c => c.Span));
        Assert.All(document.Citations, c => Assert.Equal("2312.00752", c.Id?.Canonical));
    }

    [Fact]
    public void Reads_a_bibtex_block_as_bibtex()
    {
        var (fixture, document) = MarkdownScan.Run("""
            ## Citation

            ```bibtex
            @article{gu2023mamba,
              title={Mamba: Linear-Time Sequence Modeling with Selective State Spaces},
              author={Gu, Albert and Dao, Tri},
              journal={arXiv preprint arXiv:«2312.00752»},
              year={2023}
            }
            ```
            """);
        var citation = Assert.Single(document.Citations);
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Equal(CitationForm.Bibtex, citation.Form);
        Assert.Equal(ClaimKind.Title, citation.Claim?.Kind);
        Assert.Equal("gu2023mamba", Assert.Single(document.BibEntries).Key);
    }

    [Theory]
    [InlineData("```\n@article{vaswani2017,\n  title = {Attention Is All You Need},\n  journal = {arXiv preprint arXiv:«1706.03762»}\n}\n```")]
    [InlineData("```text\n\n  @misc{vaswani2017, eprint = {«1706.03762»}, archivePrefix = {arXiv}}\n```")]
    [InlineData("~~~txt\n@inproceedings{vaswani2017,\n  url = {https://arxiv.org/abs/«1706.03762»}\n}\n~~~")]
    [InlineData("```plain\n@Misc (vaswani2017, eprint = {«1706.03762»}, archivePrefix = {arXiv})\n```")]
    [InlineData("> ```\n> @article{vaswani2017,\n>   journal = {arXiv preprint arXiv:«1706.03762»}\n> }\n> ```")]
    // The language written on the block's first line instead of after the fence.
    [InlineData("```\nbibtex\n@misc{vaswani2017,\n  eprint={«1706.03762»},\n  archivePrefix={arXiv}\n}\n```")]
    // The entry's first line written on the fence's line, and its closing fence after the brace.
    [InlineData("```@misc{vaswani2017,\n  eprint={«1706.03762»},\n  archivePrefix={arXiv}\n}```\n\nMore text.\n\n```\nend\n```")]
    public void Reads_an_untagged_or_plain_text_block_that_starts_with_an_entry_as_bibtex(string marked)
    {
        var (fixture, document) = MarkdownScan.Run(marked);
        var citation = Assert.Single(document.Citations);
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Equal(CitationForm.Bibtex, citation.Form);
        Assert.Equal("vaswani2017", Assert.Single(document.BibEntries).Key);
        Assert.Empty(document.Problems);
    }

    [Theory]
    [InlineData("```\nCite as arXiv:1706.03762:\n@article{vaswani2017, eprint = {1706.03762}, archivePrefix = {arXiv}}\n```")]
    [InlineData("```console\n@article{vaswani2017, eprint = {1706.03762}, archivePrefix = {arXiv}}\n```")]
    [InlineData("```\n@decorator\ndef f(): pass  # arXiv:1706.03762\n```")]
    [InlineData("```\nuser@host:~$ echo arXiv:1706.03762\n```")]
    [InlineData("```\nbibtex is a format; see arXiv:1706.03762\n```")]
    public void Other_untagged_blocks_are_still_not_read(string text)
    {
        var document = MarkdownScan.Run(text).Document;
        Assert.Empty(document.Citations);
        Assert.Empty(document.BibEntries);
    }

    [Fact]
    public void Reads_a_bib_block_inside_a_block_quote_without_its_prefixes()
    {
        var (fixture, document) = MarkdownScan.Run("""
            > ```bib
            > @misc{vaswani2017,
            >   title = {Attention Is All You Need},
            >   eprint = {«1706.03762»},
            >   archivePrefix = {arXiv}
            > }
            > ```
            """);
        Assert.Equal(fixture.Ranges[0], Assert.Single(document.Citations).Span);
        var entry = Assert.Single(document.BibEntries);
        Assert.DoesNotContain(">", entry.Fields["title"]);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void Reports_a_broken_entry_of_a_bibtex_block_and_reads_the_rest()
    {
        var (fixture, document) = MarkdownScan.Run("""
            ```bibtex
            @article{broken,
              title = {Unclosed
            @misc{ok, eprint = {«1706.03762»}, archivePrefix = {arXiv}}
            ```
            """);
        Assert.Contains(document.Citations, c => c.Span == fixture.Ranges[0]);
        Assert.NotEmpty(document.Problems);
    }
}
