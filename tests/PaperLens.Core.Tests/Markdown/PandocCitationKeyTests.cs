using PaperLens.Core.Citations;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>Spec §2.4: pandoc citation keys, with the key's range (without the @); and the READMEs full of
/// <c>@username</c> and e-mail addresses that must not become unresolved keys (PL008).</summary>
public class PandocCitationKeyTests
{
    private const string WithBibliography = "---\nbibliography: refs.bib\n---\n";

    [Theory]
    [InlineData("As shown [@«gu2023mamba»].", "README.md")]
    [InlineData("As shown [see @«gu2023mamba», p. 3; @«vaswani2017attention»].", "README.md")]
    [InlineData("Gu and Dao [-@«gu2023mamba»] show it.", "notes.md")]
    [InlineData("[@«Doe_2020:a-b.c»; @«smith04»]", "notes.md")]
    [InlineData("[@{«https://example.com/bib?name=foobar&date=2000»}]", "notes.md")]
    [InlineData("- item\n  > quoted [@«gu2023mamba»]", "notes.md")]
    [InlineData(WithBibliography + "@«gu2023mamba» shows that.", "draft.md")]
    [InlineData(WithBibliography + "As @«gu2023mamba». And (@«vaswani2017», p. 4)", "draft.md")]
    [InlineData("@«gu2023mamba» shows that.", "draft.qmd")]
    [InlineData("@«gu2023mamba» shows that.", "draft.Rmd")]
    public void Finds_keys_with_their_ranges(string marked, string path)
    {
        var (fixture, document) = MarkdownScan.Run(marked, path);
        Assert.Equal(fixture.Ranges, document.Citations.Select(c => c.Span));
        Assert.All(document.Citations, c =>
        {
            Assert.Equal(CitationForm.CiteKey, c.Form);
            Assert.Equal(CitationTarget.UnresolvedKey.Instance, c.Target);
            Assert.Equal(fixture.Slice(c.Span), c.RawText);
        });
    }

    [Theory]
    [InlineData("Thanks to @octocat and @hubot for the fix.", "README.md")]
    [InlineData(WithBibliography + "Write to jane.doe@example.org or me@host.io.", "draft.md")]
    [InlineData(WithBibliography + "In code: `[@gu2023mamba]` and `@gu2023mamba`.", "draft.md")]
    [InlineData(WithBibliography + "```\n[@gu2023mamba]\n```", "draft.md")]
    [InlineData(WithBibliography + "Thanks [@octocat](https://github.com/octocat).", "draft.md")]
    [InlineData(WithBibliography + "<div data-x=\"@gu2023mamba\">\n[@gu2023mamba]\n</div>", "draft.md")]
    [InlineData("See @fig-results and [@tbl-summary].", "draft.qmd")]
    [InlineData("Decorators like @staticmethod in prose.", "README.md")]
    public void Finds_no_key_in_mentions_mail_code_links_html_or_cross_references(string text, string path) =>
        Assert.Empty(MarkdownScan.Run(text, path).Document.Citations);

    [Theory]
    [InlineData("Attention [@arxiv:«1706.03762»].", "README.md", "1706.03762", null)]
    [InlineData("Manubot style [@arXiv:«2312.00752v2»; see @arxiv:«hep-th/9901001», p. 3].", "notes.md", null, null)]
    [InlineData(WithBibliography + "As @arXiv:«2312.00752v2» shows.", "draft.md", "2312.00752", 2)]
    [InlineData("As @arxiv:«2312.00752» shows.", "draft.qmd", "2312.00752", null)]
    [InlineData("[@{arxiv:«1706.03762»}]", "notes.md", "1706.03762", null)]
    public void A_key_that_is_a_prefixed_id_is_a_citation_of_that_paper_not_a_key(string marked, string path, string? canonical, int? version)
    {
        var (fixture, document) = MarkdownScan.Run(marked, path);
        Assert.Equal(fixture.Ranges, document.Citations.Select(c => c.Span));
        Assert.All(document.Citations, c =>
        {
            Assert.Equal(CitationForm.Prefix, c.Form);
            Assert.IsType<CitationTarget.Paper>(c.Target);
        });
        if (canonical is null) return;
        var citation = Assert.Single(document.Citations);
        Assert.Equal(canonical, citation.Id?.Canonical);
        Assert.Equal(version, citation.Version);
    }

    [Fact]
    public void A_manubot_key_with_a_malformed_id_is_a_malformed_citation_and_other_keys_stay_keys()
    {
        var (fixture, document) = MarkdownScan.Run("[@arxiv:«2313.00752»; @«arxiv2023survey»; @«arxiv:notanid»]", "notes.md");
        Assert.Equal(fixture.Ranges, document.Citations.Select(c => c.Span));
        Assert.Equal([CitationForm.Prefix, CitationForm.CiteKey, CitationForm.CiteKey], document.Citations.Select(c => c.Form));
        Assert.Contains("month 13", document.Citations[0].MalformedReason);
    }

    [Theory]
    [InlineData("---\nbibliography: refs.bib\n---\n", new[] { "refs.bib" })]
    [InlineData("---\ntitle: \"Draft\"\nbibliography: \"refs.bib\" # main\n---\n", new[] { "refs.bib" })]
    [InlineData("---\nbibliography: [a.bib, 'b.bib']\n---\n", new[] { "a.bib", "b.bib" })]
    [InlineData("---\nbibliography:\n  - a.bib\n  - \"sub/b.bib\"\nlink-citations: true\n---\n", new[] { "a.bib", "sub/b.bib" })]
    [InlineData("---\ntitle: Draft\n---\n[@key]", new string[0])]
    public void Reads_the_bibliography_of_the_front_matter(string text, string[] files) =>
        Assert.Equal(files, MarkdownScan.Run(text + "\n[@key] text", "draft.md").Document.Bibliographies);
}
