using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests;

/// <summary>Spec §2.1-2.2: prefixed, URL and DOI forms in plain text.</summary>
public class TextCitationFinderTests
{
    [Theory]
    [InlineData("see arXiv:«2312.00752» for details", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("arxiv:«2312.00752v2»", "2312.00752", 2, CitationForm.Prefix)]
    [InlineData("arXiv: «2312.00752»", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("ARXIV «2312.00752»", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("arXiv:«hep-th/9901001»", "hep-th/9901001", null, CitationForm.Prefix)]
    [InlineData("arXiv:«math.AG/0601001v3»", "math/0601001", 3, CitationForm.Prefix)]
    [InlineData("https://arxiv.org/abs/«1706.03762»", "1706.03762", null, CitationForm.Url)]
    [InlineData("http://www.arxiv.org/pdf/«1706.03762v5».pdf", "1706.03762", 5, CitationForm.Url)]
    [InlineData("arxiv.org/html/«2404.16112»", "2404.16112", null, CitationForm.Url)]
    [InlineData("https://export.arxiv.org/abs/«2404.16112»", "2404.16112", null, CitationForm.Url)]
    [InlineData("https://ar5iv.org/abs/«1409.3215»", "1409.3215", null, CitationForm.Url)]
    [InlineData("https://ar5iv.labs.arxiv.org/html/«1409.3215»", "1409.3215", null, CitationForm.Url)]
    [InlineData("https://huggingface.co/papers/«2312.00752»", "2312.00752", null, CitationForm.Url)]
    [InlineData("https://www.alphaxiv.org/abs/«2312.00752»", "2312.00752", null, CitationForm.Url)]
    [InlineData("https://doi.org/10.48550/arXiv.«2312.00752»", "2312.00752", null, CitationForm.Doi)]
    [InlineData("doi: 10.48550/ARXIV.«2312.00752»", "2312.00752", null, CitationForm.Doi)]
    [InlineData("(arxiv.org/abs/«hep-th/9901001v2»)", "hep-th/9901001", 2, CitationForm.Url)]
    [InlineData("see http://arxiv.org/abs/«1105.3689»/ for the proof", "1105.3689", null, CitationForm.Url)]
    [InlineData("arXiv：«2312.00752»", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("(arXiv:\n«2312.00752»)", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("(arXiv:\r\n   «2312.00752»)", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("as in arXiv\n«2312.00752»", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("arXiv preprint «2312.00752»", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("arXiv e-print «2312.00752»", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("ArXiv e-prints «2312.00752v2»", "2312.00752", 2, CitationForm.Prefix)]
    [InlineData("_arXiv:«2312.00752»_", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("__arXiv:«2312.00752»__", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("*arXiv:«2312.00752»*", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("~~arXiv:«2312.00752»~~", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("ICML/arXiv:«2312.00752»", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("(arXiv:«2312.00752»)", "2312.00752", null, CitationForm.Prefix)]
    [InlineData("https://browse.arxiv.org/abs/«2312.00752»", "2312.00752", null, CitationForm.Url)]
    [InlineData("hf.co/papers/«2312.00752»", "2312.00752", null, CitationForm.Url)]
    [InlineData("https://www.alphaxiv.org/overview/«2312.00752»", "2312.00752", null, CitationForm.Url)]
    [InlineData("https://arxiv.org/abs/arXiv:«1706.03762»", "1706.03762", null, CitationForm.Url)]
    public void Finds_each_form_with_the_id_range(string marked, string canonical, int? version, CitationForm form)
    {
        var fixture = Fixture.Parse(marked);
        var citation = Assert.Single(TextCitationFinder.Find(fixture.Text));
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Equal(canonical, citation.Id?.Canonical);
        Assert.Equal(version, citation.Version);
        Assert.Equal(form, citation.Form);
    }

    [Theory]
    [InlineData("version 1706.03762 of the package")]
    [InlineData("pi is 3.14159 and 2312.00752 is a number")]
    [InlineData("see myarxiv:2312.00752")]
    [InlineData("arXiv:2312.00752abc")]
    [InlineData("https://example.org/abs/2312.00752")]
    [InlineData("see notbrowse.arxiv.org/abs/2312.00752")]
    [InlineData("https://not-arxiv.org/abs/2312.00752")]
    [InlineData("https://arxiv.org/abs/0123456789abcdef0123456789abcdef")]
    [InlineData("https://huggingface.co/papers/0123456789abcdef0123456789abcdef")]
    [InlineData("hf.co/papers/0123456789abcdef0123456789abcdef")]
    [InlineData("arXiv:\n\n2312.00752")]
    [InlineData("arXiv preprint\n\n2312.00752")]
    public void Ignores_text_that_is_not_a_citation(string text) =>
        Assert.Empty(TextCitationFinder.Find(text));

    [Theory]
    [InlineData("see «arXiv：2312.00752» here")]
    [InlineData("(«arXiv:\n  2312.00752»)")]
    [InlineData("_«arXiv preprint 2312.00752»_")]
    [InlineData("«https://arxiv.org/abs/arXiv:1706.03762»")]
    [InlineData("«hf.co/papers/2312.00752»")]
    public void The_extent_is_the_whole_form_as_written(string marked)
    {
        var fixture = Fixture.Parse(marked);
        Assert.Equal(fixture.Ranges[0], Assert.Single(TextCitationFinder.Find(fixture.Text)).Extent);
    }

    [Fact]
    public void A_line_break_between_lines_that_are_not_contiguous_joins_them()
    {
        var fixture = Fixture.Parse("> \"«Attention Is All You Need»\" (arXiv:\n> «1706.03762») and arXiv:2312.00752");
        var text = fixture.Text;
        var second = text.IndexOf("1706", StringComparison.Ordinal);
        var before = TextSpan.FromBounds(2, text.IndexOf('\n'));
        var after = TextSpan.FromBounds(second, text.Length);

        var citation = Assert.Single(TextCitationFinder.FindAcrossLineBreak(text, before, after));

        Assert.Equal(fixture.Ranges[1], citation.Span);
        Assert.Equal(TextSpan.FromBounds(text.IndexOf("arXiv", StringComparison.Ordinal), fixture.Ranges[1].End), citation.Extent);
        Assert.Equal(new Claim("Attention Is All You Need", ClaimKind.Title, fixture.Ranges[0]), citation.Claim);
    }

    [Theory]
    [InlineData("see myarXiv:", "2312.00752")]
    [InlineData("see arXiv:2312.00752", "and 1706.03762")]
    [InlineData("arXiv: the archive", "2312.00752")]
    public void Nothing_crosses_a_line_break_without_a_prefix_ending_the_line(string first, string second)
    {
        var text = first + "\n> " + second;
        Assert.Empty(TextCitationFinder.FindAcrossLineBreak(text, new(0, first.Length), TextSpan.FromBounds(first.Length + 3, text.Length)));
    }

    [Theory]
    [InlineData("arXiv:«2313.00752»", "month 13")]
    [InlineData("arXiv:«1206.12345»", "four-digit")]
    [InlineData("arXiv:«2106.1234»", "five-digit")]
    [InlineData("arXiv:«foo-th/9901001»", "unknown archive")]
    [InlineData("https://arxiv.org/abs/«0612.1234»", "April 2007")]
    public void Keeps_malformed_ids_with_the_reason(string marked, string reason)
    {
        var fixture = Fixture.Parse(marked);
        var citation = Assert.Single(TextCitationFinder.Find(fixture.Text));
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Null(citation.Id);
        Assert.Contains(reason, citation.MalformedReason);
    }

    [Theory]
    [InlineData("\"«Attention Is All You Need»\" (arXiv:1706.03762)")]
    [InlineData("arXiv:1706.03762 “«Attention Is All You Need»”")]
    [InlineData("arXiv:1706.03762 (\"«Attention Is All You Need»\")")]
    [InlineData("Gu, A., & Dao, T. (2023). «Mamba: Linear-Time Sequence Modeling with Selective State Spaces». arXiv preprint arXiv:2312.00752.")]
    [InlineData("Sutskever, I., Vinyals, O., Le, Q. V. (2014). «Sequence to Sequence Learning with Neural Networks». https://arxiv.org/abs/1409.3215")]
    public void Reads_title_claims_beside_the_id(string marked)
    {
        var fixture = Fixture.Parse(marked);
        var claim = Assert.Single(TextCitationFinder.Find(fixture.Text)).Claim;
        Assert.NotNull(claim);
        Assert.Equal(ClaimKind.Title, claim.Kind);
        Assert.Equal(fixture.Slice(fixture.Ranges[0]), claim.Text);
        Assert.Equal(fixture.Ranges[0], claim.Span);
    }

    [Fact]
    public void A_list_label_is_a_name_claim()
    {
        var fixture = Fixture.Parse("- «Mamba»: https://arxiv.org/abs/2404.16789");
        var claim = Assert.Single(TextCitationFinder.Find(fixture.Text)).Claim;
        Assert.Equal(new Claim("Mamba", ClaimKind.Name, fixture.Ranges[0]), claim);
    }

    [Theory]
    [InlineData("1. «Mamba»: arXiv:2404.16789")]
    [InlineData("> * «S4»: https://arxiv.org/abs/2110.13985")]
    [InlineData("- **«Mamba-360»**: https://arxiv.org/abs/2404.16112")]
    [InlineData("# - «Mamba»: https://arxiv.org/abs/2404.16789")]
    public void List_labels_in_other_shapes_are_name_claims(string marked)
    {
        var fixture = Fixture.Parse(marked);
        var claim = Assert.Single(TextCitationFinder.Find(fixture.Text)).Claim;
        Assert.Equal(new Claim(fixture.Slice(fixture.Ranges[0]), ClaimKind.Name, fixture.Ranges[0]), claim);
    }

    [Theory]
    [InlineData("Update: https://arxiv.org/abs/2305.19466")]
    [InlineData(" * Reference: arXiv:2312.00752")]
    [InlineData("- See also: https://arxiv.org/abs/2312.00752")]
    [InlineData("Technical Report On ArXiv: https://arxiv.org/abs/2312.00752")]
    [InlineData("We build on arXiv:2312.00752 for the scan.")]
    [InlineData("# see https://arxiv.org/abs/2312.00752")]
    public void Plain_mentions_carry_no_claim(string text) =>
        Assert.Null(Assert.Single(TextCitationFinder.Find(text)).Claim);

    [Fact]
    public void A_line_with_thousands_of_citations_yields_each_with_its_own_claim()
    {
        var entry = "\"Attention Is All You Need\" (arXiv:1706.03762), ";
        var text = string.Concat(Enumerable.Repeat(entry, 5_000));
        var citations = TextCitationFinder.Find(text).ToList();
        Assert.Equal(5_000, citations.Count);
        Assert.All(citations, c => Assert.Equal("Attention Is All You Need", c.Claim?.Text));
    }
}
