using PaperLens.Core.Index;
using PaperLens.Core.Scanning;

namespace PaperLens.Core.Bibliography;

/// <summary>A bibliography file a new entry goes to; <paramref name="Exists"/> false when it is to be created.</summary>
public sealed record BibliographyFile(string Path, bool Exists);

/// <summary>Where a document's new BibTeX entries go: the first bibliography its front matter (or
/// <c>\bibliography</c>) names, relative to the document; else the workspace's only .bib; else
/// <c>references.bib</c> beside the document (a new file unless it exists). Paths are the index's.</summary>
public static class BibliographyPlacement
{
    public const string DefaultName = "references.bib";

    public static BibliographyFile For(WorkspaceIndex index, IndexedDocument document)
    {
        var directory = Path.GetDirectoryName(document.Path) ?? "";
        if (document.Scan.Bibliographies is [var declared, ..])
        {
            var path = Path.GetFullPath(Path.Combine(directory, declared.Trim()));
            return new BibliographyFile(path, index.Get(path) is not null);
        }
        var bibliographies = index.Documents.Keys.Where(DocumentScanner.IsBibtex).Take(2).ToList();
        if (bibliographies is [var only]) return new BibliographyFile(only, true);
        var beside = Path.Combine(directory, DefaultName);
        return new BibliographyFile(beside, index.Get(beside) is not null);
    }

    /// <summary>What goes at the end of the file for one entry: a line break first, so the entry starts a
    /// line of its own (after a blank line when the file ends with one) and never joins its last line.</summary>
    public static string Appended(BibliographyFile file, string entry) => file.Exists ? "\n" + entry : entry;
}
