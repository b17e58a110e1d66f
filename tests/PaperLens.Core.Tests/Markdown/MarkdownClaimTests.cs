using PaperLens.Core.Citations;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>Spec §2, title and name claims in Markdown: link text, title attributes, HTML anchors,
/// author-year entries and <c>- Name: URL</c> items. «…» marks the claim's text in the source.</summary>
public class MarkdownClaimTests
{
    [Theory]
    [InlineData("[«Attention Is All You Need»](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[*«Attention Is All You Need»*](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[«Mamba: Linear-Time Sequence Modeling»](https://arxiv.org/abs/2312.00752)")]
    [InlineData("[Transformer](https://arxiv.org/abs/1706.03762 \"«Attention Is All You Need»\")")]
    [InlineData("[this paper](https://arxiv.org/abs/1706.03762 '«Attention Is All You Need»')")]
    [InlineData("<a href=\"https://arxiv.org/abs/1706.03762\">«Attention Is All You Need»</a>")]
    [InlineData("<p>\n  <a href=\"https://arxiv.org/abs/1706.03762\">\n    «Attention Is All You Need»\n  </a>\n</p>")]
    [InlineData("<a href=\"https://arxiv.org/abs/1706.03762\"><b>«Attention Is All You Need»</b></a>")]
    [InlineData("- Gu, A., & Dao, T. (2023). «Mamba: Linear-Time Sequence Modeling with Selective State Spaces». [arXiv:2312.00752](https://arxiv.org/abs/2312.00752)")]
    [InlineData("- Gu, A., & Dao, T. (2023). «Mamba: Linear-Time Sequence Modeling with Selective State Spaces». arXiv:2312.00752")]
    [InlineData("> 1. Gu, A., & Dao, T. (2023). «Mamba: Linear-Time Sequence Modeling with Selective State Spaces». <https://arxiv.org/abs/2312.00752>")]
    [InlineData("\"«Attention Is All You Need»\" ([pdf](https://arxiv.org/pdf/1706.03762))")]
    [InlineData("[«On the Use of ArXiv as a Dataset: 1.5 Million Papers»](https://arxiv.org/abs/1905.00075)")]
    [InlineData("[vaswani]: https://arxiv.org/abs/1706.03762 \"«Attention Is All You Need»\"")]
    [InlineData("As in [«Attention Is All You Need»][vaswani].\n\n[vaswani]: https://arxiv.org/abs/1706.03762")]
    public void Reads_a_title_claim(string marked) => AssertClaim(marked, ClaimKind.Title);

    [Theory]
    [InlineData("[«Informer»](https://arxiv.org/abs/2012.07436)")]
    [InlineData("<a href=https://arxiv.org/abs/2205.01580>«SimpleViT»</a>")]
    [InlineData("- «Mamba»: https://arxiv.org/abs/2404.16789")]
    [InlineData("- «Mamba»: <https://arxiv.org/abs/2404.16789>")]
    [InlineData("- «Mamba»: [paper](https://arxiv.org/abs/2404.16789)")]
    [InlineData("> - «Mamba»: https://arxiv.org/abs/2404.16789")]
    [InlineData("Intro line\n> - first\n> - «Mamba»: https://arxiv.org/abs/2404.16789")]
    public void Reads_a_name_claim(string marked) => AssertClaim(marked, ClaimKind.Name);

    [Theory]
    [InlineData("[this paper](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[a short paper](https://arxiv.org/abs/1706.03762)")]
    [InlineData("Prior work <a href=\"https://arxiv.org/abs/1706.03762\">have found</a> that.")]
    [InlineData("[arXiv:1706.03762](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[1706.03762](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[arXiv 1706.03762v2](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[ArXiv:1706.3762](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[[paper]](https://arxiv.org/abs/1706.03762) [[code]](https://github.com/x/y)")]
    [InlineData("[![arXiv](https://img.shields.io/badge/arXiv-1706.03762-b31b1b.svg)](https://arxiv.org/abs/1706.03762)")]
    [InlineData("See [vaswani].\n\n[vaswani]: https://arxiv.org/abs/1706.03762")]
    [InlineData("We build on https://arxiv.org/abs/1706.03762 here.")]
    public void Reads_no_claim_from_descriptions_labels_and_citation_text(string text)
    {
        var (_, document) = MarkdownScan.Run(text);
        Assert.Null(Assert.Single(document.Citations).Claim);
    }

    [Fact]
    public void The_title_attribute_wins_over_link_text()
    {
        var (fixture, document) = MarkdownScan.Run("[Sequence Modeling With Transformers](https://arxiv.org/abs/1706.03762 \"«Attention Is All You Need»\")");
        var claim = Assert.Single(document.Citations).Claim;
        Assert.Equal(new Claim("Attention Is All You Need", ClaimKind.Title, fixture.Ranges[0]), claim);
    }

    [Fact]
    public void A_definition_title_wins_over_the_text_of_its_uses()
    {
        var (fixture, document) = MarkdownScan.Run(
            "[Sequence Modeling With Transformers][v]\n\n[v]: https://arxiv.org/abs/1706.03762 \"«Attention Is All You Need»\"\n");
        Assert.Equal(new Claim("Attention Is All You Need", ClaimKind.Title, fixture.Ranges[0]), Assert.Single(document.Citations).Claim);
    }

    private static void AssertClaim(string marked, ClaimKind kind)
    {
        var (fixture, document) = MarkdownScan.Run(marked);
        var claim = Assert.Single(document.Citations).Claim;
        Assert.NotNull(claim);
        Assert.Equal(kind, claim.Kind);
        Assert.Equal(fixture.Ranges[0], claim.Span);
        Assert.Equal(fixture.Slice(fixture.Ranges[0]), claim.Text);
    }
}
