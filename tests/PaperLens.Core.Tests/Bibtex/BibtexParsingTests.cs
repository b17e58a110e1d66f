using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Bibtex;

/// <summary>Spec §2.3 and §3: the BibTeX syntax the scanner reads into entries.</summary>
public class BibtexParsingTests
{
    private static BibEntry SingleEntry(string text)
    {
        var result = BibtexScanner.Scan(text, 0, text.Length);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Entries);
    }

    [Fact]
    public void Reads_key_type_spans_and_lower_case_field_names()
    {
        var fixture = Fixture.Parse("% header\n«@InProceedings{vaswani2017,\n  Title = {Attention},\n  AUTHOR = \"Vaswani, Ashish\",\n  Year = 2017,\n}»\ntrailing text");
        var entry = SingleEntry(fixture.Text);
        Assert.Equal("vaswani2017", entry.Key);
        Assert.Equal("inproceedings", entry.EntryType);
        Assert.Equal(fixture.Ranges[0], entry.Span);
        Assert.Equal(new TextSpan(fixture.Ranges[0].Start + "@InProceedings{".Length, "vaswani2017".Length), entry.KeySpan);
        Assert.Equal(new Dictionary<string, string> { ["title"] = "Attention", ["author"] = "Vaswani, Ashish", ["year"] = "2017" }, entry.Fields);
    }

    [Fact]
    public void Keeps_inner_braces_and_nested_groups()
    {
        var entry = SingleEntry("@article{k, title = {{Mamba}: {Linear-{Time}} \\emph{x}}}");
        Assert.Equal("{Mamba}: {Linear-{Time}} \\emph{x}", entry.Title);
    }

    [Fact]
    public void Quoted_values_may_hold_braced_quotes_and_commas()
    {
        var entry = SingleEntry("@article{k, author = \"Schr{\\\"o}dinger, Erwin and G{\\\"o}del, Kurt\", title=\"{A, B}\"}");
        Assert.Equal("Schr{\\\"o}dinger, Erwin and G{\\\"o}del, Kurt", entry.Authors);
        Assert.Equal("{A, B}", entry.Title);
    }

    [Fact]
    public void Expands_string_macros_month_names_and_concatenation()
    {
        const string text = """
            @String{prd = "Phys. Rev. D"}
            @string(arxiv = {arXiv preprint })
            @STRING{ long = prd # " (Letters)" }
            @article{k,
              journal = long,
              note = arxiv # "arXiv:" # {2312.00752},
              month = jun,
              year = 20 # 23,
              publisher = unknownmacro,
            }
            """;
        var result = BibtexScanner.Scan(text, 0, text.Length);
        Assert.Empty(result.Problems);
        var entry = Assert.Single(result.Entries);
        Assert.Equal("Phys. Rev. D (Letters)", entry.Fields["journal"]);
        Assert.Equal("arXiv preprint arXiv:2312.00752", entry.Fields["note"]);
        Assert.Equal("June", entry.Fields["month"]);
        Assert.Equal("2023", entry.Fields["year"]);
        Assert.Equal("unknownmacro", entry.Fields["publisher"]);
        Assert.Equal("2312.00752", Assert.Single(result.Citations).Id?.Canonical);
    }

    [Fact]
    public void Skips_comments_and_preambles_but_not_the_entries_after_them()
    {
        const string text = """
            @comment{jabref-meta: databaseType:bibtex; {nested} @misc{notanentry}}
            @preamble{ "\newcommand{\noopsort}[1]{}" # {x} }
            %@article{commentedout, title = {Gone}}
            Some prose with an e-mail address: someone@example.org
            @misc{kept, title = {Kept}}
            """;
        var result = BibtexScanner.Scan(text, 0, text.Length);
        Assert.Empty(result.Problems);
        Assert.Equal(["kept"], result.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Two_entries_on_one_line_and_an_entry_without_fields()
    {
        const string text = "@misc{a, title={A},}@misc{b}  @misc{c,}";
        var result = BibtexScanner.Scan(text, 0, text.Length);
        Assert.Empty(result.Problems);
        Assert.Equal(["a", "b", "c"], result.Entries.Select(e => e.Key));
        Assert.Empty(result.Entries[1].Fields);
    }

    [Fact]
    public void Scans_only_the_given_range_with_offsets_into_the_whole_text()
    {
        var fixture = Fixture.Parse("# Cite\n\n```bibtex\n@misc{«gu»,\n  eprint = {«2312.00752»}, archivePrefix = {arXiv}\n}\n```\n@misc{outside, eprint = {1706.03762}, archivePrefix = {arXiv}}\n");
        var start = fixture.Text.IndexOf("@misc", StringComparison.Ordinal);
        var end = fixture.Text.IndexOf("```\n@", StringComparison.Ordinal);
        var result = BibtexScanner.Scan(fixture.Text, start, end);
        Assert.Empty(result.Problems);
        var entry = Assert.Single(result.Entries);
        Assert.Equal(fixture.Ranges[0], entry.KeySpan);
        Assert.Equal(fixture.Ranges[1], Assert.Single(result.Citations).Span);
    }

    [Theory]
    [InlineData("«@article{gu2023,\n  title {Mamba},\n  year = 2023\n}»\n", "entry 'gu2023': missing '=' after field 'title'")]
    [InlineData("«@article{gu2023,\n  title = {Mamba,\n  year = 2023»\n", "entry 'gu2023': unterminated braces in field 'title'")]
    [InlineData("«@article{gu2023,\n  title = \"Mamba,\n  year = 2023\n}»", "entry 'gu2023': '}' before the closing '\"' in field 'title'")]
    [InlineData("«@article{gu2023,\n  title = \"Mamba, Linear»", "entry 'gu2023': unterminated quotes in field 'title'")]
    [InlineData("«@article{gu2023,\n  title = \"Mamba}\",\n}»", "entry 'gu2023': '}' before the closing '\"' in field 'title'")]
    [InlineData("«@article{title = {Mamba}, year = 2023}»", "@article entry has no key ('title =' starts a field)")]
    [InlineData("«@article{, title = {Mamba}}»", "@article entry has no key")]
    [InlineData("«@article{gu2023, {Mamba}, year = 2023}»", "entry 'gu2023': expected a field name, found '{'")]
    [InlineData("«@article{gu2023, title = {Mamba} year = 2023}»", "entry 'gu2023': expected ',' or '}' after field 'title', found 'y'")]
    [InlineData("«@article{gu2023, title = , year = 2023}»", "entry 'gu2023': expected a value for field 'title', found ','")]
    [InlineData("«@article{gu2023, title = {Mamba}»", "entry 'gu2023': missing closing '}'")]
    [InlineData("«@article gu2023, title = {Mamba}}»", "'@article' is not followed by '{' or '('")]
    [InlineData("«@string{prd \"Phys. Rev. D\"}»", "@string: missing '=' after 'prd'")]
    public void A_broken_entry_is_a_problem_spanning_the_entry(string marked, string message)
    {
        var fixture = Fixture.Parse(marked);
        var result = BibtexScanner.Scan(fixture.Text, 0, fixture.Text.Length);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(fixture.Ranges[0], problem.Span);
        Assert.Equal(message, problem.Message);
        Assert.Empty(result.Entries);
    }

    [Theory]
    [InlineData("@article{one, eprint = {2312.00752}, archivePrefix = {arXiv}}\n\n«@article{two,\n  title = {Broken\n  year = 2023,\n}»\n\n@article{three, eprint = {1706.03762}, archivePrefix = {arXiv}}\n")]
    [InlineData("@article{one, eprint = {2312.00752}, archivePrefix = {arXiv}}\n«@article{two,\n  title = {Broken},\n  year = 2023»\n  @article{three, eprint = {1706.03762}, archivePrefix = {arXiv}}\n")]
    [InlineData("@article{one, eprint = {2312.00752}, archivePrefix = {arXiv}}\n«@article{two, title == {x}, note = {a}}»\n@article{three, eprint = {1706.03762}, archivePrefix = {arXiv}}")]
    [InlineData("@article{one, eprint = {2312.00752}, archivePrefix = {arXiv}} «@article{two, title}» @article{three, eprint = {1706.03762}, archivePrefix = {arXiv}}")]
    public void Entries_around_a_broken_one_are_still_read(string marked)
    {
        var fixture = Fixture.Parse(marked);
        var result = BibtexScanner.Scan(fixture.Text, 0, fixture.Text.Length);
        Assert.Equal(fixture.Ranges[0], Assert.Single(result.Problems).Span);
        Assert.Equal(["one", "three"], result.Entries.Select(e => e.Key));
        Assert.Equal(["2312.00752", "1706.03762"], result.Citations.Select(c => c.Id?.Canonical));
    }

    [Fact]
    public void Every_broken_entry_is_reported_once()
    {
        var text = string.Concat(Enumerable.Repeat("@misc{k, title = {a} b}\n@misc{ok, title = {t}}\n", 50));
        var result = BibtexScanner.Scan(text, 0, text.Length);
        Assert.Equal(50, result.Problems.Count);
        Assert.Equal(50, result.Entries.Count);
        Assert.All(result.Problems, p => Assert.StartsWith("@misc{k", text[p.Span.Start..p.Span.End]));
    }

    [Fact]
    public void Out_of_range_bounds_are_clamped()
    {
        const string text = "@misc{a, title = {A}}";
        Assert.Single(BibtexScanner.Scan(text, -5, 1000).Entries);
        Assert.Empty(BibtexScanner.Scan(text, 10, 3).Entries);
    }

    [Fact]
    public void A_problem_span_is_inside_the_text()
    {
        const string text = "@article{x, title = {";
        var problem = Assert.Single(BibtexScanner.Scan(text, 0, text.Length).Problems);
        Assert.Equal(TextSpan.FromBounds(0, text.Length), problem.Span);
    }
}
