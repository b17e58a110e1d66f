using PaperLens.Core.Config;
using PaperLens.Core.Rules;

namespace PaperLens.Core.Tests.Rules;

/// <summary>Spec §4: the rule table, configured severities and the order of findings.</summary>
public class CheckerTests
{
    [Fact]
    public void The_rule_table_is_the_specs()
    {
        var table = RuleCatalog.All.Select(r => $"{r.Code} {r.Name} {r.DefaultSeverity}");
        Assert.Equal(
        [
            "PL001 malformed-id Error", "PL002 unknown-paper Warning", "PL003 title-mismatch Warning",
            "PL004 withdrawn Warning", "PL005 newer-version Hint", "PL006 no-such-version Error",
            "PL007 duplicate-entry Warning", "PL008 unresolved-key Error", "PL009 not-in-catalog Information",
            "PL010 published-version Hint", "PL011 bib-syntax Error", "PL012 unknown-name Hint",
            "PL013 author-mismatch Warning", "PL014 year-mismatch Warning", "PL015 conflicting-ids Warning",
        ], table);
    }

    [Theory]
    [InlineData("PL003", "PL003")]
    [InlineData("pl003", "PL003")]
    [InlineData("Title-Mismatch", "PL003")]
    [InlineData("not-in-catalog", "PL009")]
    public void Rules_are_found_by_code_or_name(string key, string code) =>
        Assert.Equal(code, RuleCatalog.Find(key)?.Code);

    [Fact]
    public void Configured_severities_replace_the_defaults_and_off_drops_a_rule()
    {
        var config = PaperLensConfig.Parse("""{ "rules": { "title-mismatch": "error", "PL009": "off" } }""", ".paperlens.json");
        var text = "\"Mamba: Linear-Time Sequence Modeling with Selective State Spaces\" arXiv:2404.16112, and arXiv:2312.00752";
        var document = Documents.FromText("notes.md", text);

        var configured = Checker.Check([document], FakePaperSource.WithFixtures(), RuleSettings.FromConfig(config));
        var defaults = Checker.Check([document], FakePaperSource.WithFixtures(), RuleSettings.Default);

        Assert.Equal(Severity.Error, configured.Only("PL003").Severity);
        configured.None("PL009");
        Assert.Equal(Severity.Warning, defaults.Only("PL003").Severity);
        Assert.Equal(Severity.Information, defaults.Only("PL009").Severity);
    }

    [Fact]
    public void Settings_refuse_an_unknown_rule() =>
        Assert.Contains("PL099", Assert.Throws<ArgumentException>(() => RuleSettings.Default.With("PL099", Severity.Error)).Message);

    [Fact]
    public void Findings_are_sorted_by_path_then_offset()
    {
        var diagnostics = CheckHelpers.Check(FakePaperSource.WithFixtures(),
            Documents.FromText("b.md", "arXiv:2312.00752 then arXiv:2313.00752"),
            Documents.FromText("a.md", "arXiv:2313.00752 then arXiv:2312.00752"));

        Assert.Equal(["a.md PL001", "a.md PL009", "b.md PL009", "b.md PL001"], diagnostics.Select(d => $"{d.Path} {d.Code}"));
        Assert.True(diagnostics[0].Span.Start < diagnostics[1].Span.Start);
    }

    [Fact]
    public void Notebook_findings_keep_their_cell_and_line_in_it()
    {
        var citation = Documents.FromText("nb.ipynb", "arXiv:2313.00752").Citations[0] with { Cell = 3, CellLine = 4 };
        var notebook = new PaperLens.Core.Citations.ScannedDocument("nb.ipynb", [citation], [], [], []);
        var finding = CheckHelpers.Check(FakePaperSource.WithFixtures(), notebook).Only("PL001");
        Assert.Equal((3, 4), (finding.Cell, finding.CellLine));
    }
}
