using PaperLens.Core.Features;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary>The check's answers at the Analysis layer: a document's <see cref="Analysis.Diagnostics"/>
/// (its part of the whole workspace's check), the workspace's <see cref="Analysis.CheckSummary"/>, and
/// the <see cref="Analysis.CodeActions"/> for a range, fixes carrying the finding they resolve.</summary>
public sealed class CheckTests
{
    private const string Workspace = """
        //- /ws/refs.bib
        @article{zhou2021, title = {Sequence to Sequence Learning with Neural Networks}, eprint = {2012.07436}, archivePrefix = {arXiv}}
        //- /ws/notes.md
        ---
        bibliography: refs.bib
        ---
        - [Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting](https://arxiv.org/abs/2012.07436)
        - [Sequence to Sequence Learning with Neural Networks](https://arxiv.org/abs/2012.07436)
        - As in [@zhou2021] and [@nobody2020], see arXiv:2313.00752 and arXiv:2404.16112v9.
        //- /ws/model.py
        # arXiv:1409.3215 arXiv:1409.3215
        """;

    [Fact]
    public void Each_documents_diagnostics_are_its_part_of_the_workspace_check()
    {
        using var workspace = new AnalysisWorkspace(Workspace);

        var shown = workspace.Fixture.Files.Select(f => workspace.Show(workspace.Analysis.Diagnostics(f.Path)
            .Select(d => new AnalysisWorkspace.Mark(f.Path, d.Span, $"{d.Code} {d.Severity}: {d.Message}"))));

        Expect.Equal(string.Join("\n", shown.Where(s => s.Length > 0)), """
            /ws/refs.bib:1: @article{zhou2021, title = {Sequence to Sequence Learning with Neural Networks}, eprint = {«2012.07436»⟨PL003 Warning: title "Sequence to Sequence Learning with Neural Networks" does not match arXiv:2012.07436 "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting"; it is the title of arXiv:1409.3215⟩}, archivePrefix = {arXiv}}
            /ws/notes.md:5: - [Sequence to Sequence Learning with Neural Networks](https://arxiv.org/abs/«2012.07436»⟨PL003 Warning: title "Sequence to Sequence Learning with Neural Networks" does not match arXiv:2012.07436 "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting"; it is the title of arXiv:1409.3215⟩)
            /ws/notes.md:6: - As in [@zhou2021] and [@«nobody2020»⟨PL008 Error: citation key '@nobody2020' matches no entry in refs.bib⟩], see arXiv:«2313.00752»⟨PL001 Error: malformed arXiv id '2313.00752': month 13 does not exist (YYMM must have a month 01-12)⟩ and arXiv:2404.16112v9.
            """);
        Assert.Equal(workspace.Analysis.CheckWorkspace(), workspace.Fixture.Files.OrderBy(f => f.Path, StringComparer.Ordinal).SelectMany(f => workspace.Analysis.Diagnostics(f.Path)));
    }

    [Fact]
    public void The_check_summary_counts_documents_citations_and_findings_by_severity()
    {
        using var workspace = new AnalysisWorkspace(Workspace);

        Expect.Equal(workspace.Analysis.CheckSummary().ToString(), """
            CheckSummary { Files = 3, Citations = 9, Errors = 2, Warnings = 2, Information = 0, Hints = 0 }
            """);
    }

    [Fact]
    public void Code_actions_for_a_range_fixes_naming_the_finding_they_resolve_and_rewrites()
    {
        // The range is the second line's id.
        using var workspace = new AnalysisWorkspace(Workspace.Replace("(https://arxiv.org/abs/2012.07436)\n- As", "(https://arxiv.org/abs/«2012.07436»)\n- As", StringComparison.Ordinal));

        var actions = workspace.Analysis.CodeActions("/ws/notes.md", Assert.Single(workspace.Ranges("/ws/notes.md")));

        Expect.Equal(string.Join("\n", actions.Select(a =>
            $"// {a.Kind}: {a.Title}{(a.Resolves is { } f ? $" (resolves {f.Code})" : "")}\n{workspace.Show([new AnalysisWorkspace.Mark("/ws/notes.md", a.Span, a.NewText)])}")), """
            // QuickFix: Replace the id with arXiv:1409.3215 “Sequence to Sequence Learning with Neural Networks”, the paper with this title (resolves PL003)
            /ws/notes.md:5: - [Sequence to Sequence Learning with Neural Networks](https://arxiv.org/abs/«2012.07436»⟨1409.3215⟩)
            // QuickFix: Change the title to “Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting” (resolves PL003)
            /ws/notes.md:5: - [«Sequence to Sequence Learning with Neural Networks»⟨Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting⟩](https://arxiv.org/abs/2012.07436)
            // Ignore: Ignore this finding (PL003) (resolves PL003)
            /ws/notes.md:5: - [Sequence to Sequence Learning with Neural Networks](https://arxiv.org/abs/2012.07436)⟨ <!-- paperlens-ignore PL003 -->⟩
            """);
        Assert.All(actions.Where(a => a.Kind == CitationEditKind.QuickFix), a => Assert.Contains(a.Resolves, workspace.Analysis.Diagnostics("/ws/notes.md")));
    }
}
