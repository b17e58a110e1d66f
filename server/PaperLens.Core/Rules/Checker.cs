using System.Globalization;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Presentation;
using PaperLens.Core.Scanning.Latex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Rules;

/// <summary>Runs the rules of spec §4 over scanned documents against local paper data. Pure: the same
/// documents, papers and settings always give the same diagnostics, sorted by path then offset. One
/// document is checked at a time, against the cross-file facts of its workspace (<see cref="CrossFileFacts"/>),
/// recording which of them its findings rest on; <see cref="WorkspaceCheck"/> keeps the results. A finding
/// a document's <c>paperlens-ignore</c> comment covers is not reported (spec §5): here, so that the CLI and
/// the editor, which both ask <see cref="Analysis"/>, hide the same.</summary>
public sealed class Checker
{
    private readonly ScannedDocument _document;
    private readonly CrossFileFacts _workspace;
    private readonly PaperLookup _papers;
    private readonly RuleSettings _settings;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly FactSet.Recorder _reads = new();
    private IReadOnlySet<string>? _ownKeys;

    private Checker(ScannedDocument document, CrossFileFacts workspace, PaperLookup papers, RuleSettings settings)
    {
        _document = document;
        _workspace = workspace;
        _papers = papers;
        _settings = settings;
    }

    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<ScannedDocument> documents, IPaperSource papers, RuleSettings settings)
    {
        var (workspace, lookup) = WorkspaceCheck.Prepare(documents, papers);
        return documents
            .SelectMany(document => Check(document, workspace, lookup, settings).Findings)
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One document's findings, sorted by offset, and the facts of <paramref name="workspace"/> they
    /// rest on. <paramref name="papers"/> has looked up the ids the document cites.</summary>
    internal static DocumentCheck Check(ScannedDocument document, CrossFileFacts workspace, PaperLookup papers, RuleSettings settings)
    {
        var checker = new Checker(document, workspace, papers, settings);
        checker.CheckDocument();
        var shown = document.Ignores.Count == 0
            ? checker._diagnostics
            : checker._diagnostics.Where(d => !document.Ignores.Any(c => c.Hides(d.Code, d.Span.Start))).ToList();
        IReadOnlyList<Diagnostic> findings = shown.Count == 0
            ? []
            : shown.OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        return new DocumentCheck(document, findings, checker._reads.ToSet());
    }

    private void CheckDocument()
    {
        var document = _document;
        foreach (var problem in document.Problems)
            Report(RuleCatalog.BibSyntax, document.Path, problem.Span, problem.Message, null, null);

        foreach (var citation in document.Citations)
        {
            if (citation.Form == CitationForm.CiteKey) CheckKey(document, citation);
            else if (citation.IsMalformed) Report(RuleCatalog.MalformedId, document.Path, citation, $"malformed arXiv id '{citation.RawText}': {citation.MalformedReason}");
            else if (citation.Id is { } id) CheckPaper(document.Path, citation, id);
        }

        CheckConflicts(document);
        CheckDuplicates(document, CitationRole.BibEntry, "entry '{0}'");
        CheckDuplicates(document, CitationRole.ReferenceDefinition, "reference definition [{0}]");
    }

    // A resolved key's paper is checked at its .bib entry, where a fix belongs; repeating the
    // entry's findings at every [@key] would only multiply them.
    private void CheckKey(ScannedDocument document, Citation citation)
    {
        if (!_settings.IsEnabled(RuleCatalog.UnresolvedKey)) return;
        var key = CiteKeyResolver.KeyOf(citation);
        if (StatusOf(key) != KeyStatus.Unresolved) return;
        var where = document.Bibliographies.Count > 0
            ? string.Join(", ", document.Bibliographies)
            : "the workspace's .bib files";
        var message = LatexScanner.Reads(document.Path)
            ? document.BibEntries.Count > 0
                ? $"citation key '{key}' matches no \\bibitem of this document and no entry in {where}"
                : $"citation key '{key}' matches no entry in {where}"
            : $"citation key '@{key}' matches no entry in {where}";
        Report(RuleCatalog.UnresolvedKey, document.Path, citation, message);
    }

    /// <summary>Whether a key resolves, by the rule of <see cref="CiteKeyResolver.Lookup"/>: the document's
    /// own <c>\bibitem</c>s, else any .bib of the workspace (the one it declares among them).</summary>
    private KeyStatus StatusOf(string key)
    {
        if ((_ownKeys ??= CiteKeyResolver.OwnKeys(_document)).Contains(key)) return KeyStatus.Resolved;
        _reads.Key(key);
        if (_workspace.Defines(key)) return KeyStatus.Resolved;
        _reads.Bibliography();
        return CiteKeyResolver.WithoutEntry(_document, _workspace.HasBibliography);
    }

    private void CheckPaper(string path, Citation citation, ArxivId id)
    {
        var paper = _papers.Get(id);
        var cited = id.WithVersion(citation.Version);
        if (paper.Record is not { } record)
        {
            if (paper.ConfirmedMiss)
                Report(RuleCatalog.UnknownPaper, path, citation, $"arXiv has no paper arXiv:{cited}");
            else
                Report(RuleCatalog.NotInCatalog, path, citation,
                    $"arXiv:{cited} is not in the local catalog; add it with 'paperlens import' or run the check online to look it up");
            return;
        }

        var title = ClaimText.Display(record.Title);
        if (citation.Claim is { } claim) CheckClaim(path, citation, claim, paper, id, title);
        if (citation.AuthorYear is { } authorYear) CheckAuthorYear(path, citation, authorYear, paper, id);
        CheckVersions(path, citation, record, cited, title);
        if (record.JournalRef is not null || record.Doi is not null)
        {
            var published = string.Join("; ", new[] { ClaimText.Display(record.JournalRef ?? ""), record.Doi is null ? "" : "doi:" + record.Doi.Trim() }.Where(s => s.Length > 0));
            Report(RuleCatalog.PublishedVersion, path, citation, $"arXiv:{id} \"{title}\" has a published version: {published}");
        }
    }

    private void CheckClaim(string path, Citation citation, Claim claim, PaperLookup.Entry paper, ArxivId id, string title)
    {
        if (claim.Kind == ClaimKind.Title)
        {
            if (!_settings.IsEnabled(RuleCatalog.TitleMismatch)) return;
            var claimed = NormalizedTitle.Of(claim.Text);
            if (claimed.IsEmpty || ClaimMatcher.MatchTitle(claimed, paper.Title) != TitleMatch.None) return;
            var message = $"title \"{ClaimText.Display(claim.Text)}\" does not match arXiv:{id} \"{title}\"";
            var surname = citation.AuthorYear?.Authors is { } authors ? AuthorClaim.FirstSurname(authors)?.Surname : null;
            var other = CitedWithTitle(claimed, id) ?? _papers.PaperWithTitle(claimed, claim.Text, id, surname);
            if (other is not null) message += $"; it is the title of arXiv:{other}";
            Report(RuleCatalog.TitleMismatch, path, citation, message, claim.Span, other);
        }
        else if (!string.IsNullOrWhiteSpace(paper.Record!.Abstract) && _settings.IsEnabled(RuleCatalog.UnknownName)
            && !ClaimMatcher.NameMatches(claim.Text, paper.Text))
        {
            Report(RuleCatalog.UnknownName, path, citation,
                $"name '{ClaimText.Display(claim.Text)}' appears in neither the title nor the abstract of arXiv:{id} \"{title}\"", claim.Span);
        }
    }

    /// <summary>The paper cited in the workspace whose title <paramref name="claimed"/> is exactly, unless it
    /// is <paramref name="except"/> (when several are, the first by id decides).</summary>
    private ArxivId? CitedWithTitle(NormalizedTitle claimed, ArxivId except)
    {
        _reads.Title(claimed.Text);
        return _workspace.FirstCitedWithTitle(claimed.Text) is { } cited && cited != except.Canonical ? ArxivId.Of(cited) : null;
    }

    /// <summary>PL013 and PL014 (spec §2, author-year claim): the first claimed surname among the paper's
    /// authors, and a year no earlier than the paper's first version.</summary>
    private void CheckAuthorYear(string path, Citation citation, AuthorYearClaim claim, PaperLookup.Entry paper, ArxivId id)
    {
        var record = paper.Record!;
        if (_settings.IsEnabled(RuleCatalog.AuthorMismatch) && claim is { Authors: { } authors, AuthorsSpan: { } authorsSpan }
            && AuthorClaim.FirstSurname(authors) is var (surname, at)
            && !paper.Authors.IsEmpty && paper.Authors.IsComplete && !paper.Authors.Contains(surname))
        {
            // The surname's own range when the claim is the text as written; else the claim's whole range.
            var span = authorsSpan.Length == authors.Length ? at.Shift(authorsSpan.Start) : authorsSpan;
            ReportAt(RuleCatalog.AuthorMismatch, path, citation, $"\"{ClaimText.Display(surname)}\" is not among the authors: {Described(record, id)}", span);
        }
        if (_settings.IsEnabled(RuleCatalog.YearMismatch) && claim is { Year: { } year, YearSpan: { } yearSpan }
            && year < FirstVersion.Of(record).EarliestYear && !claim.PublishedElsewhere && !PublishedBy(record, year))
        {
            ReportAt(RuleCatalog.YearMismatch, path, citation, $"{Number(year)} is before the paper existed: {Described(record, id)}", yearSpan);
        }
    }

    // A paper published in a journal before its arXiv version is rightly cited by the journal's year.
    private static bool PublishedBy(PaperRecord record, int year) =>
        record.JournalRef is { } reference && FirstVersion.YearsIn(reference).Any(y => y <= year);

    /// <summary>What the record says of who wrote the paper and when, for PL013 and PL014:
    /// "arXiv:1409.3215 is by I. Sutskever, O. Vinyals and Q. V. Le, first submitted Sep 2014".</summary>
    private static string Described(PaperRecord record, ArxivId id)
    {
        var by = string.IsNullOrWhiteSpace(record.Authors) ? "" : " is by " + AuthorList.Short(PaperAuthors.WithoutAffiliations(record.Authors));
        return $"arXiv:{id}{by}{(by.Length > 0 ? "," : "")} first submitted {FirstVersion.Of(record).Text}";
    }

    /// <summary>PL015: one entry naming two different papers. A BibTeX entry knows its second id; a
    /// reference-list entry is the author-year claim two citations on one line share.</summary>
    private void CheckConflicts(ScannedDocument document)
    {
        if (!_settings.IsEnabled(RuleCatalog.ConflictingIds)) return;
        var entries = new Dictionary<TextSpan, Citation>();
        foreach (var citation in document.Citations)
        {
            if (citation.Id is not { } id) continue;
            if (citation.ConflictingId is { } conflict)
            {
                Report(RuleCatalog.ConflictingIds, document.Path, citation,
                    $"entry '{citation.Label}' names two different papers: arXiv:{id} and arXiv:{conflict.Id} (in {conflict.Field}){TitleBelongsTo(citation, id, conflict.Id)}");
                continue;
            }
            if (citation.Role != CitationRole.Inline || citation.AuthorYear?.AuthorsSpan is not { } entry) continue;
            if (!entries.TryAdd(entry, citation) && entries[entry].Id is { } first && first.Canonical != id.Canonical)
                Report(RuleCatalog.ConflictingIds, document.Path, citation,
                    $"this reference names two different papers: arXiv:{first} and arXiv:{id}{TitleBelongsTo(citation, first, id)}");
        }
    }

    // Which of the two the entry's title names, when the catalog can tell.
    private string TitleBelongsTo(Citation citation, ArxivId one, ArxivId other)
    {
        if (citation.Claim is not { Kind: ClaimKind.Title } claim) return "";
        var claimed = NormalizedTitle.Of(claim.Text);
        bool Names(ArxivId id) => _papers.Get(id) is { Record: not null } entry && ClaimMatcher.MatchTitle(claimed, entry.Title) != TitleMatch.None;
        var (first, second) = (Names(one), Names(other));
        return first == second ? "" : $"; the title is that of arXiv:{(first ? one : other)}";
    }

    private void CheckVersions(string path, Citation citation, PaperRecord record, string cited, string title)
    {
        var latest = record.LatestVersion;
        var pinned = citation.Version;
        if (pinned is { } v && latest is { } last && record.VersionsComplete)
        {
            if (v < last)
                Report(RuleCatalog.NewerVersion, path, citation, $"arXiv:{cited} is pinned to v{Number(v)}; the latest version is v{Number(last)}");
            else if (v > last)
                Report(RuleCatalog.NoSuchVersion, path, citation, $"arXiv:{record.Id} has no version v{Number(v)}; the latest is v{Number(last)}");
        }

        // The withdrawn flag describes the latest version: a pin to an earlier one cites text that
        // still exists, and a pin past a partial history may be the withdrawn one.
        var citesWithdrawn = pinned is not { } p || latest is not { } l || p == l || p > l && !record.VersionsComplete;
        if (record.Withdrawn && citesWithdrawn)
            Report(RuleCatalog.Withdrawn, path, citation, $"arXiv:{cited} \"{title}\" is withdrawn");
    }

    private void CheckDuplicates(ScannedDocument document, CitationRole role, string firstFormat)
    {
        if (!_settings.IsEnabled(RuleCatalog.DuplicateEntry)) return;
        var first = new Dictionary<string, Citation>(StringComparer.Ordinal);
        foreach (var citation in document.Citations)
        {
            if (citation.Role != role || citation.Id is not { } id) continue;
            if (!first.TryGetValue(id.Canonical, out var earlier))
            {
                first.Add(id.Canonical, citation);
                continue;
            }
            // One entry may name its paper twice (eprint and url); that is not a second entry.
            if (earlier.Label is not null && string.Equals(earlier.Label, citation.Label, StringComparison.OrdinalIgnoreCase)) continue;
            var earlierName = earlier.Label is null ? "an earlier one" : string.Format(CultureInfo.InvariantCulture, firstFormat, earlier.Label);
            Report(RuleCatalog.DuplicateEntry, document.Path, citation, $"arXiv:{id} is already named in this file by {earlierName}");
        }
    }

    private void Report(RuleDescriptor rule, string path, Citation citation, string message, TextSpan? related = null, ArxivId? titleOf = null)
    {
        var severity = _settings.SeverityOf(rule);
        if (severity == Severity.Off) return;
        _diagnostics.Add(new Diagnostic(path, citation.Span, severity, rule.Code, message, citation.Id, citation.Cell, citation.CellLine) { RelatedSpan = related, TitleOf = titleOf });
    }

    // PL013 and PL014 stand on the claimed author or year (spec §4), not on the id.
    private void ReportAt(RuleDescriptor rule, string path, Citation citation, string message, TextSpan span)
    {
        var severity = _settings.SeverityOf(rule);
        if (severity == Severity.Off) return;
        _diagnostics.Add(new Diagnostic(path, span, severity, rule.Code, message, citation.Id, citation.Cell, citation.CellLine));
    }

    private void Report(RuleDescriptor rule, string path, TextSpan span, string message, ArxivId? id, int? cell)
    {
        var severity = _settings.SeverityOf(rule);
        if (severity == Severity.Off) return;
        _diagnostics.Add(new Diagnostic(path, span, severity, rule.Code, message, id, cell));
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
