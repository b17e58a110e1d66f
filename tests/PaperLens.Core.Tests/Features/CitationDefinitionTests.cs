using PaperLens.Core.Features;
using PaperLens.Core.Index;
using PaperLens.Core.Tests.Rules;

namespace PaperLens.Core.Tests.Features;

/// <summary>Where go to definition lands. Workspaces are written as one <see cref="MultiFileFixture"/>,
/// each file after a <c>//- /path</c> header; <c>$0</c> is the cursor and «…» the expected target.</summary>
public class CitationDefinitionTests
{
    [Fact]
    public void A_key_lands_on_its_entry_in_the_front_matter_bibliography_whatever_its_case()
    {
        // a.bib comes first in path order and has the key too: the declared refs.bib wins, as in the check.
        var target = DefinitionAt("""
            //- /ws/a.bib
            @article{gu2023, title = {Mamba-360}, eprint = {2404.16112}, archivePrefix = {arXiv}}
            //- /ws/refs.bib
            @article{«gu2023», title = {Mamba}, eprint = {2312.00752}, archivePrefix = {arXiv}}
            //- /ws/draft.md
            ---
            bibliography: refs.bib
            ---
            As shown [@Gu$02023].
            """);

        Assert.Equal("/ws/refs.bib «gu2023»", target);
    }

    [Fact]
    public void A_key_the_front_matter_bibliography_lacks_lands_on_another_workspace_bib()
    {
        var target = DefinitionAt("""
            //- /ws/refs.bib
            @article{other, title = {Other}}
            //- /ws/lib/more.bib
            @misc{
              «GU2023»,
              title = {Mamba},
              eprint = {2312.00752},
              archivePrefix = {arXiv},
            }
            //- /ws/draft.md
            ---
            bibliography: refs.bib
            ---
            As shown [@gu2$0023].
            """);

        Assert.Equal("/ws/lib/more.bib «GU2023»", target);
    }

    [Fact]
    public void An_unresolved_key_lands_nowhere()
    {
        var target = DefinitionAt("""
            //- /ws/refs.bib
            @article{gu2023, title = {Mamba}, eprint = {2312.00752}, archivePrefix = {arXiv}}
            //- /ws/draft.md
            ---
            bibliography: refs.bib
            ---
            As shown [@smith$02020].
            """);

        Assert.Null(target);
    }

    [Theory]
    [InlineData("See arXiv:2012.0$07436.", "abstract of 2012.07436")]
    [InlineData("See https://arxiv.org/abs/2404.16$0112v1.", "abstract of 2404.16112")]
    [InlineData("Not in the catalog: arXiv:2501.0$00001.", null)]
    [InlineData("No $0citation here.", null)]
    public void An_arxiv_citation_lands_on_the_abstract_of_a_paper_the_catalog_knows(string line, string? expected)
    {
        Assert.Equal(expected, DefinitionAt("//- /ws/notes.md\n" + line + "\n"));
    }

    /// <summary>The target as one line: the .bib path with the key's text in «…», or the abstract's id.</summary>
    private static string? DefinitionAt(string workspace)
    {
        var fixture = MultiFileFixture.Parse(workspace);
        var index = fixture.Files.Aggregate(WorkspaceIndex.Empty, (built, file) => built.With(IndexedDocument.FromText(file.Path, file.Text, version: 1)));
        var (cursorFile, cursor) = fixture.Cursor;

        var target = CitationDefinition.At(index, FakePaperSource.WithFixtures(), index.Get(cursorFile.Path)!, cursor);

        switch (target)
        {
            case DefinitionTarget.BibEntry entry:
                // The expected span is the one marked in that file: comparing the marked text shows both.
                var marked = fixture.Get(entry.Bibliography.Path).Fixture;
                Assert.Equal(Assert.Single(marked.Ranges), entry.KeySpan);
                return $"{entry.Bibliography.Path} «{marked.Slice(entry.KeySpan)}»";
            case DefinitionTarget.Abstract paper:
                return "abstract of " + paper.Paper.Id.Canonical;
            default:
                return null;
        }
    }
}
