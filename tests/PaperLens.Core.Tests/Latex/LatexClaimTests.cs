namespace PaperLens.Core.Tests.Latex;

/// <summary>Spec §2-3, LaTeX: the claims written beside a citation — TeX quotes around a title,
/// <c>\href</c> text read like link text, and a <c>thebibliography</c> entry read as an author-year
/// reference entry whose <c>\bibitem</c> is a definition of its key.</summary>
public class LatexClaimTests
{
    [Fact]
    public void Quoted_titles_and_href_text_are_claims_as_in_Markdown()
    {
        var (fixture, document) = LatexScan.Run("""
            As ``Attention Is All You Need'' (arXiv:1706.03762) shows,
            \href{https://arxiv.org/abs/2312.00752}{Mamba: Linear-Time Sequence Modeling with Selective State Spaces}
            and \href{https://arxiv.org/abs/2312.00752}{Gu and Dao (2023)}.

            Named: \href{https://arxiv.org/abs/2404.16789}{\textsc{Mamba}}, described: \href{https://arxiv.org/abs/2404.16112}{this survey}.
            """);
        Expect.Equal(LatexScan.Describe(fixture.Text, document), """
            1: As ``Attention Is All You Need'' (arXiv:«1706.03762») shows,
                Prefix paper 1706.03762
                title claim "Attention Is All You Need" at «Attention Is All You Need»
            2: \href{https://arxiv.org/abs/«2312.00752»}{Mamba: Linear-Time Sequence Modeling with Selective State Spaces}
                Url paper 2312.00752
                title claim "Mamba: Linear-Time Sequence Modeling with Selective State Spaces" at «Mamba: Linear-Time Sequence Modeling with Selective State Spaces»
            3: and \href{https://arxiv.org/abs/«2312.00752»}{Gu and Dao (2023)}.
                Url paper 2312.00752
                name claim "Gu and Dao" at «Gu and Dao»
                authors "Gu and Dao" year 2023
            5: Named: \href{https://arxiv.org/abs/«2404.16789»}{\textsc{Mamba}}, described: \href{https://arxiv.org/abs/2404.16112}{this survey}.
                Url paper 2404.16789
                name claim "Mamba" at «Mamba»
            5: Named: \href{https://arxiv.org/abs/2404.16789}{\textsc{Mamba}}, described: \href{https://arxiv.org/abs/«2404.16112»}{this survey}.
                Url paper 2404.16112
            """);
    }

    /// <remarks>The last entry has the layout BibTeX's plainnat writes, the year after the id: its blocks
    /// give its claims (seen in a real paper's bibliography, where no claim was read before).</remarks>
    [Fact]
    public void A_bibitem_is_a_reference_entry_and_the_definition_of_its_key()
    {
        var (fixture, document) = LatexScan.Run("""
            Mamba~\cite{gu2023} and transformers~\cite{vaswani2017}.
            \begin{thebibliography}{9}
            \bibitem[Gu and Dao(2023)]{gu2023}
            Albert Gu and Tri Dao. 2023.
            \newblock Mamba: Linear-time sequence modeling with selective state spaces.
            \newblock \emph{arXiv preprint arXiv:2312.00752}.

            \bibitem{vaswani2017} A.~Vaswani, N.~Shazeer, et~al. (2017). Attention is all you need.
              \url{https://arxiv.org/abs/1706.03762}
            \bibitem{lecun1998} Y.~LeCun et al. Gradient-based learning. Proc. IEEE, 1998.
            \bibitem{liu2023}
            Yang Liu, Dan Iter, and Chenguang Zhu.
            \newblock {G-Eval}: {NLG} evaluation using {GPT-4} with better human alignment.
            \newblock \emph{arXiv:2303.16634}, 2023.
            \end{thebibliography}
            After the bibliography: arXiv:2404.16112.
            """);
        Expect.Equal(LatexScan.Describe(fixture.Text, document), """
            1: Mamba~\cite{«gu2023»} and transformers~\cite{vaswani2017}.
                CiteKey key
            1: Mamba~\cite{gu2023} and transformers~\cite{«vaswani2017»}.
                CiteKey key
            6: \newblock \emph{arXiv preprint arXiv:«2312.00752»}.
                Prefix paper 2312.00752
                title claim "Mamba: Linear-time sequence modeling with selective state spaces" at «Mamba: Linear-time sequence modeling with selective state spaces»
                authors "Gu and Dao" year 2023
                in \bibitem{gu2023}
            9:   \url{https://arxiv.org/abs/«1706.03762»}
                Url paper 1706.03762
                title claim "Attention is all you need" at «Attention is all you need»
                authors "A. Vaswani, N. Shazeer, et al." year 2017
                in \bibitem{vaswani2017}
            14: \newblock \emph{arXiv:«2303.16634»}, 2023.
                Prefix paper 2303.16634
                title claim "G-Eval: NLG evaluation using GPT-4 with better human alignment" at «G-Eval}: {NLG} evaluation using {GPT-4} with better human alignment»
                authors "Yang Liu, Dan Iter, and Chenguang Zhu" year 2023
                in \bibitem{liu2023}
            16: After the bibliography: arXiv:«2404.16112».
                Prefix paper 2404.16112
            \bibitem{gu2023} at «gu2023»: 2312.00752; author = Gu and Dao; title = Mamba: Linear-time sequence modeling with selective state spaces; year = 2023
            \bibitem{vaswani2017} at «vaswani2017»: 1706.03762; author = A. Vaswani, N. Shazeer, et al.; title = Attention is all you need; year = 2017
            \bibitem{lecun1998} at «lecun1998»: no id
            \bibitem{liu2023} at «liu2023»: 2303.16634; author = Yang Liu, Dan Iter, and Chenguang Zhu; title = G-Eval: NLG evaluation using GPT-4 with better human alignment; year = 2023
            """);
    }
}
