using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning;
using PaperLens.Core.Scanning.Markdown;

namespace PaperLens.Core.Tests.Rules;

/// <summary>Spec §2 (author-year claim) and §4 PL013, PL014, PL015: who wrote the paper and when, as
/// written beside its id, against the record; one entry naming two papers.</summary>
public class AuthorYearRuleTests
{
    private const string Seq2Seq = "Sequence to Sequence Learning with Neural Networks";
    private const string ByWhomAndWhen = "arXiv:1409.3215 is by I. Sutskever, O. Vinyals and Q. V. Le, first submitted Sep 2014";

    [Fact]
    public void PL013_a_first_author_who_did_not_write_the_paper_is_named_with_who_did()
    {
        var fixture = Fixture.Parse($"«Vaswani», A., & Shazeer, N. (2014). {Seq2Seq}. arXiv:1409.3215");
        var mismatch = CheckHelpers.CheckText(fixture.Text).Only("PL013");

        Assert.Equal(Severity.Warning, mismatch.Severity);
        Assert.Equal(fixture.Ranges[0], mismatch.Span);
        Assert.Equal("1409.3215", mismatch.Id?.Canonical);
        Assert.Equal($"\"Vaswani\" is not among the authors: {ByWhomAndWhen}", mismatch.Message);
    }

    [Theory]
    [InlineData($"Sutskever, I., Vinyals, O., & Le, Q. V. (2014). {Seq2Seq}. arXiv:1409.3215")]
    [InlineData($"I. Sutskever, O. Vinyals and Q. V. Le (2014). {Seq2Seq}. arXiv:1409.3215")]
    [InlineData($"Sutskever et al. (2015). {Seq2Seq}. arXiv:1409.3215")]
    [InlineData($"Sutskever I, Vinyals O, Le QV. (2014). {Seq2Seq}. arXiv:1409.3215")]
    [InlineData($"Ilya Sutskever, Oriol Vinyals, and Quoc V. Le (2014). {Seq2Seq}. arXiv:1409.3215")]
    [InlineData($"SUTSKEVER, I. and Vinyals, O. (2014). {Seq2Seq}. arXiv:1409.3215")]
    [InlineData($"Google Brain Team (2014). {Seq2Seq}. arXiv:1409.3215")]
    public void PL013_is_silent_when_the_first_surname_is_the_papers_however_it_is_written(string text) =>
        CheckHelpers.CheckText(text).None("PL013");

    // A record whose names need folding: accents in TeX, a hyphenated given name, a double surname.
    private static readonly FakePaperSource Accented = new([.. RuleData.All.Values, new PaperRecord
    {
        Id = ArxivId.Of("1705.07874"),
        Title = "Explaining Kernel Methods with Layer-wise Relevance Propagation",
        Authors = "Klaus-Robert M\\\"uller (TU Berlin), Jos\\'e Rodr\\'iguez D\\'iaz and Yann Le Cun",
        Versions = [new PaperVersion(1, new DateTimeOffset(2017, 5, 22, 0, 0, 0, TimeSpan.Zero))],
    }]);

    [Theory]
    [InlineData("@misc{a, author = {M{\\\"u}ller, Klaus-Robert}, year = {2017}, eprint = {1705.07874}, archivePrefix = {arXiv}}")]
    [InlineData("@misc{a, author = {Mueller, K.-R. and others}, year = 2017, eprint = {1705.07874}, archivePrefix = {arXiv}}")]
    [InlineData("@misc{a, author = {Rodriguez-Diaz, Jos{\\'e}}, year = {2018}, eprint = {1705.07874}, archivePrefix = {arXiv}}")]
    [InlineData("@misc{a, author = {LeCun, Yann}, year = {2017}, eprint = {1705.07874}, archivePrefix = {arXiv}}")]
    [InlineData("@misc{a, author = {{The PaperLens Collaboration}}, year = {2017}, eprint = {1705.07874}, archivePrefix = {arXiv}}")]
    public void PL013_and_PL014_are_silent_on_a_bib_entry_naming_the_authors_in_tex_accents_hyphens_or_case(string entry)
    {
        var findings = CheckHelpers.Check(Accented, DocumentScanner.Scan("refs.bib", entry));
        findings.None("PL013");
        findings.None("PL014");
    }

    [Fact]
    public void PL013_on_a_bib_entry_covers_its_author_field()
    {
        var fixture = Fixture.Parse("@misc{a, author = {«Hinton, Geoffrey and M{\\\"u}ller, K.»}, year = {2017}, eprint = {1705.07874}, archivePrefix = {arXiv}}");
        var mismatch = CheckHelpers.Check(Accented, DocumentScanner.Scan("refs.bib", fixture.Text)).Only("PL013");

        Assert.Equal(fixture.Ranges[0], mismatch.Span);
        Assert.Equal("\"Hinton\" is not among the authors: arXiv:1705.07874 is by K.-R. Müller, J. R. Díaz and Y. L. Cun, first submitted May 2017", mismatch.Message);
    }

    [Fact]
    public void PL013_is_silent_when_the_record_has_no_authors_or_only_some()
    {
        CheckHelpers.CheckText($"Vaswani, A. (2014). {Seq2Seq}. arXiv:1409.3215", CheckHelpers.WithPaper("1409.3215", r => r with { Authors = "" })).None("PL013");
        CheckHelpers.CheckText($"Vaswani, A. (2014). {Seq2Seq}. arXiv:1409.3215", CheckHelpers.WithPaper("1409.3215", r => r with { Authors = "I. Sutskever, et al." })).None("PL013");
    }

    [Fact]
    public void PL014_a_year_before_the_first_version_is_named_with_when_it_was_submitted()
    {
        var fixture = Fixture.Parse($"Sutskever, I., Vinyals, O., & Le, Q. V. («2012»). {Seq2Seq}. arXiv:1409.3215");
        var early = CheckHelpers.CheckText(fixture.Text).Only("PL014");

        Assert.Equal(Severity.Warning, early.Severity);
        Assert.Equal(fixture.Ranges[0], early.Span);
        Assert.Equal($"2012 is before the paper existed: {ByWhomAndWhen}", early.Message);
    }

    [Theory]
    [InlineData("2014")]
    [InlineData("2015")]
    [InlineData("2023")]
    public void PL014_is_silent_from_the_year_of_the_first_version_on(string year) =>
        CheckHelpers.CheckText($"Sutskever, I., Vinyals, O., & Le, Q. V. ({year}). {Seq2Seq}. arXiv:1409.3215").None("PL014");

    [Fact]
    public void PL014_reads_the_first_version_from_the_record_before_the_id()
    {
        // An id given in a month the record says v1 predates cannot make an earlier year wrong.
        var papers = CheckHelpers.WithPaper("1409.3215", r => r with { Versions = [new PaperVersion(1, new DateTimeOffset(2013, 12, 30, 0, 0, 0, TimeSpan.Zero))] });
        CheckHelpers.CheckText($"Sutskever, I. (2013). {Seq2Seq}. arXiv:1409.3215", papers).None("PL014");
        Assert.EndsWith("first submitted Dec 2013", CheckHelpers.CheckText($"Sutskever, I. (2012). {Seq2Seq}. arXiv:1409.3215", papers).Only("PL014").Message);
    }

    [Fact]
    public void PL014_is_silent_for_the_year_of_a_journal_version_published_before_arxiv()
    {
        var papers = CheckHelpers.WithPaper("1409.3215", r => r with { JournalRef = "Neural Computation 12, 345-367 (2013)" });
        CheckHelpers.CheckText($"Sutskever, I. (2013). {Seq2Seq}. arXiv:1409.3215", papers).None("PL014");
        CheckHelpers.CheckText($"Sutskever, I. (2012). {Seq2Seq}. arXiv:1409.3215", papers).Only("PL014");
    }

    [Fact]
    public void PL013_and_PL014_read_author_year_link_text()
    {
        var fixture = Fixture.Parse("See [«Vaswani» et al., «2013»](https://arxiv.org/abs/1409.3215).");
        var findings = CheckHelpers.CheckMarkdown(fixture.Text);

        Assert.Equal(fixture.Ranges[0], findings.Only("PL013").Span);
        Assert.Equal(fixture.Ranges[1], findings.Only("PL014").Span);
        CheckHelpers.CheckMarkdown("See [Sutskever et al., 2014](https://arxiv.org/abs/1409.3215).").None("PL013");
    }

    [Fact]
    public void PL015_a_bib_entry_whose_eprint_and_url_disagree_names_both_and_which_the_title_is()
    {
        var fixture = Fixture.Parse($"@misc{{s14, title = {{{Seq2Seq}}}, eprint = {{«2312.00752»}}, archivePrefix = {{arXiv}}, url = {{https://arxiv.org/abs/1409.3215v3}}}}");
        var conflict = CheckHelpers.Check(FakePaperSource.WithFixtures(), DocumentScanner.Scan("refs.bib", fixture.Text)).Only("PL015");

        Assert.Equal(Severity.Warning, conflict.Severity);
        Assert.Equal(fixture.Ranges[0], conflict.Span);
        Assert.Equal("entry 's14' names two different papers: arXiv:2312.00752 and arXiv:1409.3215 (in url); the title is that of arXiv:1409.3215", conflict.Message);
    }

    [Theory]
    [InlineData("@misc{s14, eprint = {1409.3215}, archivePrefix = {arXiv}, url = {https://arxiv.org/abs/1409.3215v3}, doi = {10.48550/arXiv.1409.3215}}")]
    [InlineData("@article{s14, journal = {arXiv preprint arXiv:1409.3215}, url = {https://arxiv.org/pdf/1409.3215.pdf}}")]
    public void PL015_is_silent_when_every_field_names_the_same_paper(string entry) =>
        CheckHelpers.Check(FakePaperSource.WithFixtures(), DocumentScanner.Scan("refs.bib", entry)).None("PL015");

    [Fact]
    public void PL015_a_reference_entry_naming_two_papers()
    {
        var fixture = Fixture.Parse($"- Sutskever, I., Vinyals, O., & Le, Q. V. (2014). {Seq2Seq}. arXiv:1409.3215, https://arxiv.org/abs/«2312.00752»\n- Gu, A., & Dao, T. (2023). Mamba. arXiv:2312.00752\n");
        var conflict = CheckHelpers.CheckMarkdown(fixture.Text).Only("PL015");

        Assert.Equal(fixture.Ranges[0], conflict.Span);
        Assert.Equal("this reference names two different papers: arXiv:1409.3215 and arXiv:2312.00752; the title is that of arXiv:1409.3215", conflict.Message);
    }

    [Fact]
    public void The_new_rules_can_be_turned_off()
    {
        var settings = RuleSettings.Default.With("PL013", Severity.Off).With("year-mismatch", Severity.Off);
        var findings = Checker.Check([Documents.FromText("a.md", $"Vaswani, A. (2012). {Seq2Seq}. arXiv:1409.3215")], FakePaperSource.WithFixtures(), settings);
        findings.None("PL013");
        findings.None("PL014");
    }

    [Fact]
    public void A_markdown_scan_reads_the_same_claims_as_the_plain_finder() =>
        Assert.Equal(
            CheckHelpers.CheckText($"Vaswani, A. (2012). {Seq2Seq}. arXiv:1409.3215").Select(d => d.Code),
            CheckHelpers.Check(FakePaperSource.WithFixtures(), MarkdownScanner.Scan("notes.md", $"Vaswani, A. (2012). {Seq2Seq}. arXiv:1409.3215")).Select(d => d.Code));
}
