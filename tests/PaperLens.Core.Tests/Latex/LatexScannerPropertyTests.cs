using System.Diagnostics;
using CsCheck;
using PaperLens.Core.Scanning.Latex;

namespace PaperLens.Core.Tests.Latex;

/// <summary>Robustness (spec §3): the LaTeX scanner never throws, every range it reports lies inside the
/// text and holds what it names, whatever the text — shuffled TeX soup, unclosed groups and environments,
/// and the same construct repeated a hundred thousand times.</summary>
public class LatexScannerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "arXiv:2312.00752", "https://arxiv.org/abs/1706.03762v2", "2313.00752", "\\", "\\\\", "\\%", "%", "%\n", "{", "}", "[", "]",
        "\\cite", "\\citep*", "\\cites", "{gu2023}", "{a,b}", ",", "\\href", "{https://arxiv.org/abs/2312.00752}", "\\url", "\\arxiv{",
        "\\eprint", "\\verb|", "|", "\\begin{verbatim}", "\\end{verbatim}", "\\begin{thebibliography}{9}", "\\end{thebibliography}",
        "\\bibitem", "[Gu and Dao(2023)]", "\\bibliography{refs}", "\\addbibresource{", "\\iffalse", "\\else", "\\fi", "\\newblock",
        "``", "''", "~", "$", "&", "#1", "\n", "\n\n", " ", "\t", "\uFFFD", "\uD800", "é", "\\'e", "Mamba: ", "(2023). ",
    ];

    private static readonly Gen<string> TexSoup =
        Gen.OneOf(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]), Gen.String).Array[0, 60].Select(parts => string.Concat(parts));

    [Fact]
    public void Never_throws_and_every_range_holds_what_it_names() =>
        TexSoup.Sample(text =>
        {
            var document = LatexScanner.Scan("paper.tex", text);
            foreach (var citation in document.Citations)
            {
                Assert.InRange(citation.Span.End, Math.Max(citation.Span.Start, 0), text.Length);
                Assert.True(citation.RawText == text.Substring(citation.Span.Start, citation.Span.Length), $"{citation} in {text}");
                if (citation.Claim is { } claim) Assert.InRange(claim.Span.End, Math.Max(claim.Span.Start, 0), text.Length);
            }
            foreach (var entry in document.BibEntries) Assert.InRange(entry.KeySpan.End, Math.Max(entry.KeySpan.Start, 0), text.Length);
        }, iter: 3000);

    [Theory]
    [InlineData("\\cite{")]
    [InlineData("\\href{")]
    [InlineData("\\iffalse ")]
    [InlineData("\\begin{verbatim}")]
    [InlineData("\\bibitem{k} ")]
    [InlineData("{")]
    [InlineData("\\cite[")]
    [InlineData("% arXiv ")]
    public void Reads_a_construct_repeated_unclosed_in_linear_time(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 100_000)) + "\n\nFinally arXiv:1706.03762.";
        var watch = Stopwatch.StartNew();
        var document = LatexScanner.Scan("paper.tex", text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        if (unit is not ("\\iffalse " or "\\begin{verbatim}"))
            Assert.Contains(document.Citations, c => c.Id?.Canonical == "1706.03762");
    }
}
