using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Tests.Rules;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>A real catalog file in a temporary directory holding the rule fixtures' papers: the bundled
/// seed a new catalog starts with, the browse records imported as a snapshot, and the confirmed misses
/// given (arXiv said it has no such paper). Deleted on dispose.</summary>
internal sealed class FixtureCatalog : IDisposable
{
    private readonly CatalogTestFiles _files = new();

    public FixtureCatalog(params string[] confirmedMisses)
    {
        Papers = PaperCatalog.Open(_files.CatalogPath);
        new SnapshotImporter().Import(Papers, RuleData.FixturePath("browse-papers.jsonl"));
        foreach (var miss in confirmedMisses) Papers.RecordMiss(ArxivId.Of(miss), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    public PaperCatalog Papers { get; }

    public void Dispose()
    {
        Papers.Dispose();
        _files.Dispose();
    }
}
