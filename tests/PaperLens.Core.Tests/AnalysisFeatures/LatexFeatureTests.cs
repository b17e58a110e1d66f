using PaperLens.Core.Features;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary>Spec §3, LaTeX as a first-class document: a paper with a .bib and one with its own
/// <c>thebibliography</c> get what a Markdown note gets — PL008 for an unknown key, hover on a key showing
/// the paper, go to definition landing on the .bib entry or the <c>\bibitem</c>, references finding every
/// <c>\cite</c>, and completion inside <c>\cite{</c> (the keys first, then catalog papers).</summary>
public sealed class LatexFeatureTests
{
    private const string Workspace = """
        //- /ws/refs.bib
        @article{zhou2021, title = {Informer}, author = {Zhou, Haoyi}, year = {2021}, eprint = {2012.07436}, archivePrefix = {arXiv}}
        @article{sutskever2014, title = {Sequence to Sequence Learning with Neural Networks}, eprint = {1409.3215}, archivePrefix = {arXiv}}
        //- /ws/paper/main.tex
        \documentclass{article}
        \begin{document}
        Informer~\citep{zhou2021} and seq2seq~\cite[p.~3]{sutskever2014, nobody2020}.
        Again \citet{zhou2021}; in a comment % \cite{commented2020}
        \bibliography{../refs}
        \end{document}
        //- /ws/paper/short.tex
        RNNs~\cite{lipton2015} and Informer~\cite{zhou2021, missing}.
        \begin{thebibliography}{1}
        \bibitem{lipton2015} Z.~C. Lipton et al. (2015). A critical review of recurrent neural networks for sequence learning. arXiv:1506.00019.
        \end{thebibliography}
        //- /ws/notes.md
        Informer is arXiv:2012.07436.
        """;

    [Fact]
    public void An_unknown_key_is_PL008_at_the_key_and_nothing_else_in_a_clean_paper_is_reported()
    {
        using var workspace = new AnalysisWorkspace(Workspace);

        var shown = new[] { "/ws/paper/main.tex", "/ws/paper/short.tex" }.Select(path => workspace.Show(workspace.Analysis.Diagnostics(path)
            .Select(d => new AnalysisWorkspace.Mark(path, d.Span, $"{d.Code} {d.Severity}: {d.Message}"))));

        Expect.Equal(string.Join("\n", shown), """
            /ws/paper/main.tex:3: Informer~\citep{zhou2021} and seq2seq~\cite[p.~3]{sutskever2014, «nobody2020»⟨PL008 Error: citation key 'nobody2020' matches no entry in ../refs.bib⟩}.
            /ws/paper/short.tex:1: RNNs~\cite{lipton2015} and Informer~\cite{zhou2021, «missing»⟨PL008 Error: citation key 'missing' matches no \bibitem of this document and no entry in the workspace's .bib files⟩}.
            """);
    }

    [Fact]
    public void Hover_on_a_key_shows_the_paper_of_its_entry_or_bibitem_and_an_unknown_key_says_so()
    {
        using var workspace = new AnalysisWorkspace(Workspace);

        string Hover(string path, string at)
        {
            var offset = workspace.Fixture.Get(path).Text.IndexOf(at, StringComparison.Ordinal) + at.Length - 1;
            return workspace.Analysis.Hover(path, offset, lookups: null) is { } hover
                ? PaperHover.Render(hover.Content, AnalysisWorkspace.Now).Split('\n')[0]
                : "nothing";
        }

        Expect.Equal(string.Join("\n", Hover("/ws/paper/main.tex", "\\citep{zhou"), Hover("/ws/paper/short.tex", "\\cite{lip"),
            Hover("/ws/paper/main.tex", "nobody"), Hover("/ws/paper/main.tex", "commented")), """
            ### [Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting](https://arxiv.org/abs/2012.07436)
            ### [A Critical Review of Recurrent Neural Networks for Sequence Learning](https://arxiv.org/abs/1506.00019)
            Citation key nobody2020 matches no .bib entry and no \\bibitem.
            nothing
            """);
    }

    [Theory]
    [InlineData("/ws/paper/main.tex", "\\citep{zho$0u2021}", "/ws/refs.bib:1: @article{«zhou2021», title = {Informer}, author = {Zhou, Haoyi}, year = {2021}, eprint = {2012.07436}, archivePrefix = {arXiv}}")]
    [InlineData("/ws/paper/short.tex", "\\cite{lip$0ton2015}", "/ws/paper/short.tex:3: \\bibitem{«lipton2015»} Z.~C. Lipton et al. (2015). A critical review of recurrent neural networks for sequence learning. arXiv:1506.00019.")]
    [InlineData("/ws/paper/short.tex", "\\cite{zhou2021, mis$0sing}", "nowhere")]
    public void Definition_lands_on_the_bib_entry_or_the_bibitem(string path, string cursorAt, string expected)
    {
        var marked = Workspace.Replace("//- " + path + "\n", "//- " + path + "\n\u0001");
        var file = marked.IndexOf('\u0001');
        var at = marked.IndexOf(cursorAt.Replace("$0", ""), file, StringComparison.Ordinal);
        using var workspace = new AnalysisWorkspace(marked.Remove(at, cursorAt.Length - 2).Insert(at, cursorAt).Replace("\u0001", ""));
        var (cursorPath, offset) = workspace.Cursor;

        var shown = workspace.Analysis.Definition(cursorPath, offset) switch
        {
            DefinitionTarget.BibEntry entry => workspace.Show([new AnalysisWorkspace.Mark(entry.Bibliography.Path, entry.KeySpan)]),
            _ => "nowhere",
        };

        Assert.Equal(expected, shown);
    }

    [Fact]
    public void References_of_a_key_are_every_cite_of_its_paper_in_every_file()
    {
        using var workspace = new AnalysisWorkspace(Workspace.Replace("\\citep{zhou2021}", "\\citep{zho$0u2021}"));
        var (path, offset) = workspace.Cursor;

        Expect.Equal(workspace.Show(workspace.Analysis.References(path, offset, includeDeclaration: true)!
            .Select(r => new AnalysisWorkspace.Mark(r.Document.Path, r.Span))), """
            /ws/notes.md:1: Informer is arXiv:«2012.07436».
            /ws/paper/main.tex:3: Informer~\citep{«zhou2021»} and seq2seq~\cite[p.~3]{sutskever2014, nobody2020}.
            /ws/paper/main.tex:4: Again \citet{«zhou2021»}; in a comment % \cite{commented2020}
            /ws/paper/short.tex:1: RNNs~\cite{lipton2015} and Informer~\cite{«zhou2021», missing}.
            /ws/refs.bib:1: @article{zhou2021, title = {Informer}, author = {Zhou, Haoyi}, year = {2021}, eprint = {«2012.07436»}, archivePrefix = {arXiv}}
            """);
    }

    [Fact]
    public void Completion_inside_a_cite_offers_the_keys_first_then_catalog_papers_no_key_names_as_their_keys_new_ones_adding_an_entry()
    {
        string Complete(string typed)
        {
            using var workspace = new AnalysisWorkspace(Workspace.Replace("Again \\citet{zhou2021};", "Again " + typed));
            var (path, offset) = workspace.Cursor;
            var answer = workspace.Analysis.Completions(path, offset, invoked: true, titleSearch: null)!;
            return $"// {typed} → {answer.Place.Kind} «{answer.Place.QueryText}»\n"
                + string.Join("\n", answer.Items.Take(4).Select(i => $"{i.Label} | {i.Detail} | {i.InsertText}{(i.AddsEntry ? " + new entry" : "")}"));
        }

        Expect.Equal(string.Join("\n", Complete("\\cite[p.~3]{sutskever2014, se$0}"), Complete("\\citep{%\n  zh$0")), """
            // \cite[p.~3]{sutskever2014, se$0} → LatexCiteKey «se»
            Sequence to Sequence Learning with Neural Networks | sutskever2014 · 2014 | sutskever2014
            Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting | H. Zhou et al. · 2020 | zhou2021
            A Critical Review of Recurrent Neural Networks for Sequence Learning | Z. C. Lipton et al. · 2015 | lipton2015
            Latent Reasoning via Sentence Embedding Prediction | H. Hwang et al. · 2025 | hwang2025latent + new entry
            // \citep{%
              zh$0 → LatexCiteKey «zh»
            Informer | zhou2021 · Zhou et al. · 2021 | zhou2021
            Cautious Next Token Prediction | Y. Wang et al. · 2025 | wang2025cautious + new entry
            Order-Independence Without Fine Tuning | R. McIlroy-Young et al. · 2024 | mcilroyyoung2024order + new entry
            Hybrid Latent Reasoning via Reinforcement Learning | Z. Yue et al. · 2025 | yue2025hybrid + new entry
            """);
    }
}
