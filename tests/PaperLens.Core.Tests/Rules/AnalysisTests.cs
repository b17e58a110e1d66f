using PaperLens.Core.Catalog;
using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Core.Tests.Catalog;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Rules;

/// <summary>An <see cref="Analysis"/> gives each document the findings of a check of the whole workspace,
/// whatever sequence of changes made the index: the paranoid comparison (marksman's) of
/// <see cref="Analysis.Diagnostics"/> with <see cref="Checker.Check"/> over every document.</summary>
public sealed class AnalysisTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();
    private const string Informer = "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting";
    private const string Seq2Seq = "Sequence to Sequence Learning with Neural Networks";

    private static readonly string[] Lines =
    [
        $"- [{Informer}](https://arxiv.org/abs/2012.07436)\n",
        $"- [{Seq2Seq}](https://arxiv.org/abs/2012.07436)\n",
        $"- \"{Seq2Seq}\" arXiv:1409.3215\n",
        "- the survey arXiv:2404.16112v9\n",
        "As shown in [@zhou2021] and [@sutskever2014].\n",
        "[informer]: https://arxiv.org/abs/2012.07436\n",
        "[again]: https://arxiv.org/abs/2012.07436\n",
        "typo arXiv:2313.00752\n",
    ];

    private static readonly string[] Entries =
    [
        $"@article{{zhou2021,\n  title = {{{Informer}}},\n  eprint = {{2012.07436}},\n}}\n",
        $"@article{{sutskever2014,\n  title = {{{Informer}}},\n  eprint = {{1409.3215}},\n}}\n",
        $"@article{{again2021,\n  title = {{{Informer}}},\n  eprint = {{2012.07436}},\n}}\n",
    ];

    [Fact]
    public void A_documents_diagnostics_are_its_part_of_the_whole_workspace_check_after_every_change()
    {
        var papers = _catalog.Papers;
        foreach (var (_, index) in RandomEdits(20250610))
        {
            var analysis = new Analysis(index, papers, RuleSettings.Default);
            var alone = new Analysis(index, papers, RuleSettings.Default);

            var whole = Checker.Check(index.Documents.Values.Select(d => d.Scan).ToList(), papers, RuleSettings.Default);
            foreach (var document in index.Documents.Keys)
                Assert.Equal(whole.Where(d => d.Path == document), alone.DocumentDiagnostics(document));
            Assert.Null(alone.LatestCheck);
            Assert.Equal(whole, analysis.CheckWorkspace());
            foreach (var document in index.Documents.Keys)
                Assert.Equal(whole.Where(d => d.Path == document), analysis.Diagnostics(document));
        }
    }

    [Fact]
    public void A_document_checked_alone_against_facts_carried_from_state_to_state_reads_as_the_whole_check_has_it()
    {
        var papers = _catalog.Papers;
        WorkspaceFacts? facts = null;
        foreach (var (before, index) in RandomEdits(20261207))
        {
            facts ??= WorkspaceFacts.Of(before.Documents.Values.Select(d => d.Scan).ToList(), papers, papers.Version);
            var changed = index.Documents.Keys.Where(p => !ReferenceEquals(before.Get(p), index.Get(p))).Select(p => (before.Get(p)!.Scan, index.Get(p)!.Scan)).ToList();
            facts = facts.After([.. changed]);

            var whole = Checker.Check(index.Documents.Values.Select(d => d.Scan).ToList(), papers, RuleSettings.Default);
            foreach (var document in index.Documents.Keys)
            {
                (var findings, facts) = facts.Check(index.Get(document)!.Scan, RuleSettings.Default);
                Assert.Equal(whole.Where(d => d.Path == document), findings);
            }
        }
    }

    /// <summary>40 seeded edits of a small workspace: title claims added and removed, a .bib gaining and
    /// losing entries that define keys and cite papers, a citation coming and going; each as the index
    /// before and after it.</summary>
    private static IEnumerable<(WorkspaceIndex Before, WorkspaceIndex After)> RandomEdits(int seed)
    {
        var texts = new Dictionary<string, string>
        {
            ["/ws/a.md"] = Lines[0] + Lines[4],
            ["/ws/b.md"] = Lines[1],
            ["/ws/model.py"] = "# arXiv:1409.3215\n",
            ["/ws/refs.bib"] = Entries[0],
        };
        var index = texts.Aggregate(WorkspaceIndex.Empty, (i, t) => i.With(IndexedDocument.FromText(t.Key, t.Value, 1)));
        var random = new Random(seed);
        for (var step = 0; step < 40; step++)
        {
            var path = texts.Keys.ElementAt(random.Next(texts.Count));
            texts[path] = path switch
            {
                "/ws/refs.bib" => random.Next(2) == 0 && texts[path].Length > 0
                    ? string.Concat(texts[path].Split("@article").Skip(2).Select(e => "@article" + e))
                    : texts[path] + Entries[random.Next(Entries.Length)],
                "/ws/model.py" => random.Next(2) == 0 ? "# arXiv:1409.3215\n" : "# nothing cited\n",
                _ => Edit(texts[path], random),
            };
            var before = index;
            index = index.With(IndexedDocument.FromText(path, texts[path], step + 2));
            yield return (before, index);
        }
    }

    private static string Edit(string text, Random random)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n").ToList();
        if (lines.Count > 0 && random.Next(3) == 0) lines.RemoveAt(random.Next(lines.Count));
        else lines.Insert(random.Next(lines.Count + 1), Lines[random.Next(Lines.Length)]);
        return string.Concat(lines);
    }

    [Fact]
    public void An_editor_asking_first_gets_its_document_checked_alone_and_later_states_start_from_the_check_made_meanwhile()
    {
        var history = new CheckHistory();
        var index = WorkspaceIndex.Empty
            .With(IndexedDocument.FromText("/ws/a.md", Lines[1], 1))
            .With(IndexedDocument.FromText("/ws/model.py", "# arXiv:1409.3215\n", 1));
        var first = new Analysis(index, _catalog.Papers, RuleSettings.Default, null, history);

        Assert.EndsWith("; it is the title of arXiv:1409.3215", Assert.Single(first.DocumentDiagnostics("/ws/a.md")).Message);
        Assert.True(SpinWait.SpinUntil(() => history.Latest is not null, TimeSpan.FromSeconds(30)), "no whole check was made after the document's");
        Assert.Same(first.LatestCheck, history.Latest);

        var edited = index.With(IndexedDocument.FromText("/ws/a.md", Lines[3], 2));
        var next = new Analysis(edited, _catalog.Papers, RuleSettings.Default, null, history);
        var whole = Checker.Check(edited.Documents.Values.Select(d => d.Scan).ToList(), _catalog.Papers, RuleSettings.Default);
        var findings = next.DocumentDiagnostics("/ws/a.md");
        Assert.Equal(whole.Where(d => d.Path == "/ws/a.md"), findings);
        Assert.DoesNotContain(findings, f => f.Code == "PL003");
    }

    [Fact]
    public void A_document_asked_for_after_the_workspace_was_indexed_whole_is_checked_alone_not_through_a_whole_update()
    {
        var opened = WorkspaceIndex.Empty.With(IndexedDocument.FromText("/ws/a.md", Lines[1], 1));
        var first = new Analysis(opened, _catalog.Papers, RuleSettings.Default);
        first.CheckWorkspace();
        // Indexing ends with the whole workspace at once, not one change after another.
        var indexed = new[] { ("/ws/a.md", Lines[1]), ("/ws/model.py", "# arXiv:1409.3215\n"), ("/ws/b.md", Lines[3]) }
            .Aggregate(WorkspaceIndex.Empty, (i, f) => i.With(IndexedDocument.FromText(f.Item1, f.Item2, 1)));
        var next = new Analysis(indexed, _catalog.Papers, RuleSettings.Default, first.LatestCheck);

        var findings = next.DocumentDiagnostics("/ws/a.md");

        var whole = Checker.Check(indexed.Documents.Values.Select(d => d.Scan).ToList(), _catalog.Papers, RuleSettings.Default);
        Assert.Equal(whole.Where(d => d.Path == "/ws/a.md"), findings);
        Assert.EndsWith("; it is the title of arXiv:1409.3215", Assert.Single(findings).Message);
        Assert.Same(first.LatestCheck, next.LatestCheck);
    }

    [Fact]
    public void A_title_of_another_paper_is_named_when_that_paper_is_cited_in_another_document()
    {
        var index = WorkspaceIndex.Empty
            .With(IndexedDocument.FromText("/ws/a.md", Lines[1], 1))
            .With(IndexedDocument.FromText("/ws/model.py", "# arXiv:1409.3215\n", 1));

        var mismatch = Assert.Single(new Analysis(index, _catalog.Papers, RuleSettings.Default).Diagnostics("/ws/a.md"));

        Assert.Equal("PL003", mismatch.Code);
        Assert.EndsWith("; it is the title of arXiv:1409.3215", mismatch.Message);
    }

    [Fact]
    public void A_fix_resolves_the_finding_the_workspace_check_reported_and_a_rewrite_none()
    {
        var text = Lines[1];
        var index = WorkspaceIndex.Empty.With(IndexedDocument.FromText("/ws/a.md", text, 1));
        var analysis = new Analysis(index, _catalog.Papers, RuleSettings.Default);
        var at = text.IndexOf("2012", StringComparison.Ordinal);

        var actions = analysis.CodeActions("/ws/a.md", new TextSpan(at, 0));

        // Two fixes for the one finding: the id of the paper with this title, or this paper's title.
        var fixes = actions.Where(a => a.Kind == CitationEditKind.QuickFix).ToList();
        Assert.Equal(["1409.3215", Informer], fixes.Select(f => f.NewText));
        Assert.All(fixes, fix => Assert.Same(Assert.Single(analysis.Diagnostics("/ws/a.md")), fix.Resolves));
        Assert.All(actions.Where(a => a.Kind == CitationEditKind.Rewrite), a => Assert.Null(a.Resolves));
        Assert.DoesNotContain(new Analysis(index, _catalog.Papers, RuleSettings.Default.With("PL003", Severity.Off))
            .CodeActions("/ws/a.md", new TextSpan(at, 0)), a => a.Kind == CitationEditKind.QuickFix);
    }

    [Fact]
    public void A_paper_another_process_imported_is_known_to_the_check_of_the_next_edit_of_any_document()
    {
        var index = WorkspaceIndex.Empty
            .With(IndexedDocument.FromText("/ws/a.md", "- cited before it was imported: arXiv:2501.99999\n", 1))
            .With(IndexedDocument.FromText("/ws/b.md", "- arXiv:1409.3215\n", 1));
        var before = new Analysis(index, _catalog.Papers, RuleSettings.Default);
        Assert.Equal("PL009", Assert.Single(before.Diagnostics("/ws/a.md")).Code);

        using (var elsewhere = PaperCatalog.Open(_catalog.Papers.Path))
            elsewhere.Upsert([RuleData.Paper("1409.3215") with { Id = ArxivId.Of("2501.99999") }]);
        var edited = index.With(IndexedDocument.FromText("/ws/b.md", "- arXiv:1409.3215, edited\n", 2));

        Assert.Empty(new Analysis(edited, _catalog.Papers, RuleSettings.Default, before.LatestCheck).Diagnostics("/ws/a.md"));
    }

    public void Dispose() => _catalog.Dispose();
}
