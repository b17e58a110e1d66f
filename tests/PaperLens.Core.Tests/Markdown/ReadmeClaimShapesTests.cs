using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>Spec §2 as real READMEs and awesome-lists write claims: venue and date tags cut, names with
/// their acronyms and model sizes, author-year link text, awesome-list lines and paper cards.
/// «…» marks the claim's text in the source.</summary>
public class ReadmeClaimShapesTests
{
    [Theory]
    [InlineData("[ECCV 2022] [«Masked Autoencoders Are Scalable Vision Learners»](https://arxiv.org/abs/2111.06377)")]
    [InlineData("[[ECCV 2022] «Masked Autoencoders Are Scalable Vision Learners»](https://arxiv.org/abs/2111.06377)")]
    [InlineData("[«Masked Autoencoders Are Scalable Vision Learners» (CVPR 2022 Oral)](https://arxiv.org/abs/2111.06377)")]
    [InlineData("- (arXiv 23.12.01) «Mamba: Linear-Time Sequence Modeling with Selective State Spaces» [Paper](https://arxiv.org/abs/2312.00752)")]
    [InlineData("- [ICML 2024] «Transformers are SSMs: Generalized Models and Efficient Algorithms» [[paper](https://arxiv.org/abs/2405.21060)] [[code](https://github.com/x/y)]")]
    [InlineData("* **[NeurIPS'23]** «Efficiently Modeling Long Sequences with Structured State Spaces», [arXiv](https://arxiv.org/abs/2111.00396)")]
    [InlineData("1. (ICLR 2022) «Efficiently Modeling Long Sequences with Structured State Spaces» arXiv:2111.00396")]
    [InlineData("**Title:** «Mamba: Linear-Time Sequence Modeling with Selective State Spaces»\n**Authors:** Albert Gu, Tri Dao\n**Paper:** https://arxiv.org/abs/2312.00752")]
    [InlineData("- Title: «Mamba: Linear-Time Sequence Modeling with Selective State Spaces»\n- Venue: COLM 2024\n- Paper: [arXiv](https://arxiv.org/abs/2312.00752)")]
    [InlineData("* «What Can Large Language Models Tell Us about Time Series Analysis», in *arXiv* 2024. [\\[paper\\]](https://arxiv.org/abs/2402.02713)")]
    [InlineData("- (2023-05) **«Mamba: Linear-Time Sequence Modeling with Selective State Spaces»** [paper](https://arxiv.org/abs/2312.00752)")]
    [InlineData("Title: `«OLAPH: Improving Factuality in Biomedical Long-form Question Answering»`\n\nPaper: https://arxiv.org/abs/2405.12701")]
    [InlineData("- team, A. (2024). «Large Concept Models: Language Modeling in a Sentence Representation Space». arXiv:2412.08821")]
    [InlineData("* «Robust Widget Detection via Decomposition», KDD'20 MiLeTS. [\\[paper\\]](https://arxiv.org/abs/2002.09545)")]
    [InlineData("- This note reuses the trick proposed in the \"«Magpie: Alignment Data Synthesis from Scratch»\" paper ([https://arxiv.org/abs/2406.08464](https://arxiv.org/abs/2406.08464))")]
    [InlineData("* «Deep Factors for Forecasting», ICML'19. [\\[paper\\]](https://arxiv.org/abs/1905.12417)")]
    [InlineData("Title: «Measuring Massive Multitask Language Understanding»\n\nA benchmark of 57 subjects.\n\nAbstract: https://arxiv.org/abs/2009.03300")]
    [InlineData("* «Approaches and Applications of Early Classification of Time Series: A Review», in *IEEE Transactions on Artificial Intelligence* 2020. [\\[paper\\]](https://arxiv.org/abs/2005.02595)")]
    [InlineData("* «UniTime: A Language-Empowered Unified Model for Cross-Domain Time Series Forecasting» [\\[paper\\]](https://arxiv.org/abs/2310.09751)")]
    [InlineData("- (20220-10) **«Scaling Instruction-Finetuned Language Models»**  [paper](https://arxiv.org/pdf/2210.11416.pdf)")]
    [InlineData("- «Graph-Aware Contrasting for Multivariate Time-Series Classification» [arXiv](https://arxiv.org/abs/2309.05202) [code](https://github.com/x/y)")]
    public void Reads_a_title_claim(string marked) => AssertClaim(marked, ClaimKind.Title);

    [Fact]
    public void A_card_title_set_partly_in_code_is_read_without_its_backticks()
    {
        var (_, document) = MarkdownScan.Run("Title: `tinyBench` -- A Small Benchmark for Big Models\n\nAbstract: https://arxiv.org/abs/2407.12844");
        Assert.Equal("tinyBench -- A Small Benchmark for Big Models", Assert.Single(document.Citations).Claim?.Text);
    }

    [Theory]
    [InlineData("[«Direct Preference Optimization (DPO)»](https://arxiv.org/abs/2305.18290)")]
    [InlineData("[«LoRA (Low-Rank Adaptation)»](https://arxiv.org/abs/2106.09685)")]
    [InlineData("[«Group Relative Policy Optimization - GRPO»](https://arxiv.org/abs/2402.03300)")]
    [InlineData("[«Proximal Policy Optimization Algorithms (PPO)»](https://arxiv.org/abs/1707.06347)")]
    [InlineData("[«Llama 3 (8B)»](https://arxiv.org/abs/2407.21783)")]
    [InlineData("<a href=\"https://arxiv.org/abs/2407.21783\">«Llama 3.1 Instruct (70B)»</a>")]
    [InlineData("- «Selective SSMs»: https://arxiv.org/abs/2312.00752")]
    [InlineData("[«DeepSeek V2, V3, and R1»](https://arxiv.org/abs/2412.19437)")]
    [InlineData("- [«Retrieval-Augmented Generation»_Paper](https://arxiv.org/abs/2005.11401v4) - The original RAG paper.")]
    [InlineData("- [2022 «DeepSpeed-MoE»](https://arxiv.org/abs/2201.05596)")]
    [InlineData("- [«ModernBERT» (2024)](https://arxiv.org/abs/2412.13663)")]
    public void Reads_a_name_claim(string marked) => AssertClaim(marked, ClaimKind.Name);

    [Theory]
    [InlineData("[ICML 2024](https://arxiv.org/abs/2405.21060)")]
    [InlineData("[(ECCV 2022)](https://arxiv.org/abs/2111.06377)")]
    [InlineData("[CVPR'23](https://arxiv.org/abs/2111.06377)")]
    [InlineData("- [ICML 2024]: https://arxiv.org/abs/2405.21060")]
    [InlineData("[Vaswani & Shazeer (2017)](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[Gu et al., 2023](https://arxiv.org/abs/2312.00752)")]
    [InlineData("[\\[paper2\\]](https://arxiv.org/abs/2007.01884)")]
    [InlineData("It uses the approach described in the [GPT-3 paper](https://arxiv.org/abs/2005.14165).")]
    // Without a tag, text before a link may be a title followed by authors: not read.
    [InlineData("- Mamba: Linear-Time Sequence Modeling, Albert Gu and Tri Dao [Paper](https://arxiv.org/abs/2312.00752)")]
    [InlineData("- Linear-Time Sequence Modeling With Selective State Spaces, Tri Dao [Paper](https://arxiv.org/abs/2312.00752)")]
    // Prose before a link in a list item, and a title outside a list, are not reading-list titles.
    [InlineData("- we release the training code and the checkpoints for [paper](https://arxiv.org/abs/2312.00752)")]
    [InlineData("Linear-Time Sequence Modeling With Selective State Spaces [Paper](https://arxiv.org/abs/2312.00752)")]
    [InlineData("* `truthfulqa`: This task follows the [TruthfulQA dataset](https://arxiv.org/abs/2109.07958), in new languages.")]
    // A card's title belongs to its own card: a Paper: line above it ends the search.
    [InlineData("**Title:** Attention Is All You Need\n**Paper:** https://arxiv.org/abs/1706.03762\n\n**Paper:** https://arxiv.org/abs/2312.00752")]
    public void Reads_no_title_or_name_claim(string text)
    {
        var (_, document) = MarkdownScan.Run(text);
        Assert.Null(document.Citations[^1].Claim);
    }

    [Theory]
    [InlineData("[«Vaswani & Shazeer» («2017»)](https://arxiv.org/abs/1706.03762)")]
    [InlineData("[«Gu et al.», «2023»](https://arxiv.org/abs/2312.00752)")]
    [InlineData("[«Gu and Dao» «2023»](https://arxiv.org/abs/2312.00752)")]
    [InlineData("[«LeCun, Müller & O'Brien» «2015»](https://arxiv.org/abs/2312.00752)")]
    [InlineData("- GELU ([«Hendrycks and Gimpel» «2016»](https://arxiv.org/abs/1606.08415)) can be implemented in several ways")]
    [InlineData("[«van der Maaten and Hinton» («2008»)](https://arxiv.org/abs/1706.03762)")]
    [InlineData("- «Gu, A., & Dao, T.» («2023»). Mamba: Linear-Time Sequence Modeling with Selective State Spaces. arXiv:2312.00752")]
    [InlineData("[1] «Vaswani, A., Shazeer, N., et al.» «2017». Attention Is All You Need. [arXiv](https://arxiv.org/abs/1706.03762)")]
    [InlineData("- «LCM team, Barrault, L.» («2024»). Large Concept Models: Language Modeling in a Sentence Representation Space. arXiv:2412.08821")]
    public void Reads_an_author_year_claim(string marked)
    {
        var (fixture, document) = MarkdownScan.Run(marked);
        var claim = Assert.Single(document.Citations).AuthorYear;
        Assert.NotNull(claim);
        Assert.Equal(fixture.Slice(fixture.Ranges[0]), claim.Authors);
        Assert.Equal(fixture.Ranges[0], claim.AuthorsSpan);
        Assert.Equal(int.Parse(fixture.Slice(fixture.Ranges[1])), claim.Year);
        Assert.Equal(fixture.Ranges[1], claim.YearSpan);
    }

    [Theory]
    [InlineData("Compare the GPT-2 (2018) model from chapter 6 to encoder-style LLMs like [«BERT» (2018)](https://arxiv.org/abs/1810.04805).")]
    [InlineData("Compare the GPT-2 (2018) model from chapter 6 to encoder-style LLMs like [«RoBERTa» (2019)](https://arxiv.org/abs/1907.11692).")]
    public void Prose_with_a_year_is_no_reference_entry_and_a_model_is_no_author(string marked)
    {
        AssertClaim(marked, ClaimKind.Name);
        Assert.Null(MarkdownScan.Run(marked).Document.Citations[^1].AuthorYear);
    }

    [Fact]
    public void Author_year_link_text_is_never_a_title_or_name()
    {
        var (_, document) = MarkdownScan.Run("[Vaswani & Shazeer (2017)](https://arxiv.org/abs/1706.03762)");
        var citation = Assert.Single(document.Citations);
        Assert.Null(citation.Claim);
        Assert.Equal("Vaswani & Shazeer", citation.AuthorYear?.Authors);
    }

    [Theory]
    [InlineData("[ICML 2024] Title", "Title")]
    [InlineData("Title (ECCV 2022)", "Title")]
    [InlineData("(arXiv 23.12.01) Title", "Title")]
    [InlineData("[CVPR'23] [NeurIPS 2023 Spotlight] Title", "Title")]
    [InlineData("Llama 3 (8B)", "Llama 3 (8B)")]
    [InlineData("(20220-10) Title", "Title")]
    [InlineData("[2023.12] Title", "Title")]
    [InlineData("[1] Title", "[1] Title")]
    [InlineData("[ICML 2024]", "")]
    [InlineData("2022 DeepSpeed-MoE", "DeepSpeed-MoE")]
    [InlineData("Title, in *arXiv* 2024.", "Title")]
    [InlineData("Deep Factors for Forecasting, ICML'19", "Deep Factors for Forecasting")]
    [InlineData("Title, NeurIPS 2023", "Title")]
    [InlineData("Scaling Laws, Part 2", "Scaling Laws, Part 2")]
    [InlineData("2022", "2022")]
    public void Venue_and_date_tags_are_cut(string text, string expected) =>
        Assert.Equal(expected, VenueTags.Cut(text));

    private static void AssertClaim(string marked, ClaimKind kind)
    {
        var (fixture, document) = MarkdownScan.Run(marked);
        var claim = document.Citations[^1].Claim;
        Assert.NotNull(claim);
        Assert.Equal(kind, claim.Kind);
        Assert.Equal(fixture.Slice(fixture.Ranges[0]), claim.Text);
        Assert.Equal(fixture.Ranges[0], claim.Span);
    }
}
