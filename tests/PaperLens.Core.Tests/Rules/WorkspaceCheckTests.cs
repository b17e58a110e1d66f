using PaperLens.Core.Citations;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning;

namespace PaperLens.Core.Tests.Rules;

/// <summary>The check end to end on a small research repository (tests/fixtures/rules/workspace)
/// read by the real scanners: every finding it should have, and none else.</summary>
public class WorkspaceCheckTests
{
    private static readonly string[] Files = ["README.md", "paper/draft.md", "paper/refs.bib"];

    [Fact]
    public void Reports_exactly_the_deliberate_mistakes()
    {
        var texts = Files.ToDictionary(f => f, f => File.ReadAllText(RuleData.FixturePath("workspace/" + f)));
        var documents = Files.Select(f => DocumentScanner.Scan(f, texts[f])).ToList();

        var diagnostics = Checker.Check(documents, FakePaperSource.WithFixtures(), RuleSettings.Default);

        var found = diagnostics.Select(d => $"{d.Path} {d.Code} {texts[d.Path].Substring(d.Span.Start, Math.Min(d.Span.Length, 24))}");
        Assert.Equal(
        [
            "paper/draft.md PL008 wang2020survey",
            "paper/draft.md PL001 2313.00752",
            "paper/draft.md PL013 Gu",
            "paper/draft.md PL014 2023",
            "paper/draft.md PL003 2404.16112",
            "paper/draft.md PL012 2404.16789",
            "paper/refs.bib PL009 2312.00752",
            "paper/refs.bib PL007 2012.07436v1",
            "paper/refs.bib PL003 2410.03810",
            "paper/refs.bib PL011 @article{broken,\n  title",
        ], found);
    }
}
