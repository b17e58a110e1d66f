using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>Issue 4 "BibTeX as a source": a real bibliography (tests/fixtures/bibtex/HEPML.bib, 2,378
/// arXiv eprints) imports without loss.</summary>
public sealed class BibtexImportTests : IDisposable
{
    private static readonly string HepmlPath = Path.GetFullPath(Path.Combine(
        Path.GetDirectoryName(CatalogTestFiles.Fixture(CatalogTestFiles.SeedPapers))!, "..", "bibtex", "HEPML.bib"));

    private readonly CatalogTestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Every_arxiv_paper_of_a_real_bibliography_is_in_the_catalog_with_its_title_and_authors()
    {
        var text = File.ReadAllText(HepmlPath);
        var allEntries = BibtexScanner.Scan(text, 0, text.Length).Entries;
        var entries = allEntries.Where(e => e.Id is not null).ToList();
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        var before = catalog.Count();

        var result = new BibtexImporter().Import(catalog, HepmlPath);

        Assert.Null(result.Error);
        Assert.Empty(result.Failures);
        Assert.Equal(2378, entries.Count);
        var byId = entries.GroupBy(e => e.Id!.Canonical).ToList();
        Assert.Equal(byId.Count, result.Inserted + result.Updated + result.Unchanged);
        Assert.Equal(before + result.Inserted, catalog.Count());
        Assert.Equal(allEntries.Count, result.Read);
        foreach (var paper in byId)
        {
            var record = catalog.Find(paper.First().Id!);
            Assert.NotNull(record);
            if (record.Source != RecordSource.Bibtex) continue;
            Assert.Equal(TexText.ToPlain(paper.First().Title!), record.Title);
            Assert.Equal(paper.First().Authors ?? "", record.Authors);
        }
    }

    [Fact]
    public void An_entry_without_authors_is_imported_with_none()
    {
        var bib = files.Write("refs.bib", "@misc{anon, title = {An Anonymous Note on Catalogs}, eprint = {2601.00001}, archivePrefix = {arXiv}}\n");
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        var result = new BibtexImporter().Import(catalog, bib);

        Assert.Empty(result.Failures);
        Assert.Equal(1, result.Inserted);
        var record = catalog.Find(ArxivId.Of("2601.00001"))!;
        Assert.Equal("", record.Authors);
        Assert.Equal("An Anonymous Note on Catalogs", record.Title);
    }
}
