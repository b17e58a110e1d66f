namespace PaperLens.Core.Catalog;

/// <summary>One kind of file that records come from (an arXiv snapshot, a .bib, a saved API response, a
/// library export): it says whether a file is of its kind and imports it into a catalog. Where records
/// are read from is <see cref="IPaperSource"/>; this is where they come from. Every importer returns an
/// <see cref="ImportResult"/> and reports through <see cref="ImportProgress"/>, so a front end shows them
/// all alike; <see cref="PaperImporters"/> chooses among them.</summary>
public interface IPaperImporter
{
    /// <summary>What people call the format, with the file names it goes by, e.g. "BibTeX files (.bib)":
    /// listed in help and in the error for a file no importer recognises.</summary>
    string Format { get; }

    /// <summary>Whether a file named <paramref name="fileName"/> (no folder) is of this kind by its name
    /// alone. A name says what the user meant, so it is asked before any content.</summary>
    bool RecognisesName(string fileName);

    /// <summary>Whether a file beginning with <paramref name="head"/> (its first bytes, as stored: still
    /// compressed if it is) is of this kind; asked only when no importer recognised the name.</summary>
    bool RecognisesContent(ReadOnlySpan<byte> head);

    /// <summary>Imports <paramref name="path"/>. Problems with the file (unreadable, malformed) are in
    /// <see cref="ImportResult.Error"/> and <see cref="ImportResult.Failures"/>, never thrown; only a
    /// catalog that cannot be written raises (<see cref="CatalogException"/>).</summary>
    ImportResult Import(PaperCatalog catalog, string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);
}
