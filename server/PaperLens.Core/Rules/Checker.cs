using System.Globalization;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Scanning.Latex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Rules;

/// <summary>Runs the rules of spec §4 over scanned documents against local paper data. Pure: the same
/// documents, papers and settings always give the same diagnostics, sorted by path then offset.</summary>
public sealed class Checker
{
    private readonly PaperLookup _papers;
    private readonly RuleSettings _settings;
    private readonly List<Diagnostic> _diagnostics = [];

    private Checker(IPaperSource papers, RuleSettings settings)
    {
        _papers = new PaperLookup(papers);
        _settings = settings;
    }

    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<ScannedDocument> documents, IPaperSource papers, RuleSettings settings)
    {
        var checker = new Checker(papers, settings);
        var keys = new CiteKeyResolver(documents);

        // Every id is looked up before any claim is judged, so a mismatching title can be recognised
        // as the title of another paper cited anywhere in the workspace, before or after it.
        checker._papers.Prefetch(documents.SelectMany(d => d.Citations).Select(c => c.Id).OfType<ArxivId>());

        foreach (var document in documents) checker.CheckDocument(document, keys);
        return checker._diagnostics
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
    }

    private void CheckDocument(ScannedDocument document, CiteKeyResolver keys)
    {
        foreach (var problem in document.Problems)
            Report(RuleCatalog.BibSyntax, document.Path, problem.Span, problem.Message, null, null);

        foreach (var citation in document.Citations)
        {
            if (citation.Form == CitationForm.CiteKey) CheckKey(document, citation, keys);
            else if (citation.IsMalformed) Report(RuleCatalog.MalformedId, document.Path, citation, $"malformed arXiv id '{citation.RawText}': {citation.MalformedReason}");
            else if (citation.Id is { } id) CheckPaper(document.Path, citation, id);
        }

        CheckDuplicates(document, CitationRole.BibEntry, "entry '{0}'");
        CheckDuplicates(document, CitationRole.ReferenceDefinition, "reference definition [{0}]");
    }

    // A resolved key's paper is checked at its .bib entry, where a fix belongs; repeating the
    // entry's findings at every [@key] would only multiply them.
    private void CheckKey(ScannedDocument document, Citation citation, CiteKeyResolver keys)
    {
        if (!_settings.IsEnabled(RuleCatalog.UnresolvedKey)) return;
        var key = CiteKeyResolver.KeyOf(citation);
        if (keys.Lookup(document, key).Status != KeyStatus.Unresolved) return;
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
            if (_papers.IdWithTitle(claimed, id) is { } other) message += $"; it is the title of arXiv:{other}";
            Report(RuleCatalog.TitleMismatch, path, citation, message, claim.Span);
        }
        else if (!string.IsNullOrWhiteSpace(paper.Record!.Abstract) && _settings.IsEnabled(RuleCatalog.UnknownName)
            && !ClaimMatcher.NameMatches(claim.Text, paper.Text))
        {
            Report(RuleCatalog.UnknownName, path, citation,
                $"name '{ClaimText.Display(claim.Text)}' appears in neither the title nor the abstract of arXiv:{id} \"{title}\"", claim.Span);
        }
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

    private void Report(RuleDescriptor rule, string path, Citation citation, string message, TextSpan? related = null)
    {
        var severity = _settings.SeverityOf(rule);
        if (severity == Severity.Off) return;
        _diagnostics.Add(new Diagnostic(path, citation.Span, severity, rule.Code, message, citation.Id, citation.Cell, citation.CellLine) { RelatedSpan = related });
    }

    private void Report(RuleDescriptor rule, string path, TextSpan span, string message, ArxivId? id, int? cell)
    {
        var severity = _settings.SeverityOf(rule);
        if (severity == Severity.Off) return;
        _diagnostics.Add(new Diagnostic(path, span, severity, rule.Code, message, id, cell));
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
