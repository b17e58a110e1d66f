using PaperLens.Core.Bibliography;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Completion;
using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Core.Text;

namespace PaperLens.Core;

/// <summary>What the front ends ask of one state of the workspace (rust-analyzer's <c>ide::Analysis</c>):
/// an immutable <see cref="WorkspaceIndex"/> snapshot, the catalog and the rule settings, answering every
/// feature as plain data — offsets into documents, typed results, Markdown only where a feature's answer
/// is a document. The CLI's check and every editor request come from here; a front end translates
/// paths and positions in, and the answer out, and decides nothing. What only the front end knows (its
/// background arXiv lookups, the time) is passed in.
///
/// A document's findings are always those of a check of the whole workspace (pandoc keys, another
/// paper's title, duplicates all see every document), never of the document alone, so the CLI and the
/// editor cannot disagree. The check runs once per analysis, on first use, however many documents are
/// asked about; given the check of an earlier state (<paramref name="basis"/>), it checks again only what
/// changed since (<see cref="WorkspaceCheck.After"/>). Features asked about a path the index lacks answer nothing.</summary>
public sealed class Analysis(WorkspaceIndex index, PaperCatalog papers, RuleSettings rules, Analysis.Basis? basis = null, CheckHistory? history = null)
{
    /// <summary>A workspace check and the index it checked: what the analysis of a later state starts from.</summary>
    public sealed record Basis(WorkspaceIndex Index, WorkspaceCheck Check);

    /// <summary>Cross-file facts and the index they are of: what a document checked alone in a later state starts from.</summary>
    public sealed record FactsBasis(WorkspaceIndex Index, WorkspaceFacts Facts);

    // Checks of different states at once multiply the memory (each holds every finding of the workspace
    // and the checker's working sets): 40 requests after as many edits took a server on a 3,000-file
    // workspace from 190 MB to 1.3 GB. A check is one core's work and an editor needs only the newest
    // state's, so the process runs one at a time; askers of one state still share it (_checking).
    private static readonly Lock OneCheckAtATime = new();
    private readonly Lock _checking = new();
    private Basis? _basis = basis;
    private Basis? _check;
    private int _checkStarted;

    public WorkspaceIndex Index { get; } = index;

    public PaperCatalog Papers { get; } = papers;

    public RuleSettings Rules { get; } = rules;

    /// <summary>Every finding in the workspace, sorted by path then offset: <see cref="Checker.Check"/>
    /// over all its documents.</summary>
    public IReadOnlyList<Diagnostic> CheckWorkspace() => Checked.All;

    /// <summary>The newest workspace check this analysis has: its own once made, else the one it will start
    /// from. The analysis of the next state starts from it.</summary>
    public Basis? LatestCheck => Volatile.Read(ref _check) ?? Volatile.Read(ref _basis);

    /// <summary>The workspace check in numbers: every indexed document, its citations, the findings by severity.</summary>
    public CheckSummary CheckSummary()
    {
        var findings = CheckWorkspace();
        int Count(Severity severity) => findings.Count(f => f.Severity == severity);
        return new CheckSummary(
            Index.Documents.Count,
            Index.Documents.Values.Sum(d => d.Scan.Citations.Count),
            Count(Severity.Error), Count(Severity.Warning), Count(Severity.Information), Count(Severity.Hint));
    }

    /// <summary>One document's findings, from the check of the whole workspace.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics(string path) => Checked.Diagnostics(path);

    /// <summary>One document's findings for an editor that asks for the document it shows: the same as
    /// <see cref="Diagnostics"/>, but when the whole check is not made and there is none to update by a few
    /// changes (a session's first, the catalog changed, or the workspace was indexed whole since), the document
    /// is checked alone: a whole check of a large
    /// workspace against arXiv's millions of papers takes minutes, and the others need not wait for it.</summary>
    public IReadOnlyList<Diagnostic> DocumentDiagnostics(string path)
    {
        if (Volatile.Read(ref _check) is { } done) return done.Check.Diagnostics(path);
        // An update is an edit's worth of work only from a check a few changes back: after a whole scan (the
        // workspace indexed after a check of what was open) it is a whole check, and the document goes alone.
        if (StartingPoint is { } basis && basis.Check.CanBeUpdatedFor(Papers, Rules, Papers.Version) && Index.ChangedSince(basis.Index) is not null)
            return Checked.Diagnostics(path);
        if (Index.Get(path) is not { } document) return [];
        if (history is not null && Interlocked.Exchange(ref _checkStarted, 1) == 0) _ = Task.Run(CheckInBackground);
        var (findings, next) = FactsNow().Check(document.Scan, Rules);
        history?.Record(new FactsBasis(Index, next));
        return findings;
    }

    // The session's newest facts brought up to this state when they can be, else made whole.
    private WorkspaceFacts FactsNow()
    {
        var version = Papers.Version;
        if (history?.LatestFacts is { } earlier && earlier.Facts.CanBeUpdatedFor(Papers, version) && Index.ChangedSince(earlier.Index) is { } paths)
            return earlier.Facts.After(paths
                .Select(p => (Before: earlier.Index.Get(p)?.Scan, After: Index.Get(p)?.Scan))
                .Where(c => !ReferenceEquals(c.Before, c.After))
                .ToList());
        return WorkspaceFacts.Of(Index.Documents.Values.Select(d => d.Scan).ToList(), Papers, version);
    }

    // What later states of the session start from. A failure (a catalog busy for a moment, or closed since)
    // is not kept: the next request that needs the check makes it again, and reports what goes wrong then.
    private void CheckInBackground()
    {
        try
        {
            _ = Checked;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
        }
    }

    private Basis? StartingPoint => Volatile.Read(ref _basis) ?? history?.Latest;

    /// <summary>The edits offered for the citations of an open document that touch <paramref name="range"/>:
    /// fixes for the findings the check reported on them, rewrites, and the entry of a cited paper that no
    /// .bib names (<see cref="BibliographyAdditions"/>); then, for each finding touching the range, the
    /// comment that ignores it (<see cref="IgnoreEdits"/>). Empty for a document without text.</summary>
    public IReadOnlyList<CitationEdit> CodeActions(string path, TextSpan range)
    {
        if (Index.Get(path) is not { Text: { } text } document) return [];
        var findings = Diagnostics(path);
        var edits = new CitationEdits(path, text, Papers);
        var additions = new BibliographyAdditions(Index, Papers, document);
        var actions = new List<CitationEdit>();
        foreach (var citation in document.Scan.Citations)
        {
            if (!Touches(citation.Span, range) && !(citation.Claim is { } claim && Touches(claim.Span, range))) continue;
            // The check reports a citation's findings at its span: those are what its fixes resolve.
            var own = findings.Where(f => f.Span == citation.Span).ToList();
            // A title under the wrong id: the likely fix comes first.
            if (IdReplacement.For(text, citation, own, document.Scan.BibEntries, Papers) is { } replaced) actions.Add(replaced);
            actions.AddRange(edits.For(citation, own));
            if (additions.For(citation) is { } addition) actions.Add(addition);
        }
        foreach (var finding in findings)
        {
            if (!Touches(finding.Span, range) && !(finding.RelatedSpan is { } related && Touches(related, range))) continue;
            // Two findings of one rule on one line are hidden by one comment.
            if (IgnoreEdits.For(document, text, finding) is { } ignore && !actions.Any(a => a.Span == ignore.Span && a.NewText == ignore.NewText))
                actions.Add(ignore);
        }
        return actions;
    }

    /// <summary>The hover over the citation at <paramref name="offset"/>: a paper, a paper the catalog
    /// lacks (with what <paramref name="lookups"/> are doing about it; null when no lookups run, offline),
    /// a malformed id or an unresolved key. <see cref="PaperHover.Render"/> writes it.</summary>
    public HoverResult? Hover(string path, int offset, IPaperLookups? lookups) =>
        Index.Get(path) is { } document ? PaperHover.At(Index, Papers, document, offset, lookups) : null;

    /// <summary>Where go to definition on the citation at <paramref name="offset"/> lands.</summary>
    public DefinitionTarget? Definition(string path, int offset) =>
        Index.Get(path) is { } document ? CitationDefinition.At(Index, Papers, document, offset) : null;

    /// <summary>The record of a paper named by its id (any form arXiv accepts), for its abstract
    /// document (<see cref="AbstractDocument.Page"/>); null when the id is invalid or the catalog lacks it.</summary>
    public PaperRecord? Abstract(string id) =>
        ArxivIdParser.Parse(id).Id is { } parsed ? Papers.Find(parsed) : null;

    /// <summary>The record of the paper cited at <paramref name="offset"/> (a pandoc key as its .bib
    /// entry's paper), for its abstract document; null off a citation or for a paper the catalog lacks.</summary>
    public PaperRecord? AbstractAt(string path, int offset) =>
        CitedAt(path, offset)?.Id is { } id ? Papers.Find(id) : null;

    /// <summary>Completion at <paramref name="offset"/> (<see cref="PaperCompletion.Complete"/>): null
    /// where nothing is completed.</summary>
    /// <param name="invoked">Asked for by the user, not triggered by a typed character.</param>
    /// <param name="titleSearch">The front end's search beyond the catalog; null for none.</param>
    public CompletionAnswer? Completions(string path, int offset, bool invoked, ITitleSearch? titleSearch) =>
        Index.Get(path) is { } document ? PaperCompletion.Complete(Index, document, offset, invoked, Papers, titleSearch) : null;

    /// <summary>The Markdown documentation of a completion item's paper, by its id; null when the catalog lacks it.</summary>
    public string? CompletionDocumentation(string id) => Abstract(id) is { } paper ? PaperCompletion.Documentation(paper) : null;

    /// <summary>The entry of a paper accepted in completion as a new key (<see cref="CompletionCandidate.AddsEntry"/>),
    /// for the document's bibliography: the same edit as the "Add to bibliography" code action. Null when
    /// the document or the paper is unknown, or a .bib names the paper already.</summary>
    public CitationEdit? AddToBibliography(string path, string id, string? key) =>
        Index.Get(path) is { } document && ArxivIdParser.Parse(id).Id is { } parsed
            ? new BibliographyAdditions(Index, Papers, document).For(parsed, key)
            : null;

    /// <summary>The BibTeX entry of the paper cited at <paramref name="offset"/> (a pandoc key as its .bib
    /// entry's paper), under the key a .bib gives it or else the key rule's; null off a citation or for a
    /// paper the catalog lacks.</summary>
    public PaperEntry? BibtexAt(string path, int offset)
    {
        if (AbstractAt(path, offset) is not { } paper) return null;
        var key = new CiteKeys(Index.Documents.Values.SelectMany(d => d.Scan.BibEntries)).For(paper);
        return new PaperEntry(key, BibtexEntryWriter.Write(paper, key));
    }

    /// <summary>Every place in the workspace citing the paper cited at <paramref name="offset"/>, whatever
    /// the form (a pandoc key counts as its .bib entry's paper), in path order; BibTeX entries, the
    /// declarations, only when <paramref name="includeDeclaration"/>. Null off a citation of a valid id.</summary>
    public IReadOnlyList<DocumentSpan>? References(string path, int offset, bool includeDeclaration) =>
        CitedAt(path, offset)?.Id is { } id
            ? Index.CitationsOf(id)
                .Where(p => includeDeclaration || p.Citation.Role != CitationRole.BibEntry)
                .Select(p => new DocumentSpan(p.Document, p.Citation.Span))
                .ToList()
            : null;

    /// <summary>The document's citations as links to their abs pages (<see cref="PaperLinks"/>).</summary>
    public IReadOnlyList<PaperLink> DocumentLinks(string path) =>
        Index.Get(path) is { } document ? PaperLinks.Of(Index, document, Papers) : [];

    /// <summary>The short titles after the bare <c>arXiv:ID</c> citations ending inside <paramref name="range"/> (<see cref="TitleHints"/>).</summary>
    public IReadOnlyList<TitleHints.Hint> InlayHints(string path, TextSpan range) =>
        Index.Get(path) is { } document ? TitleHints.For(Index.Resolved(document), range, Papers) : [];

    /// <summary>The cited papers matching <paramref name="query"/>, as symbols (<see cref="CitedPaperSymbols"/>).</summary>
    public IReadOnlyList<CitedPaperSymbols.Symbol> WorkspaceSymbols(string query, CancellationToken cancellationToken = default) =>
        CitedPaperSymbols.Matching(Index, Papers, query, cancellationToken);

    /// <summary>The catalog's search for a picker (<see cref="PaperSearch"/>), each paper as
    /// <paramref name="documentPath"/> (if any) would cite it.</summary>
    public IReadOnlyList<PaperSearchResult> SearchPapers(string query, int? limit, string? documentPath) =>
        PaperSearch.Run(Papers, query, limit, documentPath);

    private Citation? CitedAt(string path, int offset) =>
        Index.Get(path) is { } document ? Index.CitationAt(document, offset) : null;

    private static bool Touches(TextSpan span, TextSpan range) => span.Start <= range.End && range.Start <= span.End;

    // Not Lazy<T>: it would keep a failed check's exception (a catalog busy for a moment) for the life of
    // the analysis; here a failure is thrown to its caller and the next one tries again. The lock makes
    // concurrent askers (a publication and a code action on the same snapshot) share one check.
    private WorkspaceCheck Checked
    {
        get
        {
            if (Volatile.Read(ref _check) is { } done) return done.Check;
            lock (_checking)
            {
                if (_check is null)
                {
                    using var _ = OneCheckAtATime.EnterScope();
                    // Read before the check: a write during it leaves the check behind the catalog, and the next one whole.
                    var version = Papers.Version;
                    var from = StartingPoint;
                    var changed = from?.Index is { } before && Index.ChangedSince(before) is { } paths
                        ? paths.ToDictionary(p => p, p => Index.Get(p)?.Scan, StringComparer.Ordinal)
                        : null;
                    var check = WorkspaceCheck.After(from?.Check, Index.Documents.Values.Select(d => d.Scan), Papers, Rules, version, changed);
                    var made = new Basis(Index, check);
                    Volatile.Write(ref _check, made);
                    history?.Record(made);
                    // Its own check is what a later state starts from; the earlier one can go.
                    Volatile.Write(ref _basis, null);
                }
                return _check!.Check;
            }
        }
    }
}
