using PaperLens.Core.Bibliography;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;

namespace PaperLens.Core.Features;

/// <summary>"Add to bibliography": for a cited paper that no .bib of the workspace names, its entry
/// (<see cref="BibtexEntryWriter"/>, arXiv's layout) appended as text at the end of the document's
/// bibliography (<see cref="BibliographyPlacement"/>), or a new file holding it. The key follows the key
/// rule and is free in every .bib of the workspace. One instance serves one request, so two papers
/// added from one range never share a key.</summary>
public sealed class BibliographyAdditions(WorkspaceIndex index, IPaperSource papers, IndexedDocument document)
{
    private readonly CiteKeys _keys = new(index.Documents.Values.SelectMany(d => d.Scan.BibEntries));
    private readonly HashSet<ArxivId> _offered = [];
    private BibliographyFile? _file;

    public CitationEdit? For(Citation citation)
    {
        if (citation.Id is not { } id || citation.IsMalformed || citation.Role == CitationRole.BibEntry) return null;
        return For(id, key: null);
    }

    /// <summary>The entry of a paper picked in completion, under the key the completion inserted
    /// (<paramref name="key"/>; the key rule's when null or not a key BibTeX can read). Null when a .bib
    /// names the paper already (accepted twice) or the catalog lacks it.</summary>
    public CitationEdit? For(ArxivId id, string? key)
    {
        if (_keys.Existing(id) is not null || !_offered.Add(id) || papers.Find(id) is not { } paper) return null;
        var file = _file ??= BibliographyPlacement.For(index, document);
        key = key is not null && CiteKeys.IsWritable(key) ? key : _keys.For(paper);
        var entry = BibtexEntryWriter.Write(paper, key);
        return new CitationEdit(
            $"Add to bibliography: {key} in {Path.GetFileName(file.Path)}{(file.Exists ? "" : " (new file)")}",
            CitationEditKind.AddToBibliography,
            new Text.TextSpan(0, 0),
            BibliographyPlacement.Appended(file, entry))
        { Bibliography = file };
    }
}
