using PaperLens.Core.Features;
using PaperLens.Core.Scanning.Bibtex;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary>"Add to bibliography" at the Analysis layer: a cited paper no .bib names gets its entry
/// appended to the document's bibliography — the one its front matter names, else the workspace's only
/// .bib, else a new references.bib beside it — as text at the end of the file, which then parses with
/// the new entry and every old one.</summary>
public sealed class AddToBibliographyTests
{
    private const string OtherEntry = "@book{knuth1984, title = {The {\\TeX}book}, author = {Knuth, Donald}, year = {1984}}";

    private static CitationEdit? Addition(AnalysisWorkspace workspace, string path) =>
        workspace.Analysis.CodeActions(path, Assert.Single(workspace.Ranges(path))).SingleOrDefault(a => a.Kind == CitationEditKind.AddToBibliography);

    [Fact]
    public void The_entry_goes_at_the_end_of_the_workspaces_only_bib_and_the_file_still_parses()
    {
        using var workspace = new AnalysisWorkspace($"""
            //- /ws/refs.bib
            {OtherEntry}
            //- /ws/notes/model.py
            # Encoder-decoder as in arXiv:«1409.3215»
            """);

        var edit = Addition(workspace, "/ws/notes/model.py")!;

        Assert.Equal("Add to bibliography: sutskever2014sequence in refs.bib", edit.Title);
        Assert.Equal(("/ws/refs.bib", true), (edit.Bibliography!.Path, edit.Bibliography.Exists));
        var bib = workspace.Fixture.Get("/ws/refs.bib").Fixture.Text + edit.NewText;
        var scan = BibtexScanner.Scan(bib, 0, bib.Length);
        Assert.Empty(scan.Problems);
        Assert.Equal(["knuth1984", "sutskever2014sequence"], scan.Entries.Select(e => e.Key));
        Assert.Equal("1409.3215", scan.Entries[1].Id!.Canonical);
        Assert.Equal("Sequence to Sequence Learning with Neural Networks", scan.Entries[1].Title);
    }

    [Fact]
    public void The_bibliography_the_front_matter_names_wins_over_the_others()
    {
        using var workspace = new AnalysisWorkspace($"""
            //- /ws/a.bib
            {OtherEntry}
            //- /ws/notes/lib/papers.bib
            {OtherEntry.Replace("knuth1984", "knuth", StringComparison.Ordinal)}
            //- /ws/notes/draft.md
            ---
            bibliography: lib/papers.bib
            ---
            Read arXiv:«1409.3215».
            """);

        var edit = Addition(workspace, "/ws/notes/draft.md")!;

        Assert.Equal(("/ws/notes/lib/papers.bib", true), (edit.Bibliography!.Path, edit.Bibliography.Exists));
        Assert.StartsWith("\n@misc{sutskever2014sequence,\n", edit.NewText, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_bib_the_entry_is_a_new_references_bib_beside_the_document()
    {
        using var workspace = new AnalysisWorkspace("""
            //- /ws/notes/draft.md
            Read arXiv:«1409.3215».
            """);

        var edit = Addition(workspace, "/ws/notes/draft.md")!;

        Assert.Equal("Add to bibliography: sutskever2014sequence in references.bib (new file)", edit.Title);
        Assert.Equal(("/ws/notes/references.bib", false), (edit.Bibliography!.Path, edit.Bibliography.Exists));
        Assert.StartsWith("@misc{sutskever2014sequence,\n", edit.NewText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_a_bib_names_is_not_offered_and_a_new_key_avoids_the_taken_ones()
    {
        using var workspace = new AnalysisWorkspace("""
            //- /ws/refs.bib
            @misc{sutskever2014sequence, title = {Another paper}, year = {2014}}
            @misc{named, title = {Informer}, eprint = {2012.07436}, archivePrefix = {arXiv}}
            //- /ws/notes.md
            «See arXiv:2012.07436 and arXiv:1409.3215.»
            """);

        var additions = workspace.Analysis.CodeActions("/ws/notes.md", Assert.Single(workspace.Ranges("/ws/notes.md")))
            .Where(a => a.Kind == CitationEditKind.AddToBibliography);

        Assert.Equal(["Add to bibliography: sutskever2014sequencea in refs.bib"], additions.Select(a => a.Title));
    }
}
