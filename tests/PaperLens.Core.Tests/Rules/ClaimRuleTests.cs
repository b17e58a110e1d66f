using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Rules;

namespace PaperLens.Core.Tests.Rules;

/// <summary>Spec §4 PL003 and PL012: title claims against the title, name claims against title and abstract.</summary>
public class ClaimRuleTests
{
    [Fact]
    public void PL003_a_title_under_the_wrong_id_quotes_both_titles()
    {
        var fixture = Fixture.Parse("Gu, A., & Dao, T. (2023). «Mamba: Linear-Time Sequence Modeling with Selective State Spaces». arXiv:«2404.16112»");
        var mismatch = CheckHelpers.CheckText(fixture.Text).Only("PL003");

        Assert.Equal(Severity.Warning, mismatch.Severity);
        Assert.Equal(fixture.Ranges[1], mismatch.Span);
        Assert.Equal(fixture.Ranges[0], mismatch.RelatedSpan);
        Assert.Equal("2404.16112", mismatch.Id?.Canonical);
        Assert.StartsWith(
            "title \"Mamba: Linear-Time Sequence Modeling with Selective State Spaces\" does not match arXiv:2404.16112 " +
            "\"Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges\"",
            mismatch.Message);
        Assert.DoesNotContain('\n', mismatch.Message);
    }

    [Fact]
    public void PL003_names_the_cited_paper_whose_title_the_claim_is()
    {
        var fixture = Fixture.Parse(
            "\"Continual Learning of Large Language Models: A Comprehensive Survey\" (arXiv:«2403.08763»)\n" +
            "\"Simple and Scalable Strategies to Continually Pre-train Large Language Models\" (arXiv:2404.16789)\n");
        var mismatches = CheckHelpers.CheckText(fixture.Text).Where(d => d.Code == "PL003").ToList();

        Assert.Equal(2, mismatches.Count);
        Assert.Equal(fixture.Ranges[0], mismatches[0].Span);
        Assert.EndsWith("; it is the title of arXiv:2404.16789", mismatches[0].Message);
        Assert.EndsWith("; it is the title of arXiv:2403.08763", mismatches[1].Message);
    }

    [Fact]
    public void PL003_a_title_from_before_arxiv_retitled_the_paper_shows_the_current_title()
    {
        var mismatch = CheckHelpers.CheckText("\"Can Mamba Always Enjoy the Free Lunch?\" arXiv:2410.03810").Only("PL003");
        Assert.Contains("\"Exploring the Limitations of Mamba in COPY and CoT Reasoning\"", mismatch.Message);
    }

    [Theory]
    [InlineData("\"Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting\" (arXiv:2012.07436)")]
    [InlineData("Zhou et al. (2021). Informer: Beyond Efficient Transformer for Long Sequence Timeseries Forecasting. arXiv:2012.07436")]
    [InlineData("\"Informer: beyond efficent transformer for long sequence time-series forecasting\" arXiv:2012.07436")]
    [InlineData("[Informer](https://arxiv.org/abs/2012.07436)")]
    [InlineData("[this paper](https://arxiv.org/abs/2012.07436)")]
    [InlineData("\"Mamba: Linear-Time Sequence Modeling with Selective State Spaces\" (arXiv:2312.00752)")]
    public void PL003_is_silent_for_matching_titles_names_prose_and_unknown_papers(string text) =>
        CheckHelpers.CheckText(text).None("PL003");

    [Fact]
    public void PL003_checks_the_title_field_of_a_bib_entry()
    {
        var bib = Documents.Bib("refs.bib",
            Documents.Entry("zhou2021", "2012.07436", 0, "{Informer}: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting"),
            Documents.Entry("gu2023", "2404.16112", 100, "Mamba: Linear-Time Sequence Modeling with Selective State Spaces"));

        var mismatch = CheckHelpers.Check(FakePaperSource.WithFixtures(), bib).Only("PL003");
        Assert.Equal(bib.Citations[1].Span, mismatch.Span);
    }

    [Fact]
    public void PL012_a_name_in_neither_title_nor_abstract_is_a_hint()
    {
        var fixture = Fixture.Parse("- «Mamba»: https://arxiv.org/abs/«2404.16789»");
        var unknown = CheckHelpers.CheckText(fixture.Text).Only("PL012");

        Assert.Equal(Severity.Hint, unknown.Severity);
        Assert.Equal(fixture.Ranges[1], unknown.Span);
        Assert.Equal(fixture.Ranges[0], unknown.RelatedSpan);
        Assert.Contains("'Mamba'", unknown.Message);
        Assert.Contains("\"Continual Learning of Large Language Models: A Comprehensive Survey\"", unknown.Message);
    }

    [Theory]
    [InlineData("- Mamba: https://arxiv.org/abs/2404.16112")]
    [InlineData("- Mamba-360: https://arxiv.org/abs/2404.16112")]
    [InlineData("[Informer](https://arxiv.org/abs/2012.07436)")]
    public void PL012_is_silent_when_the_name_is_in_the_title_or_abstract(string text) =>
        Assert.Empty(CheckHelpers.CheckText(text));

    [Fact]
    public void PL012_is_silent_when_the_catalog_has_no_abstract()
    {
        var papers = CheckHelpers.WithPaper("2404.16789", r => r with { Abstract = null });
        CheckHelpers.CheckText("- Mamba: https://arxiv.org/abs/2404.16789", papers).None("PL012");
    }

    [Fact]
    public void Name_claims_are_never_checked_as_titles()
    {
        var citation = Assert.Single(Documents.FromText("a.md", "- Mamba: https://arxiv.org/abs/2404.16789").Citations);
        Assert.Equal(ClaimKind.Name, citation.Claim?.Kind);
        CheckHelpers.CheckText("- Mamba: https://arxiv.org/abs/2404.16789").None("PL003");
    }

    // Papers as arXiv lists them, for the README shapes below (spec §2: names, acronyms and tags).
    private static readonly FakePaperSource ReadmePapers = new(
    [
        .. RuleData.All.Values,
        Paper("2111.06377", "Masked Autoencoders Are Scalable Vision Learners", "This paper shows that masked autoencoders (MAE) are scalable self-supervised learners for computer vision."),
        Paper("2305.18290", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model", "We introduce a new parameterization of the reward model in RLHF."),
        Paper("2407.21783", "The Llama 3 Herd of Models", "This paper presents a new set of foundation models, called Llama 3."),
        Paper("2312.00752", "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
            "We identify that a key weakness of such models is their inability to perform content-based reasoning. First, simply letting the state space model parameters be functions of the input addresses their weakness; we integrate these selective state space models into a simplified architecture."),
    ]);

    [Theory]
    [InlineData("[[ECCV 2022] Masked Autoencoders Are Scalable Vision Learners](https://arxiv.org/abs/2111.06377)")]
    [InlineData("- [CVPR 2022 Oral] Masked Autoencoders Are Scalable Vision Learners [[paper](https://arxiv.org/abs/2111.06377)]")]
    [InlineData("[ICML 2024](https://arxiv.org/abs/2305.18290)")]
    [InlineData("[Direct Preference Optimization (DPO)](https://arxiv.org/abs/2305.18290)")]
    [InlineData("[Llama 3 (8B)](https://arxiv.org/abs/2407.21783)")]
    [InlineData("- Selective SSMs: https://arxiv.org/abs/2312.00752")]
    [InlineData("[Gu & Dao (2023)](https://arxiv.org/abs/2312.00752)")]
    public void Tags_names_acronyms_and_author_year_text_raise_no_claim_finding(string text)
    {
        var findings = CheckHelpers.CheckMarkdown(text, ReadmePapers);
        findings.None("PL003");
        findings.None("PL012");
    }

    [Fact]
    public void PL003_reads_the_title_of_a_tagged_awesome_list_line()
    {
        var fixture = Fixture.Parse("- (arXiv 23.12.01) «Mamba: Linear-Time Sequence Modeling with Selective State Spaces» [Paper](https://arxiv.org/abs/«2111.06377»)");
        var mismatch = CheckHelpers.CheckMarkdown(fixture.Text, ReadmePapers).Only("PL003");
        Assert.Equal(fixture.Ranges[1], mismatch.Span);
        Assert.Equal(fixture.Ranges[0], mismatch.RelatedSpan);
        Assert.EndsWith("; it is the title of arXiv:2312.00752", CheckHelpers.CheckMarkdown(fixture.Text + "\n- [Mamba](https://arxiv.org/abs/2312.00752)", ReadmePapers).Only("PL003").Message);
    }

    [Fact]
    public void PL012_an_acronym_counts_only_for_the_words_it_abbreviates()
    {
        var unknown = CheckHelpers.CheckMarkdown("- Selective SSMs: https://arxiv.org/abs/2111.06377", ReadmePapers).Only("PL012");
        Assert.Contains("'Selective SSMs'", unknown.Message);
    }

    private static PaperRecord Paper(string id, string title, string abstractText) => new()
    {
        Id = ArxivId.Of(id),
        Title = title,
        Authors = "A. Author",
        Abstract = abstractText,
    };
}
