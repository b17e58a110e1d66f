using System.Text;
using PaperLens.Core.Catalog;

namespace PaperLens.Metadata.Tests;

/// <summary>Both generations of arXiv API responses become complete records; anything that is not a
/// whole, safe Atom feed becomes an error and no record.</summary>
public sealed class AtomFeedParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<PaperRecord> Parse(string xml) => AtomFeedParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Now);

    private static IReadOnlyList<PaperRecord> ParseFixture(string name) => Parse(Fixtures.AtomText(name));

    [Fact]
    public void A_current_response_gives_the_whole_record_with_every_version_number()
    {
        var paper = Assert.Single(ParseFixture("francojc_lumen__arxiv_get_by_id.xml"));

        Assert.Equal("1706.03762", paper.Id.Canonical);
        Assert.Equal("Attention Is All You Need", paper.Title);
        Assert.Equal("Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N. Gomez, Lukasz Kaiser, Illia Polosukhin", paper.Authors);
        Assert.Equal(["cs.CL", "cs.LG"], paper.Categories);
        Assert.Equal("15 pages, 5 figures", paper.Comments);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], paper.Versions.Select(v => v.Number));
        Assert.True(paper.VersionsComplete);
        Assert.Equal(new DateTimeOffset(2017, 6, 12, 17, 57, 34, TimeSpan.Zero), paper.Versions[0].Created);
        Assert.Equal(new DateTimeOffset(2023, 8, 2, 0, 41, 18, TimeSpan.Zero), paper.Versions[6].Created);
        Assert.All(paper.Versions.Skip(1).SkipLast(1), v => Assert.Null(v.Created));
        Assert.StartsWith("The dominant sequence transduction models", paper.Abstract, StringComparison.Ordinal);
        Assert.False(paper.Withdrawn);
        Assert.Equal(RecordSource.ArxivApi, paper.Source);
        Assert.Equal(Now, paper.FetchedAt);
    }

    [Fact]
    public void An_old_response_with_an_old_style_id_and_wrapped_text_is_read_too()
    {
        var paper = Assert.Single(ParseFixture("arxiv-docs_user-manual__typical-response-example.xml"));

        Assert.Equal("hep-ex/0307015", paper.Id.Canonical);
        Assert.Equal("Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA", paper.Title);
        Assert.StartsWith("Multi-electron production is studied at high electron transverse momentum in positron- and", paper.Abstract, StringComparison.Ordinal);
        Assert.Equal("Eur.Phys.J. C31 (2003) 17-29", paper.JournalRef);
        Assert.Equal("H1 Collaboration", paper.Authors);
        Assert.Equal(["hep-ex"], paper.Categories);
        var version = Assert.Single(paper.Versions);
        Assert.Equal(1, version.Number);
        Assert.Equal(new DateTimeOffset(2003, 7, 7, 17, 46, 39, TimeSpan.Zero), version.Created);
    }

    [Fact]
    public void The_doi_and_journal_reference_are_kept()
    {
        var papers = ParseFixture("malkreide_swiss-academic-libraries-mcp__arxiv_feed.xml");

        var published = Assert.Single(papers, p => p.Id.Canonical == "1107.0825");
        Assert.Equal("10.1088/1742-6596/309/1/012012", published.Doi);
        Assert.Equal("J.Phys.Conf.Ser.309:012012,2011", published.JournalRef);
        Assert.Equal(["physics.ins-det"], published.Categories.Take(1));
    }

    [Theory]
    [InlineData("francojc_lumen__arxiv_search.xml")]
    [InlineData("saeedrafsharx_arxiv-digest__arxiv_response.xml")]
    [InlineData("zzjjay_llm-paper-radar__arxiv_response.xml")]
    [InlineData("malkreide_swiss-academic-libraries-mcp__arxiv_feed.xml")]
    [InlineData("james-akl_xiv__arxiv_response.xml")]
    public void Every_entry_of_a_recorded_search_becomes_a_record(string fixture)
    {
        var text = Fixtures.AtomText(fixture);
        var entries = text.Split("<entry").Length - 1;

        var papers = Parse(text);

        Assert.Equal(entries, papers.Count);
        Assert.All(papers, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Title));
            Assert.DoesNotContain("\n", p.Title, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(p.Authors));
            Assert.NotEmpty(p.Categories);
            Assert.True(p.VersionsComplete);
        });
    }

    [Fact]
    public void A_withdrawal_notice_in_the_comment_marks_the_paper_withdrawn()
    {
        var xml = Fixtures.AtomText("francojc_lumen__arxiv_get_by_id.xml")
            .Replace("15 pages, 5 figures", "This paper has been withdrawn by the author due to an error in Eq. 3", StringComparison.Ordinal);

        Assert.True(Assert.Single(Parse(xml)).Withdrawn);
    }

    [Fact]
    public void An_error_feed_is_an_error_naming_arxivs_reason()
    {
        var error = Assert.Throws<AtomFeedException>(() => ParseFixture("arxiv-docs_user-manual__error-example.xml"));

        Assert.True(error.IsErrorFeed);
        Assert.Contains("incorrect id format for 1234.12345", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_response_gives_no_record_at_all()
    {
        var text = Fixtures.AtomText("saeedrafsharx_arxiv-digest__arxiv_response.xml");

        var error = Assert.Throws<AtomFeedException>(() => Parse(text[..(text.Length * 2 / 3)]));

        Assert.False(error.IsErrorFeed);
    }

    [Fact]
    public void An_html_page_is_not_a_feed()
    {
        Assert.Throws<AtomFeedException>(() => Parse("<!DOCTYPE html><html><body>Service unavailable</body></html>"));
        Assert.Throws<AtomFeedException>(() => Parse("<html><body><p>Service unavailable</p></body></html>"));
    }

    [Fact]
    public void An_external_entity_is_refused_and_never_read()
    {
        var secret = Path.Combine(Path.GetTempPath(), "paperlens-xxe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE feed [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/1706.03762v1</id>
                <title>&xxe;</title><published>2017-06-12T17:57:34Z</published><updated>2017-06-12T17:57:34Z</updated></entry></feed>
                """;

            var error = Assert.Throws<AtomFeedException>(() => Parse(xml));

            Assert.DoesNotContain("TOP-SECRET-CONTENT", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_billion_laughs_payload_is_refused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title></feed>
            """;

        Assert.Throws<AtomFeedException>(() => Parse(xml));
    }

    [Fact]
    public void A_document_that_is_not_an_atom_feed_is_refused()
    {
        var error = Assert.Throws<AtomFeedException>(() => Parse("<rss><channel><title>news</title></channel></rss>"));

        Assert.Contains("not an Atom feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_with_no_entry_is_an_empty_answer()
    {
        Assert.Empty(Parse("""<feed xmlns="http://www.w3.org/2005/Atom"><title>arXiv Query: id_list=2401.99999</title></feed>"""));
    }
}
