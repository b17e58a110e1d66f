using CsCheck;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Core.Tests.Catalog;

namespace PaperLens.Core.Tests.Rules;

/// <summary>The check of an edit, made from the check of the state before it (<see cref="WorkspaceCheck.After"/>:
/// only changed documents and those reading a cross-file fact that changed are checked again), equals a
/// whole check of the workspace after every edit of random edit sequences: the paranoid comparison
/// (marksman's) over a real catalog file.</summary>
public sealed class IncrementalCheckPropertyTests : IDisposable
{
    private const string Seq2Seq = "Sequence to Sequence Learning with Neural Networks";
    private const string Informer = "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting";
    // A second catalog paper with Seq2Seq's title: a claim of that title names whichever of the two the
    // workspace cites (the first by id when it cites both), and no paper when it cites neither.
    private const string SameTitle = "2401.00001";

    private static readonly string[] MarkdownLines =
    [
        $"- [{Informer}](https://arxiv.org/abs/2012.07436)",
        $"- [{Seq2Seq}](https://arxiv.org/abs/2012.07436)",
        $"- \"{Seq2Seq}\" arXiv:1409.3215",
        $"- the same title again, arXiv:{SameTitle}",
        "As shown in [@zhou2021] and [@Sutskever2014].",
        "See @again2021 and @nobody for more.",
        "[informer]: https://arxiv.org/abs/2012.07436",
        "[again]: https://arxiv.org/abs/2012.07436",
        "typo arXiv:2313.00752 and unknown arXiv:2501.99999",
        "Vaswani, A. (2012). Sequence models. arXiv:1409.3215",
        "<!-- paperlens-ignore PL009 PL003 -->",
    ];

    private static readonly string[] BibEntries =
    [
        $"@article{{zhou2021,\n  title = {{{Informer}}},\n  eprint = {{2012.07436}},\n}}",
        $"@article{{sutskever2014,\n  title = {{{Informer}}},\n  eprint = {{1409.3215}},\n}}",
        $"@article{{again2021,\n  title = {{{Informer}}},\n  eprint = {{2012.07436}},\n}}",
        $"@misc{{same2024,\n  title = {{{Seq2Seq}}},\n  eprint = {{{SameTitle}}},\n}}",
        $"@article{{NOBODY,\n  title = {{{Seq2Seq}}},\n  url = {{https://arxiv.org/abs/2012.07436}},\n}}",
        "@article{broken,\n  title = {unterminated",
    ];

    private static readonly string[] LatexLines =
    [
        "As in \\cite{zhou2021} and \\citep{sutskever2014}.",
        "And \\cite{nobody}, \\cite{own2020}.",
        $"% \"{Seq2Seq}\" arXiv:2012.07436",
        "\\bibliography{refs}",
        "\\begin{thebibliography}{9}\n\\bibitem{own2020} A. Author. Own work. arXiv:2404.16112\n\\end{thebibliography}",
    ];

    private static readonly string[] PythonLines =
    [
        "# arXiv:1409.3215",
        $"# \"{Seq2Seq}\" arXiv:2012.07436",
        $"# see arXiv:{SameTitle}",
        "x = 1  # nothing cited",
    ];

    private static readonly (string Path, string[] Pool, string? Prefix)[] Documents =
    [
        ("/ws/a.md", MarkdownLines, null),
        ("/ws/b.md", MarkdownLines, "---\nbibliography: sub/more.bib\n---\n"),
        ("/ws/sub/c.md", MarkdownLines, null),
        ("/ws/refs.bib", BibEntries, null),
        ("/ws/sub/more.bib", BibEntries, null),
        ("/ws/paper.tex", LatexLines, "\\documentclass{article}\n\\begin{document}\n"),
        ("/ws/model.py", PythonLines, null),
    ];

    private readonly FixtureCatalog _catalog = new();

    public IncrementalCheckPropertyTests() =>
        _catalog.Papers.Upsert([RuleData.Paper("1409.3215") with { Id = ArxivId.Of(SameTitle) }]);

    /// <summary>One edit: a document's text becomes the lines of its pool that <paramref name="Lines"/>
    /// selects (bit i: line i), or the document is deleted. <paramref name="Reread"/>: the index is built
    /// again from its documents first (as after a walk of the workspace), so it shares no history with the
    /// one checked before; <paramref name="Checked"/>: the state is checked (else the next check starts
    /// from an older one).</summary>
    private sealed record Edit(int Document, int Lines, bool Delete, bool Reread, bool Checked)
    {
        public override string ToString() =>
            (Reread ? "reread, " : "") + (Delete ? $"delete {Documents[Document].Path}" : $"{Documents[Document].Path}: lines {Convert.ToString(Lines, 2)}") + (Checked ? ", check" : "");
    }

    private static readonly Gen<Edit> Edits =
        Gen.Select(Gen.Int[0, Documents.Length - 1], Gen.Int[0, (1 << MarkdownLines.Length) - 1], Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 3])
            .Select((document, lines, delete, reread, check) => new Edit(document, lines, delete == 0, reread == 0, check > 0));

    [Fact]
    public void After_every_edit_the_incremental_check_equals_a_whole_check()
    {
        var papers = _catalog.Papers;
        var reused = 0;
        Edits.Array[1, 30].Sample(edits =>
        {
            var index = WorkspaceIndex.Empty;
            Analysis? previous = null;
            foreach (var edit in edits)
            {
                var (path, pool, prefix) = Documents[edit.Document];
                var text = prefix + string.Join("\n", pool.Where((_, i) => (edit.Lines & (1 << i)) != 0)) + "\n";
                if (edit.Reread) index = index.Documents.Values.Aggregate(WorkspaceIndex.Empty, (i, d) => i.With(d));
                index = edit.Delete ? index.Without(path) : index.With(IndexedDocument.FromText(path, text, 1));
                if (!edit.Checked) continue;

                var analysis = new Analysis(index, papers, RuleSettings.Default, previous?.LatestCheck);
                var whole = Checker.Check(index.Documents.Values.Select(d => d.Scan).ToList(), papers, RuleSettings.Default);
                Assert.Equal(whole, analysis.CheckWorkspace());
                foreach (var document in index.Documents.Keys)
                {
                    Assert.Equal(whole.Where(d => d.Path == document), analysis.Diagnostics(document));
                    // The findings of a document the update did not check again are the earlier check's own.
                    if (document != path && previous?.Diagnostics(document) is { Count: > 0 } before && ReferenceEquals(before, analysis.Diagnostics(document)))
                        Interlocked.Increment(ref reused);
                }
                previous = analysis;
            }
        }, iter: 400);
        // Else every update would have been a whole check, and the comparison above would prove nothing.
        Assert.True(reused > 0, "no update kept an unchanged document's findings");
    }

    public void Dispose() => _catalog.Dispose();
}
