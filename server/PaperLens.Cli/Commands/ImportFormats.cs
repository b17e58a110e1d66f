using PaperLens.Core.Catalog;
using PaperLens.Metadata;

namespace PaperLens.Cli.Commands;

/// <summary>The formats <c>paperlens import</c> reads, one importer a line. A new source of records is an
/// <see cref="IPaperImporter"/> and a line here: the command's dispatch, help and errors follow from it.
/// Composed here because the importers live in two layers (the Atom one with its parser in Metadata).</summary>
public static class ImportFormats
{
    public static PaperImporters Known { get; } = new(
        new SnapshotImporter(),
        new BibtexImporter(),
        new AtomFileImporter());
}
