using PaperLens.Core.Features;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary>The features that take the user somewhere: <see cref="Analysis.Definition"/>,
/// <see cref="Analysis.References"/>, <see cref="Analysis.DocumentLinks"/> and
/// <see cref="Analysis.WorkspaceSymbols"/>, each over a workspace of several files.</summary>
public sealed class NavigationTests
{
    private const string Workspace = """
        //- /ws/refs.bib
        @article{zhou2021,
          title = {Informer},
          eprint = {2012.07436},
          archivePrefix = {arXiv},
        }
        //- /ws/notes.md
        ---
        bibliography: refs.bib
        ---
        Informer [@zhou2021] is [the model](https://arxiv.org/abs/2012.07436v2), see also arXiv:1409.3215.
        Unknown: arXiv:2501.00001. Typo: arXiv:2313.00752. Unresolved: [@nobody2020].
        //- /ws/model.py
        # Informer: arXiv:2012.07436
        # Survey: https://arxiv.org/abs/2404.16112
        """;

    [Theory]
    [InlineData("[@zho$0u2021]", "/ws/refs.bib:1: @article{«zhou2021»,")]
    [InlineData("(https://arxiv.org/abs/2012.0$07436v2)", "abstract of 2012.07436")]
    [InlineData("arXiv:2501.0$00001", "nowhere")]
    [InlineData("[@nobo$0dy2020]", "nowhere")]
    public void Definition_lands_on_the_bib_entry_of_a_key_else_on_the_abstract_of_a_known_paper(string cursorAt, string expected)
    {
        using var workspace = new AnalysisWorkspace(Workspace.Replace(cursorAt.Replace("$0", ""), cursorAt));
        var (path, offset) = workspace.Cursor;

        var shown = workspace.Analysis.Definition(path, offset) switch
        {
            DefinitionTarget.BibEntry entry => workspace.Show([new AnalysisWorkspace.Mark(entry.Bibliography.Path, entry.KeySpan)]),
            DefinitionTarget.Abstract paper => "abstract of " + paper.Paper.Id.Canonical,
            _ => "nowhere",
        };

        Assert.Equal(expected, shown);
    }

    [Fact]
    public void References_are_every_place_citing_the_paper_whatever_the_form_with_or_without_the_bib_entries()
    {
        using var workspace = new AnalysisWorkspace(Workspace.Replace("[@zhou2021]", "[@zho$0u2021]"));
        var (path, offset) = workspace.Cursor;

        string References(bool includeDeclaration) => workspace.Show(
            workspace.Analysis.References(path, offset, includeDeclaration)!.Select(r => new AnalysisWorkspace.Mark(r.Document.Path, r.Span)));

        Expect.Equal(References(includeDeclaration: true), """
            /ws/model.py:1: # Informer: arXiv:«2012.07436»
            /ws/notes.md:4: Informer [@«zhou2021»] is [the model](https://arxiv.org/abs/«2012.07436v2»), see also arXiv:1409.3215.
            /ws/refs.bib:3:   eprint = {«2012.07436»},
            """);
        Expect.Equal(References(includeDeclaration: false), """
            /ws/model.py:1: # Informer: arXiv:«2012.07436»
            /ws/notes.md:4: Informer [@«zhou2021»] is [the model](https://arxiv.org/abs/«2012.07436v2»), see also arXiv:1409.3215.
            """);
        Assert.Null(workspace.Analysis.References(path, 0, includeDeclaration: true));
    }

    [Fact]
    public void Document_links_go_to_the_version_cited_with_the_title_when_the_catalog_knows_it()
    {
        using var workspace = new AnalysisWorkspace(Workspace);

        var links = workspace.Analysis.DocumentLinks("/ws/notes.md");

        Expect.Equal(workspace.Show(links.Select(l => new AnalysisWorkspace.Mark("/ws/notes.md", l.Span, $"{l.Url} {l.Tooltip ?? "(no title)"}"))), """
            /ws/notes.md:4: Informer [@«zhou2021»⟨https://arxiv.org/abs/2012.07436 Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting⟩] is [the model](https://arxiv.org/abs/«2012.07436v2»⟨https://arxiv.org/abs/2012.07436v2 Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting⟩), see also arXiv:«1409.3215»⟨https://arxiv.org/abs/1409.3215 Sequence to Sequence Learning with Neural Networks⟩.
            /ws/notes.md:5: Unknown: arXiv:«2501.00001»⟨https://arxiv.org/abs/2501.00001 (no title)⟩. Typo: arXiv:2313.00752. Unresolved: [@nobody2020].
            """);
    }

    [Fact]
    public void Workspace_symbols_are_the_cited_papers_matching_the_query()
    {
        using var workspace = new AnalysisWorkspace(Workspace);

        // Every paper, then by the start of a title word (case ignored), by the first author, by the
        // words of a hyphenated name, by id with or without its prefix.
        var answers = new[] { "", "INF", "zhou", "patro", "mamba-360 survey", "2404.16", "arXiv:2501", "transformer quantum" }.Select(query => $"// \"{query}\"\n" + string.Join("\n",
            workspace.Analysis.WorkspaceSymbols(query).Select(s =>
                $"{s.Name} ({s.Container ?? "no container"}) at {workspace.Show([new AnalysisWorkspace.Mark(s.Document.Path, s.FirstCitation.Span)])}")));

        Expect.Equal(string.Join("\n", answers), """
            // ""
            arXiv:2501.00001 (no container) at /ws/notes.md:5: Unknown: arXiv:«2501.00001». Typo: arXiv:2313.00752. Unresolved: [@nobody2020].
            Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting (Zhou 2020) at /ws/model.py:1: # Informer: arXiv:«2012.07436»
            Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges (Patro 2024) at /ws/model.py:2: # Survey: https://arxiv.org/abs/«2404.16112»
            Sequence to Sequence Learning with Neural Networks (Sutskever 2014) at /ws/notes.md:4: Informer [@zhou2021] is [the model](https://arxiv.org/abs/2012.07436v2), see also arXiv:«1409.3215».
            // "INF"
            Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting (Zhou 2020) at /ws/model.py:1: # Informer: arXiv:«2012.07436»
            // "zhou"
            Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting (Zhou 2020) at /ws/model.py:1: # Informer: arXiv:«2012.07436»
            // "patro"
            Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges (Patro 2024) at /ws/model.py:2: # Survey: https://arxiv.org/abs/«2404.16112»
            // "mamba-360 survey"
            Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges (Patro 2024) at /ws/model.py:2: # Survey: https://arxiv.org/abs/«2404.16112»
            // "2404.16"
            Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges (Patro 2024) at /ws/model.py:2: # Survey: https://arxiv.org/abs/«2404.16112»
            // "arXiv:2501"
            arXiv:2501.00001 (no container) at /ws/notes.md:5: Unknown: arXiv:«2501.00001». Typo: arXiv:2313.00752. Unresolved: [@nobody2020].
            // "transformer quantum"

            """);
    }
}
