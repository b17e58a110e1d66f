using PaperLens.Core.Rules;

namespace PaperLens.Core.Tests.Rules;

/// <summary>Spec §4: the rules that read the paper's catalog record (PL002, PL004-PL006, PL009, PL010).</summary>
public class PaperRuleTests
{
    [Fact]
    public void PL002_a_confirmed_miss_is_an_unknown_paper()
    {
        var fixture = Fixture.Parse("See arXiv:«2312.99999» for details.");
        var diagnostics = CheckHelpers.CheckText(fixture.Text, FakePaperSource.WithFixtures("2312.99999"));

        var unknown = diagnostics.Only("PL002");
        Assert.Equal(Severity.Warning, unknown.Severity);
        Assert.Equal(fixture.Ranges[0], unknown.Span);
        Assert.Equal("2312.99999", unknown.Id?.Canonical);
        Assert.Contains("arXiv has no paper arXiv:2312.99999", unknown.Message);
        diagnostics.None("PL009");
    }

    [Fact]
    public void PL002_needs_a_confirmed_miss_not_just_an_absent_record() =>
        CheckHelpers.CheckText("See arXiv:2312.99999.").None("PL002");

    [Fact]
    public void PL009_an_id_the_catalog_does_not_know_is_information_with_a_way_to_get_it()
    {
        // 2312.00752 (Mamba) is not among the bundled papers.
        var fixture = Fixture.Parse("Gu & Dao, https://arxiv.org/abs/«2312.00752v2»");
        var missing = CheckHelpers.CheckText(fixture.Text).Only("PL009");

        Assert.Equal(Severity.Information, missing.Severity);
        Assert.Equal(fixture.Ranges[0], missing.Span);
        Assert.Contains("arXiv:2312.00752v2 is not in the local catalog", missing.Message);
        Assert.Contains("paperlens import", missing.Message);
    }

    [Fact]
    public void PL009_is_silent_for_a_known_paper() =>
        Assert.Empty(CheckHelpers.CheckText("Informer, arXiv:2012.07436"));

    [Theory]
    [InlineData("arXiv:«0704.0615»")]
    [InlineData("arXiv:«0704.0615v3»")]
    public void PL004_the_latest_version_of_a_withdrawn_paper(string marked)
    {
        var fixture = Fixture.Parse(marked);
        var papers = CheckHelpers.WithPaper("0704.0615", r => r with { Withdrawn = true });

        var withdrawn = CheckHelpers.CheckText(fixture.Text, papers).Only("PL004");

        Assert.Equal(Severity.Warning, withdrawn.Severity);
        Assert.Equal(fixture.Ranges[0], withdrawn.Span);
        Assert.Contains("\"A fresh look at maximum parsimony\" is withdrawn", withdrawn.Message);
    }

    [Fact]
    public void PL004_a_pin_to_a_version_before_the_withdrawal_still_exists()
    {
        var papers = CheckHelpers.WithPaper("0704.0615", r => r with { Withdrawn = true });
        CheckHelpers.CheckText("arXiv:0704.0615v2", papers).None("PL004");
    }

    [Fact]
    public void PL004_is_silent_for_a_paper_that_is_not_withdrawn() =>
        CheckHelpers.CheckText("arXiv:0704.0615").None("PL004");

    [Fact]
    public void PL005_a_pinned_version_older_than_the_latest()
    {
        var fixture = Fixture.Parse("https://arxiv.org/pdf/«0704.0008v1».pdf");
        var newer = CheckHelpers.CheckText(fixture.Text).Only("PL005");

        Assert.Equal(Severity.Hint, newer.Severity);
        Assert.Equal(fixture.Ranges[0], newer.Span);
        Assert.Contains("latest version is v3", newer.Message);
    }

    [Theory]
    [InlineData("arXiv:0704.0008v3")]
    [InlineData("arXiv:0704.0008")]
    [InlineData("arXiv:2012.07436v1")]
    public void PL005_is_silent_for_the_latest_or_an_unpinned_version(string text) =>
        CheckHelpers.CheckText(text).None("PL005");

    [Fact]
    public void PL006_a_pinned_version_past_the_latest()
    {
        var fixture = Fixture.Parse("arXiv:«adap-org/9303002v3»");
        var none = CheckHelpers.CheckText(fixture.Text).Only("PL006");

        Assert.Equal(Severity.Error, none.Severity);
        Assert.Equal(fixture.Ranges[0], none.Span);
        Assert.Contains("has no version v3; the latest is v2", none.Message);
    }

    [Fact]
    public void PL005_and_PL006_never_come_from_a_partial_history()
    {
        // The bundled records list only v1 and say so (versions_complete: false).
        var diagnostics = CheckHelpers.CheckText("arXiv:2404.16112v2 and arXiv:2012.07436v9");
        diagnostics.None("PL005");
        diagnostics.None("PL006");
    }

    [Fact]
    public void PL010_a_paper_with_a_journal_reference_names_it()
    {
        var fixture = Fixture.Parse("arXiv:«0704.0008»");
        var published = CheckHelpers.CheckText(fixture.Text).Only("PL010");

        Assert.Equal(Severity.Hint, published.Severity);
        Assert.Equal(fixture.Ranges[0], published.Span);
        Assert.Contains("Journal of Applied Physics, vol 104, 073536 (2008)", published.Message);
        Assert.Contains("doi:10.1063/1.2975338", published.Message);
        Assert.Contains("\"Numerical solution of shock and ramp compression for general material properties\"", published.Message);
    }

    [Fact]
    public void PL010_is_silent_for_a_paper_with_neither_journal_nor_doi() =>
        CheckHelpers.CheckText("arXiv:2404.16112").None("PL010");

    [Fact]
    public void Each_paper_is_looked_up_once_however_often_it_is_cited()
    {
        var papers = FakePaperSource.WithFixtures();
        CheckHelpers.Check(papers,
            Documents.FromText("a.md", "arXiv:2404.16112 and https://arxiv.org/abs/2404.16112v1"),
            Documents.FromText("b.py", "# arXiv:2404.16112"));
        Assert.Equal(1, papers.Lookups);
    }
}
