using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Index;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>Where go to definition on a citation lands: a pandoc key's .bib entry, found by the same
/// rule the check resolves keys with (so the editor never jumps to an entry the check did not read),
/// else the full record of the cited paper when the catalog knows it, else nowhere.</summary>
public static class CitationDefinition
{
    public static DefinitionTarget? At(WorkspaceIndex index, IPaperSource papers, IndexedDocument document, int offset)
    {
        if (index.CitationAt(document, offset) is not { } citation) return null;
        // The resolver names the .bib document by its path, which is also its key in the index.
        if (citation.Form == CitationForm.CiteKey
            && index.LookupKey(document, citation) is { Entry: { } entry, BibliographyPath: { } path }
            && index.Get(path) is { } bibliography)
            return new DefinitionTarget.BibEntry(bibliography, entry.KeySpan);
        return citation.Id is { } id && papers.Find(id) is { } paper ? new DefinitionTarget.Abstract(paper) : null;
    }
}

/// <summary>A place go to definition lands, for a front end to turn into its own kind of location.</summary>
public abstract record DefinitionTarget
{
    // Closed: these two cases are all there is, so a front end's switch over them is complete.
    private DefinitionTarget() { }

    /// <summary>The key of a .bib entry: the cursor lands on it, in the document holding it.</summary>
    public sealed record BibEntry(IndexedDocument Bibliography, TextSpan KeySpan) : DefinitionTarget;

    /// <summary>The paper's full record (<see cref="AbstractDocument"/>), which a front end writes
    /// where its client can open it.</summary>
    public sealed record Abstract(PaperRecord Paper) : DefinitionTarget;
}
