using System.Text.RegularExpressions;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Metadata.Tests;

/// <summary><c>paperlens import feed.xml</c>: a saved API response is imported whole or not at all.</summary>
public sealed class AtomFileImporterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "paperlens-atom-import-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly PaperCatalog catalog;

    public AtomFileImporterTests() => catalog = PaperCatalog.Open(Path.Combine(directory, "catalog.db"));

    [Fact]
    public void A_saved_search_adds_its_papers()
    {
        var path = Fixtures.Atom("saeedrafsharx_arxiv-digest__arxiv_response.xml");
        var ids = Regex.Matches(File.ReadAllText(path), @"<id>http://arxiv\.org/abs/([^<]+?)v\d+</id>")
            .Select(m => ArxivId.Of(m.Groups[1].Value)).ToList();

        var result = new AtomFileImporter().Import(catalog, path);

        Assert.Null(result.Error);
        Assert.Equal(10, ids.Count);
        Assert.Equal(ids.Count, result.Read);
        var papers = catalog.FindMany(ids);
        Assert.Equal(ids.Count, papers.Count);
        Assert.All(papers.Values, p => Assert.Equal(RecordSource.ArxivApi, p.Source));
    }

    [Fact]
    public void A_truncated_file_imports_nothing_and_says_why()
    {
        var text = File.ReadAllText(Fixtures.Atom("saeedrafsharx_arxiv-digest__arxiv_response.xml"));
        var path = Path.Combine(directory, "cut.xml");
        File.WriteAllText(path, text[..(text.Length / 2)]);
        var papersBefore = catalog.Count();

        var result = new AtomFileImporter().Import(catalog, path);

        Assert.NotNull(result.Error);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.Equal(papersBefore, catalog.Count());
    }

    public void Dispose()
    {
        catalog.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
