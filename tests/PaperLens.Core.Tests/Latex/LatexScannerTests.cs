using PaperLens.Core.Citations;

namespace PaperLens.Core.Tests.Latex;

/// <summary>Spec §3, LaTeX: the citation forms in a .tex document's prose and commands, cite keys, and
/// their negative twins — the same text in <c>\verb</c>, verbatim-like environments, <c>%</c> comments
/// (for keys) and <c>\iffalse</c> blocks is not read.</summary>
public class LatexScannerTests
{
    [Theory]
    [InlineData("Mamba (arXiv:«2312.00752») is linear.")]
    [InlineData("Tied: arXiv~«2312.00752», spaced: arXiv\\,«1706.03762».")]
    [InlineData("In \\emph{arXiv:«2312.00752»} and \\textbf{https://arxiv.org/abs/«1706.03762»}.")]
    [InlineData("Hard-wrapped (arXiv:\n  «2312.00752») prose.")]
    [InlineData("Split by a comment arXiv:%\n«2312.00752».")]
    [InlineData("50\\% of \\url{https://arxiv.org/abs/«1706.03762»} and \\url{https://arxiv.org/pdf/«2312.00752v2»#page=2%20x}.")]
    [InlineData("\\href{https://arxiv.org/abs/«1706.03762»}{the Transformer}")]
    [InlineData("\\href {https://huggingface.co/papers/«2312.00752»}%\n  {arXiv:2312.00752}")]
    [InlineData("\\arxiv{«2312.00752»}, \\eprint{«hep-th/9901001»} and \\eprint{arXiv:«1706.03762»}")]
    [InlineData("text % a comment: arXiv:«2312.00752»")]
    [InlineData("\\cite{«gu2023»} and \\citep[see][p.~3]{«gu2023», «vaswani2017»}.")]
    [InlineData("\\citet*{«a»}, \\Citet{«b»}, \\citealp{«c»}, \\citeauthor{«d»} (\\citeyear{«d»}).")]
    [InlineData("\\parencite[p.~3]{«a»}, \\textcite{«b»}, \\autocite{«c»}, \\footcite{«d»}, \\nocite{«e»}.")]
    [InlineData("\\cite{«a»,% the first\n      «b»}")]
    [InlineData("\\cites[p.~1]{«a»}[p.~2]{«b»,«c»} and \\cite\n  {«d»}")]
    [InlineData("\\cite{arXiv:«1706.03762», «gu2023»}")]
    public void Finds_each_construct_with_its_range(string marked)
    {
        var (fixture, document) = LatexScan.Run(marked);
        Assert.Equal(fixture.Ranges, document.Citations.Select(c => c.Span));
    }

    [Theory]
    [InlineData("\\verb|arXiv:2312.00752| and \\verb+\\cite{gu2023}+ and \\verb*|https://arxiv.org/abs/1706.03762|")]
    [InlineData("\\begin{verbatim}\narXiv:2312.00752 \\cite{gu2023}\n\\end{verbatim}")]
    [InlineData("\\begin{lstlisting}[language=Python]\n# arXiv:2312.00752\nx = r'\\cite{gu2023}'\n\\end{lstlisting}")]
    [InlineData("\\begin{minted}{python}\n# https://arxiv.org/abs/2312.00752 \\cite{gu2023}\n\\end{minted}")]
    [InlineData("\\begin{comment}\nDropped: arXiv:2312.00752 \\cite{gu2023}\n\\end{comment}")]
    [InlineData("\\lstinline|arXiv:2312.00752| and \\lstinline{\\cite{gu2023}}")]
    [InlineData("Text. % \\cite{gu2023} \\citep{vaswani2017}")]
    [InlineData("\\iffalse\nOld draft \\cite{gu2023}, arXiv:2312.00752. \\ifx\\a\\b nested \\fi still out.\n\\fi")]
    [InlineData("\\nocite{*}")]
    [InlineData("\\newcommand{\\mycite}[1]{\\citep{#1}} \\cite{\\mykeys}")]
    [InlineData("\\label{sec:arXiv:2312.00752} \\includegraphics[width=3cm]{arxiv 2312.00752.png}")]
    [InlineData("Version 1706.03762 of the tool, \\url{https://example.com/1706.03762}.")]
    public void Reads_nothing_in_verbatim_comments_switched_off_text_or_non_prose_arguments(string text) =>
        Assert.Empty(LatexScan.Run(text).Document.Citations);

    [Fact]
    public void An_else_branch_of_iffalse_is_read() =>
        Assert.Equal(["gu2023"], LatexScan.Run("\\iffalse \\cite{old} \\else \\cite{gu2023} \\fi").Document.Citations.Select(c => c.RawText));

    [Fact]
    public void Keys_are_unresolved_keys_and_a_prefixed_id_key_cites_the_paper()
    {
        var (fixture, document) = LatexScan.Run("\\citep{gu2023,arXiv:1706.03762v2} \\cite{arXiv:2313.00752}");
        Expect.Equal(LatexScan.Describe(fixture.Text, document), """
            1: \citep{«gu2023»,arXiv:1706.03762v2} \cite{arXiv:2313.00752}
                CiteKey key
            1: \citep{gu2023,arXiv:«1706.03762v2»} \cite{arXiv:2313.00752}
                Prefix paper 1706.03762v2
            1: \citep{gu2023,arXiv:1706.03762v2} \cite{arXiv:«2313.00752»}
                Prefix malformed
            """);
    }

    [Fact]
    public void Bibliography_files_are_named_as_BibTeX_and_biblatex_read_them()
    {
        var (_, document) = LatexScan.Run("""
            \bibliography{refs,../shared/more.bib}
            \addbibresource[location=local]{papers.bib}
            \addbibresource{%
              extra.bib}
            """);
        Assert.Equal(["refs.bib", "../shared/more.bib", "papers.bib", "extra.bib"], document.Bibliographies);
    }

    [Fact]
    public void A_package_or_class_file_is_read_for_comments_only()
    {
        var (_, document) = LatexScan.Run("\\cite{gu2023} arXiv:1706.03762 % arXiv:«2312.00752»", "paper.sty");
        Assert.Equal(["2312.00752"], document.Citations.Select(c => c.RawText));
    }
}
