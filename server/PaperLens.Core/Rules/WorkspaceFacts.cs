using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;

namespace PaperLens.Core.Rules;

/// <summary>The cross-file facts of one state of the workspace (<see cref="CrossFileFacts"/>) with no document
/// checked: what a document is checked against alone while no whole check exists (a session's first, against
/// arXiv's millions of papers, takes minutes). Carried from state to state as a check is, so an edit meanwhile
/// costs the edited document's difference and its own check, not every cited paper looked up again.
/// Immutable; the lookup it holds is only read once it is held here.</summary>
public sealed class WorkspaceFacts
{
    private readonly CrossFileFacts _facts;
    // The lookup of the last document checked against these facts (at first, of the whole workspace), which
    // the next check and the next state start from: the document being edited cites the same papers.
    private readonly PaperLookup _lastLookup;

    private WorkspaceFacts(CrossFileFacts facts, PaperLookup lastLookup, IPaperSource papers, CatalogVersion? papersVersion)
    {
        _facts = facts;
        _lastLookup = lastLookup;
        Papers = papers;
        PapersVersion = papersVersion;
    }

    public IPaperSource Papers { get; }

    /// <summary>The state of <see cref="Papers"/> the facts were made with, when it has one.</summary>
    public CatalogVersion? PapersVersion { get; }

    /// <summary>The facts of <paramref name="documents"/> (unique paths), every cited id looked up in one query.</summary>
    public static WorkspaceFacts Of(IReadOnlyCollection<ScannedDocument> documents, IPaperSource papers, CatalogVersion? papersVersion)
    {
        var (facts, lookup) = WorkspaceCheck.Prepare(documents, papers);
        return new WorkspaceFacts(facts, lookup, papers, papersVersion);
    }

    /// <summary>Whether a later state's facts can start from these: the same source in the same state.</summary>
    public bool CanBeUpdatedFor(IPaperSource papers, CatalogVersion? papersVersion) =>
        Papers == papers && papersVersion is { } version && PapersVersion == version;

    /// <summary>The facts after <paramref name="changes"/>: each document as it was (null: new) and as it is (null: gone).</summary>
    public WorkspaceFacts After(IReadOnlyCollection<(ScannedDocument? Before, ScannedDocument? After)> changes)
    {
        if (changes.Count == 0) return this;
        var lookup = new PaperLookup(Papers);
        lookup.Prefetch(WorkspaceCheck.CitedIds(changes.Select(c => c.After).OfType<ScannedDocument>()), _lastLookup);
        return new WorkspaceFacts(_facts.Apply(changes, lookup).Facts, lookup, Papers, PapersVersion);
    }

    /// <summary>The findings of <paramref name="document"/> as the whole check of its workspace reports them,
    /// and the facts to carry on with (holding this check's lookup).</summary>
    public (IReadOnlyList<Diagnostic> Findings, WorkspaceFacts Next) Check(ScannedDocument document, RuleSettings rules)
    {
        var lookup = new PaperLookup(Papers);
        lookup.Prefetch(WorkspaceCheck.CitedIds([document]), _lastLookup);
        var findings = Checker.Check(document, _facts, lookup, rules).Findings;
        return (findings, new WorkspaceFacts(_facts, lookup, Papers, PapersVersion));
    }
}
