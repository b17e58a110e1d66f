using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Bibtex;

namespace PaperLens.Core.Tests.Bibtex;

/// <summary>Spec §2.3 on tests/fixtures/bibtex/exports.bib: the .bib styles of arXiv, DBLP, Google Scholar,
/// Semantic Scholar, NASA ADS, INSPIRE, biblatex and DataCite, with one broken entry among them.</summary>
public class BibtexExportsTests
{
    private static readonly Fixture File = BibtexFixtures.ReadMarked("exports.bib");
    private static readonly BibtexScanResult Result = BibtexScanner.Scan(File.Text, 0, File.Text.Length);

    [Fact]
    public void Every_export_style_yields_its_id_at_the_marked_range()
    {
        var idRanges = File.Ranges.Where(r => File.Text[r.Start] != '@').ToList();
        Assert.Equal(idRanges, Result.Citations.Select(c => c.Span));
        Assert.Equal(
            ["2312.00752", "1706.03762", "1409.3215", "2010.11929", "2005.14165", "hep-th/9711200", "2006.11239", "2203.02155"],
            Result.Citations.Select(c => c.Id?.Canonical));
        Assert.All(Result.Citations, c => Assert.Equal(ClaimKind.Title, c.Claim?.Kind));
    }

    [Fact]
    public void The_broken_entry_is_reported_and_the_rest_is_read()
    {
        var brokenRange = Assert.Single(File.Ranges, r => File.Text[r.Start] == '@');
        var problem = Assert.Single(Result.Problems);
        Assert.Equal(brokenRange, problem.Span);
        Assert.Equal("entry 'broken2021': missing closing '}' before the next entry", problem.Message);
        Assert.Equal(9, Result.Entries.Count);
        Assert.DoesNotContain(Result.Entries, e => e.Key == "broken2021");
        Assert.Contains(Result.Entries, e => e.Key == "goodfellow2016deep" && e.Id is null);
    }

    [Fact]
    public void Macros_and_tex_in_titles_are_resolved()
    {
        var ads = Assert.Single(Result.Entries, e => e.Key == "2020arXiv200514165B");
        Assert.Equal("May", ads.Fields["month"]);
        var maldacena = Assert.Single(Result.Citations, c => c.Label == "Maldacena:1997re");
        Assert.Equal("The Large N limit of superconformal field theories and supergravity", maldacena.Claim?.Text);
    }
}
