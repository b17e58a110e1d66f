using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Code;
using PaperLens.Core.Scanning.Markdown;
using PaperLens.Core.Scanning.Notebook;

namespace PaperLens.Core.Tests.Code;

/// <summary>Spec §2, claims in code comments and docstrings: the shapes of Markdown and reST written there
/// (link text, wrapped over lines or not; <c>`Title &lt;URL&gt;`_</c>) and <c>Title - URL</c>,
/// <c>Title: URL</c>, <c>Title (URL)</c> on a comment line. «…» marks the claim's span.</summary>
public class CommentClaimTests
{
    private const string Attention = "Attention Is All You Need";
    private const string Mamba = "Mamba: Linear-Time Sequence Modeling with Selective State Spaces";

    [Theory]
    // Markdown links, every comment family.
    [InlineData("python", "# See [«Attention Is All You Need»](https://arxiv.org/abs/1706.03762).", Attention)]
    [InlineData("python", "def f():\n    \"\"\"Uses [«Attention Is All You Need»](<https://arxiv.org/abs/1706.03762>).\"\"\"", Attention)]
    [InlineData("c", "int x; // [«Attention Is All You Need»](https://arxiv.org/abs/1706.03762)", Attention)]
    [InlineData("rust", "/// [*«Attention Is All You Need»*](https://arxiv.org/abs/1706.03762)", Attention)]
    [InlineData("c", "/* [«Attention Is All You Need»](https://arxiv.org/abs/1706.03762) */", Attention)]
    [InlineData("lua", "-- [«Attention Is All You Need»](https://arxiv.org/abs/1706.03762)", Attention)]
    [InlineData("matlab", "% [«Attention Is All You Need»](https://arxiv.org/abs/1706.03762)", Attention)]
    // Link text wrapped over docstring lines, comment lines and block comment lines.
    [InlineData("python", "def f():\n    \"\"\"Implements the layer of [«Mamba: Linear-Time Sequence Modeling\n    with Selective State Spaces»](https://arxiv.org/abs/2312.00752).\n    \"\"\"", Mamba)]
    [InlineData("python", "# [«Mamba: Linear-Time Sequence Modeling\n# with Selective State Spaces»](https://arxiv.org/abs/2312.00752)", Mamba)]
    [InlineData("python", "x = 1\n    ## Follows [«Mamba: Linear-Time\n    ## Sequence Modeling with\n    ## Selective State Spaces»](https://arxiv.org/abs/2312.00752)", Mamba)]
    [InlineData("python", "# [«Mamba: Linear-Time Sequence Modeling\r\n# with Selective State Spaces»](https://arxiv.org/abs/2312.00752)\r\n", Mamba)]
    [InlineData("js", "  // [«Mamba: Linear-Time Sequence Modeling\n  // with Selective State Spaces»](https://arxiv.org/abs/2312.00752)", Mamba)]
    [InlineData("java", "/**\n * Based on [«Mamba: Linear-Time Sequence Modeling\n * with Selective State Spaces»](https://arxiv.org/abs/2312.00752).\n */", Mamba)]
    // reST links, named and anonymous, on one line or wrapped.
    [InlineData("python", "def f():\n    \"\"\"See `«Attention Is All You Need» <https://arxiv.org/abs/1706.03762>`_.\"\"\"", Attention)]
    [InlineData("python", "def f():\n    \"\"\"See `«Attention Is All You Need» <https://arxiv.org/pdf/1706.03762.pdf>`__.\"\"\"", Attention)]
    [InlineData("python", "def f():\n    \"\"\"\n    From `«Mamba: Linear-Time Sequence Modeling\n    with Selective State Spaces»\n    <https://arxiv.org/abs/2312.00752>`_\n    \"\"\"", Mamba)]
    [InlineData("python", "# `«Attention Is All You Need» <https://arxiv.org/abs/1706.03762>`_", Attention)]
    // A title before a separator on the comment line.
    [InlineData("python", "# «Attention Is All You Need» - https://arxiv.org/abs/1706.03762", Attention)]
    [InlineData("c", "// «Mamba: Linear-Time Sequence Modeling with Selective State Spaces»: https://arxiv.org/abs/2312.00752", Mamba)]
    [InlineData("python", "#   - «Attention Is All You Need» – https://arxiv.org/abs/1706.03762", Attention)]
    [InlineData("python", "# 2. «Attention Is All You Need» (arXiv:1706.03762)", Attention)]
    [InlineData("python", "# Paper: «Attention Is All You Need» - https://arxiv.org/abs/1706.03762", Attention)]
    [InlineData("sql", "-- «Attention Is All You Need»: arxiv.org/abs/1706.03762", Attention)]
    [InlineData("c", "/*\n * «Attention Is All You Need» — https://arxiv.org/abs/1706.03762\n */", Attention)]
    [InlineData("python", "# «Attention Is All You Need» - [arXiv](https://arxiv.org/abs/1706.03762)", Attention)]
    [InlineData("c", "// Gu, A., & Dao, T. (2023). «Mamba: Linear-Time Sequence Modeling with Selective State Spaces». [arXiv](https://arxiv.org/abs/2312.00752)", Mamba)]
    [InlineData("python", "def f():\n    \"\"\"\n    References:\n        «Attention Is All You Need» (https://arxiv.org/abs/1706.03762)\n    \"\"\"", Attention)]
    public void Reads_a_title_claim(string language, string marked, string title)
    {
        var (fixture, claim) = ClaimOf(language, marked);
        Assert.Equal(ClaimKind.Title, claim?.Kind);
        Assert.Equal(title, claim!.Text);
        Assert.Equal(fixture.Ranges[0], claim.Span);
    }

    [Theory]
    [InlineData("python", "# [«Mamba»](https://arxiv.org/abs/2312.00752)", "Mamba")]
    [InlineData("c", "// `«FlashAttention-2» <https://arxiv.org/abs/2307.08691>`_", "FlashAttention-2")]
    [InlineData("python", "# - «Mamba»: https://arxiv.org/abs/2312.00752", "Mamba")]
    public void Reads_short_link_text_and_a_list_label_as_a_name(string language, string marked, string name)
    {
        var (fixture, claim) = ClaimOf(language, marked);
        Assert.Equal(ClaimKind.Name, claim?.Kind);
        Assert.Equal(name, claim!.Text);
        Assert.Equal(fixture.Ranges[0], claim.Span);
    }

    [Theory]
    [InlineData("python", "# Code adapted from https://arxiv.org/abs/1706.03762")]
    // A docstring that credits the authors: people, not a title.
    [InlineData("python", "\"\"\"\nRandall Balestriero, Yann LeCun - https://arxiv.org/abs/1706.03762\n\"\"\"")]
    [InlineData("python", "# A. Gu and T. Dao: https://arxiv.org/abs/2312.00752")]
    [InlineData("python", "# [paper](https://arxiv.org/abs/1706.03762)")]
    [InlineData("python", "# [a short paper](https://arxiv.org/abs/1706.03762)")]
    [InlineData("python", "# [this paper](https://arxiv.org/abs/1706.03762) shows it")]
    [InlineData("python", "# TODO: https://arxiv.org/abs/1706.03762")]
    [InlineData("python", "# Paper: https://arxiv.org/abs/1706.03762")]
    [InlineData("c", "// Reference: https://arxiv.org/abs/1706.03762")]
    [InlineData("c", "// See: https://arxiv.org/abs/1706.03762")]
    [InlineData("c", "// Based on: https://arxiv.org/abs/1706.03762")]
    [InlineData("python", "# the trick described in the paper - https://arxiv.org/abs/1706.03762")]
    [InlineData("python", "# Implementation of Mamba (https://arxiv.org/abs/2312.00752)")]
    [InlineData("python", "# `see the paper <https://arxiv.org/abs/1706.03762>`_")]
    [InlineData("python", "# LSSL: discretisation follows (arXiv:2110.13985)")]
    [InlineData("python", "# Step 2: discretise as in LSSL - https://arxiv.org/abs/2110.13985")]
    [InlineData("c", "/* gates: i, f, z, o as in the critical review of RNNs (arXiv:1506.00019) */")]
    [InlineData("c", "x = y;  /* Batch-level mixing as in BatchFormer (https://arxiv.org/abs/2203.01522) */")]
    [InlineData("python", "# Attention-Is-All-You-Need-https://arxiv.org/abs/1706.03762")]
    // Link text is read across comment lines only: not out of a string, nor across a blank comment line.
    [InlineData("python", "x = \"[Mamba: Linear-Time Sequence Modeling\"\n# with Selective State Spaces](https://arxiv.org/abs/2312.00752)")]
    [InlineData("python", "# [Mamba: Linear-Time Sequence Modeling\n#\n# with Selective State Spaces](https://arxiv.org/abs/2312.00752)")]
    [InlineData("python", "y = 1  # [Mamba: Linear-Time Sequence Modeling\nz = 2  # with Selective State Spaces](https://arxiv.org/abs/2312.00752)")]
    public void Reads_no_claim_from_labels_prose_or_text_outside_the_comment(string language, string text)
    {
        var citation = Assert.Single(Scan(language, text));
        Assert.Null(citation.Claim);
    }

    [Theory]
    [InlineData("python", "url = \"https://arxiv.org/abs/1706.03762\"  # Attention Is All You Need")]
    [InlineData("python", "URLS = {\"Attention Is All You Need\": \"https://arxiv.org/abs/1706.03762\"}")]
    [InlineData("c", "const char *u = \"[Attention Is All You Need](https://arxiv.org/abs/1706.03762)\";")]
    public void A_url_in_a_string_literal_is_no_citation(string language, string text) =>
        Assert.Empty(Scan(language, text));

    [Fact]
    public void A_quoted_title_on_the_line_comes_before_a_name_in_link_text()
    {
        var (fixture, claim) = ClaimOf("python", "# \"«Attention Is All You Need»\" [Transformer](https://arxiv.org/abs/1706.03762)");
        Assert.Equal(ClaimKind.Title, claim?.Kind);
        Assert.Equal(fixture.Ranges[0], claim!.Span);
    }

    [Fact]
    public void Each_link_on_a_line_has_its_own_text()
    {
        var fixture = Fixture.Parse(
            "# [«Attention Is All You Need»](https://arxiv.org/abs/1706.03762), [«Mamba: Linear-Time Sequence Modeling with Selective State Spaces»](https://arxiv.org/abs/2312.00752)");
        Assert.Equal(fixture.Ranges, Scan("python", fixture.Text).Select(c => c.Claim!.Span));
    }

    [Fact]
    public void Reads_wrapped_link_text_in_a_markdown_code_block()
    {
        var fixture = Fixture.Parse(
            "Notes.\n\n> ```python\n> # [«Mamba: Linear-Time Sequence Modeling\n> # with Selective State Spaces»](https://arxiv.org/abs/2312.00752)\n> ```\n");
        var claim = Assert.Single(MarkdownScanner.Scan("README.md", fixture.Text).Citations).Claim;
        Assert.Equal((ClaimKind.Title, Mamba, fixture.Ranges[0]), (claim!.Kind, claim.Text, claim.Span));
    }

    [Fact]
    public void Reads_wrapped_link_text_in_a_notebook_code_cell_with_spans_in_the_notebook()
    {
        var fixture = Fixture.Parse(
            "{\"cells\":[{\"cell_type\":\"code\",\"source\":[\"# [«Mamba: Linear-Time Sequence Modeling\\n\", \"# with Selective State Spaces»](https://arxiv.org/abs/2312.00752)\"]}]}");
        var claim = Assert.Single(NotebookScanner.Scan("n.ipynb", fixture.Text).Citations).Claim;
        Assert.Equal((ClaimKind.Title, Mamba, fixture.Ranges[0]), (claim!.Kind, claim.Text, claim.Span));
    }

    private static (Fixture Fixture, Claim? Claim) ClaimOf(string language, string marked)
    {
        var fixture = Fixture.Parse(marked);
        return (fixture, Assert.Single(Scan(language, fixture.Text)).Claim);
    }

    private static List<Citation> Scan(string language, string text)
    {
        var lang = SourceLanguages.FromName(language) ?? throw new ArgumentException(language);
        return CodeScanner.Scan(text, 0, text.Length, lang).Citations.ToList();
    }
}
