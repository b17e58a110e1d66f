using PaperLens.Core.Citations;
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
}
