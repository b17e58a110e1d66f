using System.Collections.Immutable;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Rules;

/// <summary>The findings of the rules over one state of the workspace, document by document, with the
/// cross-file facts they rest on (<see cref="CrossFileFacts"/>). Made whole (<see cref="Of"/>), or from the
/// check of an earlier state (<see cref="After"/>): then only the documents that changed are checked again,
/// and those whose findings read a fact that changed (a key a .bib stopped defining, the title of a paper
/// no longer cited), so an edit costs the check of the edited document. Either way the findings are those
/// of <see cref="Checker.Check"/> over every document. Immutable; paths are unique.</summary>
public sealed class WorkspaceCheck
{
    private readonly ImmutableSortedDictionary<string, DocumentCheck> _documents;
    private readonly CrossFileFacts _facts;
    // The lookup of the documents the last update checked (none after a whole check: it would hold every
    // cited paper's record), which the next update starts from: the document being edited cites the same papers.
    private readonly PaperLookup? _lastLookup;
    private IReadOnlyList<Diagnostic>? _all;

    private WorkspaceCheck(ImmutableSortedDictionary<string, DocumentCheck> documents, CrossFileFacts facts, PaperLookup? lastLookup,
        IPaperSource papers, RuleSettings rules, CatalogVersion? papersVersion)
    {
        _documents = documents;
        _facts = facts;
        _lastLookup = lastLookup;
        Papers = papers;
        Rules = rules;
        PapersVersion = papersVersion;
    }

    public IPaperSource Papers { get; }

    public RuleSettings Rules { get; }

    /// <summary>The state of <see cref="Papers"/> the findings were made with, when it has one.</summary>
    public CatalogVersion? PapersVersion { get; }

    /// <summary>Every finding, sorted by path, then offset, then code.</summary>
    public IReadOnlyList<Diagnostic> All => _all ??= _documents.Values.SelectMany(d => d.Findings).ToList();

    /// <summary>The findings in one document, sorted by offset; empty for a path the check did not see.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics(string path) => _documents.TryGetValue(path, out var check) ? check.Findings : [];

    /// <summary>The check of <paramref name="documents"/> (unique paths), whole.</summary>
    /// <param name="papersVersion">The state of <paramref name="papers"/> now, if it has one: a later
    /// check builds on this one only in that same state.</param>
    public static WorkspaceCheck Of(IReadOnlyCollection<ScannedDocument> documents, IPaperSource papers, RuleSettings rules, CatalogVersion? papersVersion = null)
    {
        var (facts, lookup) = Prepare(documents, papers);
        var checks = ImmutableSortedDictionary.CreateBuilder<string, DocumentCheck>(StringComparer.Ordinal);
        foreach (var document in documents) checks.Add(document.Path, Checker.Check(document, facts, lookup, rules));
        return new WorkspaceCheck(checks.ToImmutable(), facts, null, papers, rules, papersVersion);
    }

    /// <summary>The check of <paramref name="documents"/> (unique paths, in ordinal order): an update of
    /// <paramref name="previous"/> when it was made with the same papers in the same state and the same
    /// rules, else a whole check. A document whose scan is the one <paramref name="previous"/> checked (the
    /// same object) has not changed.</summary>
    /// <param name="changed">When known, the paths of the only documents that may have changed since
    /// <paramref name="previous"/>, with their scans now (null: gone), so that the others are not compared.</param>
    public static WorkspaceCheck After(WorkspaceCheck? previous, IEnumerable<ScannedDocument> documents, IPaperSource papers, RuleSettings rules,
        CatalogVersion? papersVersion, IReadOnlyDictionary<string, ScannedDocument?>? changed = null) =>
        previous is not null && previous.CanBeUpdatedFor(papers, rules, papersVersion)
            ? previous.Update(changed is null ? previous.Changes(documents) : previous.Changes(changed))
            : Of(documents.ToList(), papers, rules, papersVersion);

    /// <summary>Whether a check of a later state can start from this one: the same source in the same state,
    /// the same rules.</summary>
    public bool CanBeUpdatedFor(IPaperSource papers, RuleSettings rules, CatalogVersion? papersVersion) =>
        Papers == papers && Rules == rules && papersVersion is { } version && PapersVersion == version;

    /// <summary>What a whole check of <paramref name="documents"/> starts from: the cross-file facts, and
    /// every cited id looked up, so that a mismatching title can be recognised as the title of another
    /// paper cited anywhere, in one query.</summary>
    internal static (CrossFileFacts Facts, PaperLookup Papers) Prepare(IReadOnlyCollection<ScannedDocument> documents, IPaperSource papers)
    {
        var lookup = new PaperLookup(papers);
        lookup.Prefetch(CitedIds(documents));
        var (facts, _) = CrossFileFacts.Empty.Apply(documents.Select(d => ((ScannedDocument?)null, (ScannedDocument?)d)), lookup);
        return (facts, lookup);
    }

    private WorkspaceCheck Update(List<(ScannedDocument? Before, ScannedDocument? After)> changes)
    {
        if (changes.Count == 0) return this;

        var changed = changes.Select(c => c.After).OfType<ScannedDocument>().ToList();
        var lookup = new PaperLookup(Papers);
        lookup.Prefetch(CitedIds(changed), _lastLookup);
        var (facts, factsChanged) = _facts.Apply(changes, lookup);
        var recheck = changed;
        if (!factsChanged.IsEmpty)
        {
            var changedPaths = changes.Select(c => (c.After ?? c.Before)!.Path).ToHashSet(StringComparer.Ordinal);
            var dependents = _documents.Values
                .Where(d => !d.Reads.IsEmpty && d.Reads.Overlaps(factsChanged) && !changedPaths.Contains(d.Scan.Path))
                .Select(d => d.Scan)
                .ToList();
            lookup.Prefetch(CitedIds(dependents), _lastLookup);
            recheck = [.. changed, .. dependents];
        }

        var checks = _documents.ToBuilder();
        foreach (var (before, _) in changes.Where(c => c.After is null)) checks.Remove(before!.Path);
        foreach (var document in recheck) checks[document.Path] = Checker.Check(document, facts, lookup, Rules);
        return new WorkspaceCheck(checks.ToImmutable(), facts, lookup, Papers, Rules, PapersVersion);
    }

    /// <summary>The documents that changed since this check, walking both in path order, so that a
    /// document whose scan is the one checked here costs no lookup: each as it was (null: new) and as it
    /// is (null: gone).</summary>
    private List<(ScannedDocument? Before, ScannedDocument? After)> Changes(IEnumerable<ScannedDocument> documents)
    {
        var changes = new List<(ScannedDocument? Before, ScannedDocument? After)>();
        using var checkedBefore = _documents.Values.GetEnumerator();
        var before = checkedBefore.MoveNext() ? checkedBefore.Current.Scan : null;
        string? previousPath = null;
        foreach (var document in documents)
        {
            if (previousPath is not null && string.CompareOrdinal(previousPath, document.Path) >= 0)
                throw new ArgumentException($"documents must be in ordinal order of their unique paths: {document.Path} after {previousPath}", nameof(documents));
            previousPath = document.Path;
            while (before is not null && !ReferenceEquals(before, document) && string.CompareOrdinal(before.Path, document.Path) < 0)
            {
                changes.Add((before, null));
                before = checkedBefore.MoveNext() ? checkedBefore.Current.Scan : null;
            }
            if (before is not null && (ReferenceEquals(before, document) || before.Path == document.Path))
            {
                if (!ReferenceEquals(before, document)) changes.Add((before, document));
                before = checkedBefore.MoveNext() ? checkedBefore.Current.Scan : null;
            }
            else changes.Add((null, document));
        }
        for (; before is not null; before = checkedBefore.MoveNext() ? checkedBefore.Current.Scan : null) changes.Add((before, null));
        return changes;
    }

    /// <summary>The documents of <paramref name="changed"/> whose scans are not the ones checked here.</summary>
    private List<(ScannedDocument? Before, ScannedDocument? After)> Changes(IReadOnlyDictionary<string, ScannedDocument?> changed) =>
        changed
            .Select(c => (Before: _documents.GetValueOrDefault(c.Key)?.Scan, After: c.Value))
            .Where(c => !ReferenceEquals(c.Before, c.After))
            .ToList();

    internal static IEnumerable<ArxivId> CitedIds(IEnumerable<ScannedDocument> documents) =>
        documents.SelectMany(d => d.Citations).Select(c => c.Id).OfType<ArxivId>();
}
