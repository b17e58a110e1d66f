using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Bibtex;

/// <summary>Spec §2.3: the fields of a BibTeX entry that name an arXiv paper, with the id's exact range.</summary>
public class BibtexCitationTests
{
    private static Citation SingleCitation(Fixture fixture)
    {
        var result = BibtexScanner.Scan(fixture.Text, 0, fixture.Text.Length);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Citations);
    }

    [Theory]
    [InlineData("@article{gu2023,\n  title = {Mamba},\n  eprint = {«2312.00752»},\n  archivePrefix = {arXiv},\n}", "2312.00752", null)]
    [InlineData("@misc{gu2023, eprint = {«2312.00752v2»}, eprinttype = {arxiv}}", "2312.00752", 2)]
    [InlineData("@article{Araz:2026img,\n    eprint = \"«2606.13780»\",\n    archivePrefix = \"arXiv\",\n    primaryClass = \"hep-ph\"\n}", "2606.13780", null)]
    [InlineData("@article{x, eprint=\"{«2102.02278»}\", archivePrefix=\"arXiv\"}", "2102.02278", null)]
    [InlineData("@article{old, eprint = \"«hep-ph/9905221»\"}", "hep-ph/9905221", null)]
    [InlineData("@article{bare, eprint = {«1706.03762»}}", "1706.03762", null)]
    [InlineData("@article{ads, journal = {arXiv e-prints}, eprint = {«2401.00001»}}", "2401.00001", null)]
    [InlineData("@article{g, journal = {arXiv preprint arXiv:«2312.00752»}}", "2312.00752", null)]
    [InlineData("@article{DBLP:journals/corr/VaswaniSPUJGKP17,\n  journal = {CoRR},\n  volume = {abs/«1706.03762»},\n}", "1706.03762", null)]
    [InlineData("@article{s2, journal = {ArXiv}, volume = {abs/«2312.00752»}}", "2312.00752", null)]
    [InlineData("@misc{u, url = {https://arxiv.org/abs/«2312.00752v1»}}", "2312.00752", 1)]
    [InlineData("@misc{d, doi = {10.48550/arXiv.«2312.00752»}}", "2312.00752", null)]
    [InlineData("@misc{h, howpublished = {\\url{https://arxiv.org/pdf/«2312.00752».pdf}}}", "2312.00752", null)]
    [InlineData("@misc{n, note = {arXiv:«2312.00752»}}", "2312.00752", null)]
    [InlineData("@misc(paren, eprint = {«2312.00752»}, archiveprefix = {arXiv})", "2312.00752", null)]
    [InlineData("@article{d2l, journal = {Ar{X}iv:«1706.03762»}}", "1706.03762", null)]
    [InlineData("@article{g, journal = {{arXiv} preprint {arXiv}:«1706.03762v5»}}", "1706.03762", 5)]
    [InlineData("@inproceedings{g, booktitle = {arXiv preprint arXiv:«1706.03762»}}", "1706.03762", null)]
    [InlineData("@misc{z, publisher = {arXiv}, number = {arXiv:«2312.00752»}}", "2312.00752", null)]
    [InlineData("@misc{n, note = \"{ArXiv}: «2312.00752»\"}", "2312.00752", null)]
    [InlineData("@misc{h, howpublished = {\\url{https://hf.co/papers/«2312.00752»}}}", "2312.00752", null)]
    [InlineData("@article{m, arxivId = {«hep-th/0601001»}}", "hep-th/0601001", null)]
    [InlineData("@article{m, arxivId = {«1706.03762»}}", "1706.03762", null)]
    [InlineData("@article{m, eprint = {0601001}, arxivId = {«hep-th/0601001»}}", "hep-th/0601001", null)]
    public void Finds_the_id_in_each_field_form(string marked, string canonical, int? version)
    {
        var fixture = Fixture.Parse(marked);
        var citation = SingleCitation(fixture);
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Equal(canonical, citation.Id?.Canonical);
        Assert.Equal(version, citation.Version);
        Assert.Equal(CitationForm.Bibtex, citation.Form);
        Assert.Equal(CitationRole.BibEntry, citation.Role);
        Assert.Equal(fixture.Slice(fixture.Ranges[0]), citation.RawText);
    }

    [Fact]
    public void The_label_is_the_entry_key()
    {
        var fixture = Fixture.Parse("@article{gu2023:mamba-v2/x.y+z, eprint = {2312.00752}, archivePrefix = {arXiv}}");
        Assert.Equal("gu2023:mamba-v2/x.y+z", SingleCitation(fixture).Label);
    }

    [Fact]
    public void Eprint_comes_before_the_other_fields()
    {
        var fixture = Fixture.Parse(
            "@article{a,\n  url = {https://arxiv.org/abs/1706.03762},\n  journal = {arXiv preprint arXiv:1409.3215},\n  eprint = {«2312.00752»}, archivePrefix = {arXiv}\n}");
        var citation = SingleCitation(fixture);
        Assert.Equal(fixture.Ranges[0], citation.Span);
    }

    [Fact]
    public void Journal_comes_before_url()
    {
        var fixture = Fixture.Parse("@article{a, url = {https://arxiv.org/abs/1706.03762}, journal = {arXiv preprint arXiv:«1409.3215»}}");
        Assert.Equal(fixture.Ranges[0], SingleCitation(fixture).Span);
    }

    [Theory]
    [InlineData("@article{p, eprint = {31415926}, archivePrefix = {PubMed}}")]
    [InlineData("@article{p, eprint = {2312.00752}, eprinttype = {hal}}")]
    [InlineData("@article{p, eprint = {hal-01234567}}")]
    [InlineData("@article{p, journal = {Phys. Rev. D}, volume = {abs/1706.03762}}")]
    [InlineData("@article{p, note = {version 1706.03762 of the code}}")]
    [InlineData("@article{p, SLACcitation = {%%CITATION = ARXIV:1904.12072;%%}}")]
    [InlineData("@article{p, title = {Comments on Ar{X}iv:1706.03762}, journal = {Phys. Rev. D}}")]
    [InlineData("@article{p, abstract = {We extend arXiv:1706.03762.}}")]
    [InlineData("@article{p, journal = {Ar{X}iv}, number = {17}}")]
    [InlineData("@article{p, eprint = {0601001}}")]
    // Mendeley's guess at an eprint for a journal paper: no id shape, so no malformed id either.
    [InlineData("@article{p, archivePrefix = {arXiv}, arxivId = {20}, eprint = {20}, journal = {Science}}")]
    [InlineData("@article{p, note = {my{arXiv}:1706.03762}}")]
    public void Fields_that_do_not_name_an_arxiv_paper_give_no_citation(string text)
    {
        var result = BibtexScanner.Scan(text, 0, text.Length);
        Assert.Empty(result.Problems);
        Assert.Empty(result.Citations);
        Assert.Null(Assert.Single(result.Entries).Id);
    }

    [Fact]
    public void A_pubmed_eprint_does_not_hide_an_arxiv_url()
    {
        var fixture = Fixture.Parse("@article{p, eprint = {31415926}, archivePrefix = {PubMed}, url = {https://arxiv.org/abs/«1706.03762»}}");
        Assert.Equal(fixture.Ranges[0], SingleCitation(fixture).Span);
    }

    [Theory]
    [InlineData("@article{bad, eprint = {«2313.00752»}, archivePrefix = {arXiv}}", "month 13")]
    [InlineData("@article{bad, eprint = \"«1206.12345»\", archivePrefix = \"arXiv\"}", "four-digit")]
    [InlineData("@article{bad, journal = {arXiv e-prints}, eprint = {«2106.1234»}}", "five-digit")]
    [InlineData("@article{bad, journal = {arXiv preprint arXiv:«2313.00752»}}", "month 13")]
    [InlineData("@article{bad, journal = {CoRR}, volume = {abs/«foo-th/9901001»}}", "unknown archive")]
    public void Malformed_ids_are_kept_with_the_reason(string marked, string reason)
    {
        var fixture = Fixture.Parse(marked);
        var citation = SingleCitation(fixture);
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Null(citation.Id);
        Assert.Contains(reason, citation.MalformedReason);
    }

    [Theory]
    [InlineData("@article{m, archivePrefix = {arXiv}, eprint = {«0601001»}, primaryClass = {hep-th}}", "hep-th/0601001", null)]
    [InlineData("@article{m, eprint = {«9901001v2»}, primaryclass = {hep-ph}}", "hep-ph/9901001", 2)]
    [InlineData("@article{m, eprint = {«0601001»}, primaryClass = {math.AG}, archivePrefix = {arXiv}}", "math/0601001", null)]
    [InlineData("@article{m, archivePrefix = {arXiv}, arxivId = {arXiv:physics/9806030v1}, eprint = {«9806030v1»}, primaryClass = {arXiv:physics}}", "physics/9806030", 1)]
    public void Mendeley_old_style_eprint_takes_its_archive_from_primary_class(string marked, string canonical, int? version)
    {
        var fixture = Fixture.Parse(marked);
        var citation = SingleCitation(fixture);
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Equal(fixture.Slice(fixture.Ranges[0]), citation.RawText);
        Assert.Equal(canonical, citation.Id?.Canonical);
        Assert.Equal(version, citation.Version);
        Assert.Null(citation.MalformedReason);
    }

    [Fact]
    public void A_prefix_written_with_tex_braces_keeps_its_extent_in_the_file()
    {
        var fixture = Fixture.Parse("@article{g, journal = {{arXiv} preprint {«arXiv}:1706.03762»}}");
        var citation = SingleCitation(fixture);
        Assert.Equal(TextSpan.FromBounds(fixture.Ranges[0].End - "1706.03762".Length, fixture.Ranges[0].End), citation.Span);
        Assert.Equal(fixture.Ranges[0], citation.Extent);
    }

    [Theory]
    [InlineData("@article{gu2023,\n  author = {«Gu, Albert and Dao, Tri»},\n  year = {«2023»},\n  eprint = {2312.00752}, archivePrefix = {arXiv}}", "Gu, Albert and Dao, Tri", 2023)]
    [InlineData("@article{gu2023, author = \"«Gu, Albert and\n    Dao, Tri»\", year = «2023», eprint = {2312.00752}}", "Gu, Albert and Dao, Tri", 2023)]
    [InlineData("@online{b, author = {«Bal{\\'a}zs, Anna»}, date = {«2023»-12-01}, url = {https://arxiv.org/abs/2312.00752}}", "Balázs, Anna", 2023)]
    public void The_author_and_year_fields_are_the_author_year_claim(string marked, string authors, int year)
    {
        var fixture = Fixture.Parse(marked);
        var claim = SingleCitation(fixture).AuthorYear;
        Assert.Equal(new AuthorYearClaim(authors, fixture.Ranges[0], year, fixture.Ranges[1]), claim);
    }

    [Fact]
    public void An_entry_without_author_or_year_has_no_author_year_claim_and_a_missing_part_stays_null()
    {
        Assert.Null(SingleCitation(Fixture.Parse("@misc{x, eprint = {2312.00752}}")).AuthorYear);
        var fixture = Fixture.Parse("@misc{x, year = {circa «2023»}, eprint = {2312.00752}}");
        Assert.Equal(new AuthorYearClaim(null, null, 2023, fixture.Ranges[0]), SingleCitation(fixture).AuthorYear);
    }

    [Fact]
    public void An_id_shaped_eprint_without_archive_prefix_is_not_called_malformed()
    {
        const string text = "@article{x, eprint = {2313.00752}}";
        Assert.Empty(BibtexScanner.Scan(text, 0, text.Length).Citations);
    }

    [Fact]
    public void The_title_field_is_the_title_claim()
    {
        var fixture = Fixture.Parse(
            "@article{gu2023,\n  title = {«{Mamba}: Linear-Time Sequence Modeling with\n    Selective State Spaces»},\n  eprint = {2312.00752}, archivePrefix = {arXiv}}");
        var claim = SingleCitation(fixture).Claim;
        Assert.Equal(new Claim("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", ClaimKind.Title, fixture.Ranges[0]), claim);
    }

    [Fact]
    public void A_quoted_inspire_title_is_a_claim_without_its_braces()
    {
        var fixture = Fixture.Parse(
            "@article{Lachner:2026lqn,\n    author = \"Lachner, Katharina and Alonso-Monsalve, Sa{\\'u}l\",\n    title = \"«{Deep-learning-based low-energy trigger algorithms for the Hyper-Kamiokande experiment}»\",\n    eprint = \"2605.31391\",\n    archivePrefix = \"arXiv\",\n}");
        var claim = SingleCitation(fixture).Claim;
        Assert.NotNull(claim);
        Assert.Equal("Deep-learning-based low-energy trigger algorithms for the Hyper-Kamiokande experiment", claim.Text);
        Assert.Equal(fixture.Ranges[0], claim.Span);
    }

    [Fact]
    public void Entries_carry_the_id_and_version_of_their_citation()
    {
        const string text = "@Article{gu2023, eprint = {2312.00752v3}, archivePrefix = {arXiv}}\n@book{knuth, title = {The Art}}";
        var entries = BibtexScanner.Scan(text, 0, text.Length).Entries;
        Assert.Equal(2, entries.Count);
        Assert.Equal("2312.00752", entries[0].Id?.Canonical);
        Assert.Equal(3, entries[0].Version);
        Assert.Equal("article", entries[0].EntryType);
        Assert.Null(entries[1].Id);
        Assert.Null(entries[1].Version);
        Assert.Equal("The Art", entries[1].Title);
    }
}
