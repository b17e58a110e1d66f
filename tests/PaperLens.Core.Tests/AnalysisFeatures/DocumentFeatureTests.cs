using PaperLens.Core.Features;
using PaperLens.Core.Tests.Features;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary>What the editor shows inside a document besides hovers: <see cref="Analysis.InlayHints"/>
/// and the abstract document (<see cref="Analysis.AbstractAt"/>, <see cref="Analysis.Abstract"/>).</summary>
public sealed class DocumentFeatureTests
{
    [Fact]
    public void Inlay_hints_follow_bare_ids_of_known_papers_ending_in_the_range()
    {
        // The range is the «…»: the first and last lines are outside it.
        using var workspace = new AnalysisWorkspace("""
            //- /ws/model.py
            # arXiv:2012.07436 before the range
            «# arXiv:2404.16112 and arXiv:0704.0008v2
            # https://arxiv.org/abs/2012.07436 is a URL, arXiv:2501.00001 is unknown
            # "Sequence to Sequence Learning with Neural Networks" arXiv:1409.3215»
            # arXiv:1409.3215 after the range
            """);

        var hints = workspace.Analysis.InlayHints("/ws/model.py", Assert.Single(workspace.Ranges("/ws/model.py")));

        Expect.Equal(workspace.Show(hints.Select(h => new AnalysisWorkspace.Mark("/ws/model.py", new Text.TextSpan(h.Position, 0), $"{h.Label} | {h.Title}"))), """
            /ws/model.py:2: # arXiv:2404.16112⟨Mamba-360 | Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges⟩ and arXiv:0704.0008v2⟨Numerical solution of shock and ramp… | Numerical solution of shock and ramp compression for general material properties⟩
            """);
    }

    [Fact]
    public void The_abstract_of_the_paper_cited_at_the_cursor_a_pandoc_key_as_its_entrys_paper()
    {
        using var workspace = new AnalysisWorkspace("""
            //- /ws/refs.bib
            @article{zhou2021, title = {Informer}, eprint = {2012.07436}, archivePrefix = {arXiv}}
            //- /ws/notes.md
            As shown [@zhou$02021].
            """);
        var (path, offset) = workspace.Cursor;

        var page = AbstractDocument.Page(workspace.Analysis.AbstractAt(path, offset)!, AnalysisWorkspace.Now);

        Expect.Equal($"// {page.FileName}\n{page.Markdown}", """
            // 2012.07436.md
            # Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting

            **arXiv:2012.07436** · <https://arxiv.org/abs/2012.07436> · <https://arxiv.org/pdf/2012.07436>

            **Authors:** Haoyi Zhou, Shanghang Zhang, Jieqi Peng, Shuai Zhang, Jianxin Li, Hui Xiong, Wancai Zhang

            **Submitted:** Dec 14, 2020 (4 years ago)  
            **v1:** date unknown  
            (later versions, if any, are not in the catalog)

            ## Abstract

            Many real-world applications require the prediction of long sequence time-series, such as electricity consumption planning. Long sequence time-series forecasting (LSTF) demands a high prediction capacity of the model, which is the ability to capture precise long-range dependency coupling between output and input efficiently. Recent studies have shown the potential of Transformer to increase the prediction capacity. However, there are several severe issues with Transformer that prevent it from being directly applicable to LSTF, including quadratic time complexity, high memory usage, and inherent limitation of the encoder-decoder architecture. To address these issues, we design an efficient transformer-based model for LSTF, named Informer, with three distinctive characteristics: (i) a ProbSparse self-attention mechanism, which achieves O(L log L) in time complexity and memory usage, and has comparable performance on sequences' dependency alignment. (ii) the self-attention distilling highlights dominating attention by halving cascading layer input, and efficiently handles extreme long input sequences. (iii) the generative style decoder, while conceptually simple, predicts the long time-series sequences at one forward operation rather than a step-by-step way, which drastically improves the inference speed of long-sequence predictions. Extensive experiments on four large-scale datasets demonstrate that Informer significantly outperforms existing methods and provides a new solution to the LSTF problem.

            """);
        Assert.DoesNotContain('\\', RenderedMarkdown.Plain(page.Markdown));
        Assert.Null(workspace.Analysis.AbstractAt(path, 0));
    }

    [Fact]
    public void The_abstract_of_a_paper_named_by_id_an_old_style_one_in_a_file_without_a_slash()
    {
        using var workspace = new AnalysisWorkspace("""
            //- /ws/notes.md
            Nothing cited.
            """);

        var page = AbstractDocument.Page(workspace.Analysis.Abstract("adap-org/9303002v1")!, AnalysisWorkspace.Now);

        Expect.Equal($"// {page.FileName}\n{page.Markdown}", """
            // adap-org_9303002.md
            # Evolution to the Edge of Chaos in Imitation Game

            **arXiv:adap-org/9303002** · <https://arxiv.org/abs/adap-org/9303002> · <https://arxiv.org/pdf/adap-org/9303002>

            **Authors:** Kunihiko Kaneko, Junji Suzuki

            **Submitted:** Mar 8, 1993 (32 years ago)  
            **v1:** Mar 8, 1993  
            **v2:** Mar 29, 1993  
            **Categories:** adap-org, nlin.AO, q-bio.PE  
            **Comments:** CYCLER Paper 93mar006. 8 pages, LaTex. (3.28 revised for minor LaTeX changes)

            ## Abstract

            Motivated by the evolution of complex bird songs, an abstract imitation game is proposed to study the increase of dynamical complexity: Artificial "birds" display a "song" time series to each other, and those that imitate the other's song better win the game. With the introduction of population dynamics according to the score of the game and the mutation of parameters for the song dynamics, the dynamics is found to evolve towards the borderline between chaos and a periodic window, after punctuated equilibria. The importance of edge of chaos with topological chaos for complexity is stressed.

            """);
        Assert.Null(workspace.Analysis.Abstract("2501.00001"));
        Assert.Null(workspace.Analysis.Abstract("not an id"));
    }
}
