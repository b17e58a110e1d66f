using PaperLens.Core.Citations;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning.Markdown;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Rules;

/// <summary>Spec §4: the rules that need no paper record (PL001, PL007, PL008, PL011).</summary>
public class DocumentRuleTests
{
    [Theory]
    [InlineData("See arXiv:«2313.00752» for the scan.", "malformed arXiv id '2313.00752': month 13 does not exist")]
    [InlineData("https://arxiv.org/abs/«1206.12345»", "malformed arXiv id '1206.12345': ids from 0704 to 1412 have a four-digit number")]
    public void PL001_a_malformed_id_is_an_error_with_the_reason(string marked, string message)
    {
        var fixture = Fixture.Parse(marked);
        var malformed = CheckHelpers.CheckText(fixture.Text).Only("PL001");

        Assert.Equal(Severity.Error, malformed.Severity);
        Assert.Equal(fixture.Ranges[0], malformed.Span);
        Assert.StartsWith(message, malformed.Message);
        Assert.Null(malformed.Id);
    }

    [Theory]
    [InlineData("See arXiv:2312.00752 for the scan.")]
    [InlineData("version 2313.00752 of the tool")]
    public void PL001_is_silent_for_valid_ids_and_bare_numbers(string text) =>
        CheckHelpers.CheckText(text).None("PL001");

    [Fact]
    public void PL007_a_second_bib_entry_for_the_same_paper_names_the_first()
    {
        var bib = Documents.Bib("refs.bib",
            Documents.Entry("zhou2021informer", "2012.07436", 0),
            Documents.Entry("gu2023", "2404.16112", 100),
            Documents.Entry("informer", "2012.07436v1", 200));

        var duplicate = CheckHelpers.Check(FakePaperSource.WithFixtures(), bib).Only("PL007");

        Assert.Equal(Severity.Warning, duplicate.Severity);
        Assert.Equal(bib.Citations[2].Span, duplicate.Span);
        Assert.Contains("entry 'zhou2021informer'", duplicate.Message);
    }

    [Fact]
    public void PL007_two_reference_definitions_for_the_same_paper()
    {
        var fixture = Fixture.Parse("[informer]: https://arxiv.org/abs/2012.07436\n[zhou]: https://arxiv.org/abs/«2012.07436»\n");
        var found = Documents.FromText("README.md", fixture.Text).Citations;
        var document = new ScannedDocument("README.md",
            [found[0] with { Role = CitationRole.ReferenceDefinition, Label = "informer" }, found[1] with { Role = CitationRole.ReferenceDefinition, Label = "zhou" }],
            [], [], []);

        var duplicate = CheckHelpers.Check(FakePaperSource.WithFixtures(), document).Only("PL007");
        Assert.Equal(fixture.Ranges[0], duplicate.Span);
        Assert.Contains("reference definition [informer]", duplicate.Message);
    }

    [Fact]
    public void PL007_is_silent_for_other_files_repeated_mentions_and_one_entry_naming_its_paper_twice()
    {
        var entry = Documents.Entry("zhou2021", "2012.07436");
        var twice = new ScannedDocument("a.bib", [Documents.EntryCitation(entry), Documents.EntryCitation(entry) with { Form = CitationForm.Url }], [entry], [], []);
        var diagnostics = CheckHelpers.Check(FakePaperSource.WithFixtures(),
            Documents.Bib("refs.bib", Documents.Entry("zhou2021", "2012.07436")),
            Documents.Bib("more.bib", Documents.Entry("informer", "2012.07436")),
            Documents.FromText("notes.md", "arXiv:2012.07436, again arXiv:2012.07436"),
            twice);

        diagnostics.None("PL007");
    }

    [Fact]
    public void PL008_a_key_no_bib_entry_has_is_an_error_on_the_key()
    {
        var fixture = Fixture.Parse("Selective scans [@«gu2023»; @«smith2020»].");
        var draft = Documents.Markdown("draft.md", fixture, "refs.bib");
        var bib = Documents.Bib("refs.bib", Documents.Entry("gu2023", "2404.16112"));

        var unresolved = CheckHelpers.Check(FakePaperSource.WithFixtures(), draft, bib).Only("PL008");

        Assert.Equal(Severity.Error, unresolved.Severity);
        Assert.Equal("draft.md", unresolved.Path);
        Assert.Equal(fixture.Ranges[1], unresolved.Span);
        Assert.Equal("citation key '@smith2020' matches no entry in refs.bib", unresolved.Message);
    }

    [Fact]
    public void PL008_is_silent_for_a_manubot_key_which_cites_the_paper_itself()
    {
        var fixture = Fixture.Parse("Attention [@arxiv:1706.03762; @«smith2020»] and [@arxiv:«2313.00752»].");
        var draft = MarkdownScanner.Scan("draft.md", fixture.Text);
        var bib = Documents.Bib("refs.bib", Documents.Entry("gu2023", "2404.16112"));

        var diagnostics = CheckHelpers.Check(FakePaperSource.WithFixtures(), draft, bib);

        Assert.Equal(fixture.Ranges[0], diagnostics.Only("PL008").Span);
        Assert.Equal(fixture.Ranges[1], diagnostics.Only("PL001").Span);
    }

    [Fact]
    public void PL008_is_silent_in_a_workspace_without_bibliographies() =>
        CheckHelpers.Check(FakePaperSource.WithFixtures(), Documents.Markdown("README.md", Fixture.Parse("thanks @«karpathy»"))).None("PL008");

    [Fact]
    public void A_resolved_key_is_checked_at_its_entry_not_at_every_use()
    {
        var draft = Documents.Markdown("draft.md", Fixture.Parse("[@«mamba»] and [@«mamba»]"));
        var bib = Documents.Bib("refs.bib", Documents.Entry("mamba", "2312.00752"));

        var diagnostics = CheckHelpers.Check(FakePaperSource.WithFixtures(), draft, bib);

        Assert.Equal("refs.bib", Assert.Single(diagnostics).Path);
    }

    [Fact]
    public void PL011_a_broken_bib_entry_is_an_error_over_the_entry()
    {
        var broken = new SyntaxProblem(new TextSpan(120, 35), "entry '@article{gu2023,' is not closed");
        var bib = new ScannedDocument("refs.bib", [], [], [broken], []);

        var syntax = CheckHelpers.Check(FakePaperSource.WithFixtures(), bib).Only("PL011");

        Assert.Equal(Severity.Error, syntax.Severity);
        Assert.Equal(broken.Span, syntax.Span);
        Assert.Equal(broken.Message, syntax.Message);
    }

    [Fact]
    public void PL011_is_silent_for_a_bib_file_without_problems() =>
        CheckHelpers.Check(FakePaperSource.WithFixtures(), Documents.Bib("refs.bib", Documents.Entry("informer", "2012.07436"))).None("PL011");
}
