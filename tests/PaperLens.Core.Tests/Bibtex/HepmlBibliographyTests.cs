using PaperLens.Core.Scanning.Bibtex;

namespace PaperLens.Core.Tests.Bibtex;

/// <summary>A real INSPIRE-style bibliography (the HEPML living review, tests/fixtures/bibtex/HEPML.bib):
/// quoted and braced fields, archivePrefix, old-style ids, hand-edited entries.</summary>
public class HepmlBibliographyTests
{
    private static readonly string Text = BibtexFixtures.Read("HEPML.bib");
    private static readonly BibtexScanResult Result = BibtexScanner.Scan(Text, 0, Text.Length);

    private static IEnumerable<string> Lines => Text.Split('\n');

    [Fact]
    public void Parses_without_problems() => Assert.Empty(Result.Problems);

    [Fact]
    public void Reads_every_entry()
    {
        // The data README says 2,422 entries, counting lines that begin with '@'; one entry in the
        // file (@article{D0:2000vuh) is indented by a space, so lines whose first non-blank is '@' is the count.
        var entryStarts = Lines.Count(line => line.TrimStart().StartsWith('@'));
        Assert.Equal(entryStarts, Result.Entries.Count);
        Assert.Equal(2423, entryStarts);
    }

    [Fact]
    public void Every_eprint_is_a_citation()
    {
        var eprintLines = Lines
            .Select(line => line.TrimStart())
            .Where(line => line.StartsWith("eprint", StringComparison.OrdinalIgnoreCase) && line[6..].TrimStart().StartsWith('='))
            .ToList();
        Assert.Equal(2378, eprintLines.Count);
        Assert.Equal(eprintLines.Count, Result.Citations.Count);
        Assert.All(Result.Citations, c => Assert.NotNull(c.Id));

        var expectedIds = eprintLines
            .Select(line => line[(line.IndexOf('=') + 1)..].Trim().TrimEnd(',').Trim('"', '{', '}', ' '))
            .ToList();
        Assert.Equal(expectedIds, Result.Citations.Select(c => Text[c.Span.Start..c.Span.End]));
        Assert.Equal(4, Result.Citations.Count(c => c.Id!.Scheme == Core.Identifiers.ArxivScheme.Old));
    }

    [Fact]
    public void Entries_keep_keys_and_titles()
    {
        var keys = Lines
            .Select(line => line.TrimStart())
            .Where(line => line.StartsWith('@'))
            .Select(line => line[(line.IndexOf('{') + 1)..].TrimEnd().TrimEnd(','))
            .ToList();
        Assert.Equal(keys, Result.Entries.Select(e => e.Key));

        var araz = Result.Entries[0];
        Assert.Equal("Araz:2026img", araz.Key);
        Assert.Equal("{Conformal calibration and look-elsewhere effect in anomaly detection for new-physics searches}", araz.Title);
        Assert.Equal("2606.13780", araz.Id?.Canonical);
        var claim = Result.Citations[0].Claim;
        Assert.Equal("Conformal calibration and look-elsewhere effect in anomaly detection for new-physics searches", claim?.Text);
    }

    [Fact]
    public void Entry_spans_start_at_the_at_sign_and_end_at_the_closing_brace()
    {
        Assert.All(Result.Entries, e =>
        {
            Assert.Equal('@', Text[e.Span.Start]);
            Assert.Equal('}', Text[e.Span.End - 1]);
            Assert.Equal(e.Key, Text.Substring(e.KeySpan.Start, e.KeySpan.Length));
        });
    }
}
