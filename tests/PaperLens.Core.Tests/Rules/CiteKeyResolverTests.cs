using PaperLens.Core.Citations;
using PaperLens.Core.Rules;

namespace PaperLens.Core.Tests.Rules;

/// <summary>Spec §2.4: pandoc keys resolve through the workspace's .bib files and front matter bibliographies.</summary>
public class CiteKeyResolverTests
{
    private static readonly ScannedDocument MainBib = Documents.Bib("paper/refs/main.bib", Documents.Entry("gu2023", "2312.00752"));
    private static readonly ScannedDocument OtherBib = Documents.Bib("other.bib", Documents.Entry("gu2023", "2404.16112"), Documents.Entry("hochreiter1997", null));

    [Theory]
    [InlineData("paper/draft.md", "refs/main.bib", "2312.00752")]
    [InlineData("paper/draft.md", "./refs/../refs/main.bib", "2312.00752")]
    [InlineData("paper/sub/draft.md", "../refs/main.bib", "2312.00752")]
    [InlineData("draft.md", "paper/refs/main.bib", "2312.00752")]
    [InlineData("paper/draft.md", "missing.bib", "2404.16112")]
    public void A_declared_bibliography_relative_to_the_document_is_searched_first(string documentPath, string bibliography, string expected)
    {
        var fixture = Fixture.Parse("as shown by [@«gu2023»]");
        var document = Documents.Markdown(documentPath, fixture, bibliography);
        var resolver = new CiteKeyResolver([OtherBib, MainBib, document]);

        var citation = Assert.Single(resolver.Resolve(document));

        Assert.Equal(expected, citation.Id?.Canonical);
        Assert.Equal(fixture.Ranges[0], citation.Span);
    }

    [Fact]
    public void Without_a_declaration_every_bib_file_is_searched_in_path_order()
    {
        var document = Documents.Markdown("notes.md", Fixture.Parse("[@«GU2023»]"));
        var lookup = new CiteKeyResolver([MainBib, OtherBib, document]).Lookup(document, "GU2023");

        Assert.Equal(KeyStatus.Resolved, lookup.Status);
        Assert.Equal("other.bib", lookup.BibliographyPath);
        Assert.Equal("2404.16112", lookup.Entry?.Id?.Canonical);
    }

    [Fact]
    public void A_key_of_an_entry_without_an_arxiv_id_resolves_but_cites_no_arxiv_paper()
    {
        var document = Documents.Markdown("notes.md", Fixture.Parse("LSTMs [@«hochreiter1997»] and Mamba [@«gu2023»]"));
        var resolver = new CiteKeyResolver([OtherBib, document]);

        Assert.Equal(KeyStatus.Resolved, resolver.Lookup(document, "hochreiter1997").Status);
        var citation = Assert.Single(resolver.Resolve(document));
        Assert.Equal((CitationForm.CiteKey, "gu2023"), (citation.Form, citation.RawText));
    }

    [Fact]
    public void An_unknown_key_stays_without_an_id_when_bibliographies_exist()
    {
        var document = Documents.Markdown("notes.md", Fixture.Parse("[@«smith2020»]"));
        var resolver = new CiteKeyResolver([OtherBib, document]);

        Assert.Equal(KeyStatus.Unresolved, resolver.Lookup(document, "smith2020").Status);
        var citation = Assert.Single(resolver.Resolve(document));
        Assert.Null(citation.Id);
    }

    [Fact]
    public void Without_any_bibliography_a_key_is_not_a_citation_problem()
    {
        var readme = Documents.Markdown("README.md", Fixture.Parse("thanks to @«karpathy»"));
        var resolver = new CiteKeyResolver([readme, Documents.FromText("model.py", "# arXiv:2312.00752")]);

        Assert.False(resolver.HasBibliography);
        Assert.Equal(KeyStatus.NoBibliography, resolver.Lookup(readme, "karpathy").Status);
    }

    [Fact]
    public void A_declared_bibliography_that_is_missing_still_makes_an_unknown_key_unresolved()
    {
        var draft = Documents.Markdown("draft.md", Fixture.Parse("[@«gu2023»]"), "refs.bib");
        Assert.Equal(KeyStatus.Unresolved, new CiteKeyResolver([draft]).Lookup(draft, "gu2023").Status);
    }
}
