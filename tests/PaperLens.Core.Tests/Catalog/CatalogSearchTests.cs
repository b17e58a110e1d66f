using CsCheck;
using PaperLens.Core.Catalog;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>A catalog holding the bundled papers and the shared snapshot fixtures, shared by the search tests.</summary>
public sealed class SearchableCatalog : IDisposable
{
    private readonly CatalogTestFiles files = new();

    public SearchableCatalog()
    {
        Catalog = PaperCatalog.Open(files.CatalogPath);
        var importer = new SnapshotImporter();
        importer.Import(Catalog, CatalogTestFiles.Fixture(CatalogTestFiles.BrowseFixtures));
        importer.Import(Catalog, CatalogTestFiles.Fixture(CatalogTestFiles.Head200));
    }

    public PaperCatalog Catalog { get; }

    public void Dispose()
    {
        Catalog.Dispose();
        files.Dispose();
    }
}

/// <summary>Issue 2 item 5 and spec §5 <c>lookup QUERY</c>: full-text search over titles, authors, ids and years.</summary>
public sealed class CatalogSearchTests(SearchableCatalog fixture) : IClassFixture<SearchableCatalog>
{
    private readonly PaperCatalog catalog = fixture.Catalog;

    [Fact]
    public void A_title_word_finds_the_paper_first()
    {
        var results = catalog.Search("diphoton", 5);

        Assert.Equal("0704.0001", results[0].Id.Canonical);
        Assert.All(results, r => Assert.Contains("diphoton", r.Title, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Balázs")]
    [InlineData("balazs")]
    [InlineData("BALAZS diphoton")]
    [InlineData("Bal nadolsky")]
    public void An_author_written_in_TeX_is_found_by_the_plain_name(string query)
    {
        var results = catalog.Search(query, 10);

        Assert.Contains(results, r => r.Id.Canonical == "0704.0001" && r.Authors.StartsWith("C. Bal\\'azs", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_are_all_required_and_matched_as_prefixes()
    {
        Assert.Equal(["0704.0001"], catalog.Search("diphot tevatr nadolsky", 10).Select(r => r.Id.Canonical));
        Assert.Empty(catalog.Search("diphoton quokka", 10));
    }

    [Theory]
    [InlineData("0704.000", 9)]
    [InlineData("0704.01", 10)]
    [InlineData("math-ph/05", 20)]
    [InlineData("acc-phys/94", 4)]
    public void An_id_prefix_finds_the_ids_that_start_with_it(string prefix, int limit)
    {
        var results = catalog.Search(prefix, limit);

        Assert.Equal(limit, results.Count);
        Assert.All(results, r => Assert.StartsWith(prefix, r.Id.Canonical, StringComparison.Ordinal));
    }

    [Fact]
    public void A_year_narrows_the_search_to_papers_submitted_that_year()
    {
        var all = catalog.Search("mamba", 100);
        var of2024 = catalog.Search("mamba 2024", 100);

        Assert.NotEmpty(of2024);
        Assert.True(of2024.Count < all.Count);
        Assert.All(of2024, r => Assert.Equal(2024, r.Id.Year));
    }

    [Fact]
    public void The_limit_is_respected()
    {
        Assert.Equal(3, catalog.Search("the", 3).Count);
        Assert.Empty(catalog.Search("the", 0));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced")]
    [InlineData("*")]
    [InlineData("diphoton*")]
    [InlineData("-diphoton")]
    [InlineData("title:diphoton")]
    [InlineData("NOT diphoton")]
    [InlineData("diphoton AND OR")]
    [InlineData("NEAR(diphoton")]
    [InlineData("(diphoton) ^x {a b}: + , . ; ' \\")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0")]
    public void Query_text_with_FTS_syntax_never_makes_the_search_fail(string query)
    {
        var results = catalog.Search(query, 5);

        Assert.True(results.Count <= 5);
    }

    [Fact]
    public void A_quote_or_operator_in_a_word_is_searched_as_text()
    {
        Assert.Equal("0704.0001", catalog.Search("\"diphoton\"", 1).Single().Id.Canonical);
        Assert.Equal("0704.0001", catalog.Search("-diphoton", 1).Single().Id.Canonical);
    }

    [Fact]
    public void Any_text_is_a_valid_query()
    {
        Gen.String[Gen.Char[' ', '~'], 0, 30].Select(Gen.String, (ascii, any) => ascii + any)
            .Sample(query => Assert.True(catalog.Search(query, 3).Count <= 3), iter: 300);
    }
}
