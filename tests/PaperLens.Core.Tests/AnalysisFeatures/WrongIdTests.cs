using PaperLens.Core.Catalog;
using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary>Spec §2 (end): a title claim under the wrong id that is the title of another paper in the
/// catalog — cited in the workspace or not — names that paper, and a fix replaces the id.</summary>
public sealed class WrongIdTests
{
    private const string Seq2Seq = "Sequence to Sequence Learning with Neural Networks";

    private static string Message(string workspace, string path)
    {
        using var analysis = new AnalysisWorkspace(workspace);
        return Assert.Single(analysis.Analysis.Diagnostics(path), d => d.Code == "PL003").Message;
    }

    [Theory]
    [InlineData(Seq2Seq)]
    [InlineData("Sequence to Sequense Learning with Neural Networks")]
    [InlineData("Sequence to Sequence Learning with Deep Neural Networks")]
    public void A_title_of_a_catalog_paper_no_file_cites_names_that_paper(string claim) =>
        Assert.EndsWith(
            "; it is the title of arXiv:1409.3215",
            Message($"//- /ws/notes.md\n\"{claim}\" (arXiv:2404.16112)\n", "/ws/notes.md"));

    /// <summary>At arXiv's size every word of a title is in a thousand others: which of them are rarest decides
    /// which titles are candidates. Here the claim turns "streaming" into another real word, so the candidates
    /// come from pairs of its rarest words, and only "sparse" and "screaming" pair with few titles.</summary>
    [Fact]
    public void A_title_of_common_words_with_one_word_mistyped_into_another_names_the_paper()
    {
        static IEnumerable<PaperRecord> Papers(int month, int count, string title) =>
            Enumerable.Range(1, count).Select(n => new PaperRecord
            {
                Id = ArxivId.Of($"26{month:D2}.{n:D5}"), Title = title, Authors = "A. Author", Source = RecordSource.Bibtex, FetchedAt = AnalysisWorkspace.Now,
            });
        var papers = Papers(1, 1, "Sparse mixture routing for streaming speech recognition")
            .Concat(Papers(2, 2000, "Mixture routing for speech recognition"))
            .Concat(Papers(3, 1100, "Sparse coding"))
            .Concat(Papers(4, 1100, "Streaming video"))
            .Concat(Papers(5, 1050, "Screaming birds"));
        using var analysis = new AnalysisWorkspace("//- /ws/notes.md\n\"Sparse mixture routing for screaming speech recognition\" (arXiv:2404.16112)\n", extraPapers: papers);

        Assert.EndsWith("; it is the title of arXiv:2601.00001", Assert.Single(analysis.Analysis.Diagnostics("/ws/notes.md"), d => d.Code == "PL003").Message);
    }

    [Fact]
    public void A_title_no_paper_has_names_none() =>
        Assert.EndsWith(
            "does not match arXiv:2404.16112 \"Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges\"",
            Message("//- /ws/notes.md\n\"Sequence Learning with Enormous Recurrent Octopus Networks\" (arXiv:2404.16112)\n", "/ws/notes.md"));

    [Theory]
    [InlineData("//- /ws/refs.bib\n@misc{m, title = {Mamba-360}, eprint = {1409.3215}, archivePrefix = {arXiv}}\n", "/ws/refs.bib")]
    [InlineData($"//- /ws/notes.md\nVaswani, A., & Shazeer, N. (2017). {Seq2Seq}. arXiv:2404.16112\n", "/ws/notes.md")]
    public void A_title_that_is_only_a_short_name_or_by_another_first_author_names_no_paper(string workspace, string path) =>
        Assert.DoesNotContain("it is the title of", Message(workspace, path), StringComparison.Ordinal);

    /// <summary>The document after the fix that replaces the id, and the fix's title.</summary>
    private static (string Title, string Text) Fixed(string path, string text)
    {
        using var analysis = new AnalysisWorkspace($"//- {path}\n{text.TrimEnd('\n')}");
        var fix = Assert.Single(analysis.Analysis.CodeActions(path, new TextSpan(0, text.Length)), a => a.Title.StartsWith("Replace the id", StringComparison.Ordinal));
        Assert.Equal(CitationEditKind.QuickFix, fix.Kind);
        Assert.Equal("PL003", fix.Resolves?.Code);
        var file = analysis.Fixture.Get(path).Text;
        return (fix.Title, file[..fix.Span.Start] + fix.NewText + file[fix.Span.End..]);
    }

    [Fact]
    public void The_fix_replaces_a_url_keeping_it_unpinned()
    {
        var (title, text) = Fixed("/ws/notes.md", $"- [{Seq2Seq}](https://arxiv.org/abs/2404.16112)\n");
        Assert.Equal($"Replace the id with arXiv:1409.3215 \u201C{Seq2Seq}\u201D, the paper with this title", title);
        Assert.Equal($"- [{Seq2Seq}](https://arxiv.org/abs/1409.3215)\n", text);
    }

    [Fact]
    public void The_fix_pins_a_pinned_id_to_the_right_papers_latest_version() =>
        Assert.Equal(
            $"# arXiv:1409.3215v1 \"{Seq2Seq}\"\n",
            Fixed("/ws/model.py", $"# arXiv:2404.16112v2 \"{Seq2Seq}\"\n").Text);

    [Fact]
    public void The_fix_replaces_every_field_of_a_bib_entry_naming_the_wrong_id()
    {
        var entry = $"@misc{{s14,\n  title = {{{Seq2Seq}}},\n  eprint = {{2404.16112}}, archivePrefix = {{arXiv}},\n  url = {{https://arxiv.org/abs/2404.16112v2}},\n  doi = {{10.48550/arXiv.2404.16112}}\n}}\n";
        Assert.Equal(entry.Replace("2404.16112v2", "1409.3215v1", StringComparison.Ordinal).Replace("2404.16112", "1409.3215", StringComparison.Ordinal), Fixed("/ws/refs.bib", entry).Text);
    }

    [Fact]
    public void No_fix_replaces_an_id_when_the_title_names_no_other_paper()
    {
        using var analysis = new AnalysisWorkspace("//- /ws/notes.md\n\"Sequence Learning with Enormous Recurrent Octopus Networks\" (arXiv:2404.16112)\n");
        Assert.DoesNotContain(analysis.Analysis.CodeActions("/ws/notes.md", new TextSpan(0, 80)), a => a.Title.StartsWith("Replace the id", StringComparison.Ordinal));
    }
}
