using PaperLens.Core.Catalog;
using PaperLens.Core.Features;
using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Core.Text;

namespace PaperLens.Core;

/// <summary>What the front ends ask of one state of the workspace (rust-analyzer's <c>ide::Analysis</c>):
/// an immutable <see cref="WorkspaceIndex"/> snapshot, the paper source and the rule settings, answering
/// as plain data. The CLI's check and the editor's diagnostics and code actions come from here, so they
/// cannot disagree: a document's findings are always those of a check of the whole workspace (pandoc
/// keys, another paper's title, duplicates all see every document), never of the document alone.
/// The check runs once per analysis, on first use, however many documents are asked about.</summary>
public sealed class Analysis(WorkspaceIndex index, IPaperSource papers, RuleSettings rules)
{
    // Checks of different states at once multiply the memory (each holds every finding of the workspace
    // and the checker's working sets): 40 requests after as many edits took a server on a 3,000-file
    // workspace from 190 MB to 1.3 GB. A check is one core's work and an editor needs only the newest
    // state's, so the process runs one at a time; askers of one state still share it (_checking).
    private static readonly Lock OneCheckAtATime = new();
    private readonly Lock _checking = new();
    private Findings? _findings;

    public WorkspaceIndex Index { get; } = index;

    public IPaperSource Papers { get; } = papers;

    public RuleSettings Rules { get; } = rules;

    /// <summary>Every finding in the workspace, sorted by path then offset: <see cref="Checker.Check"/>
    /// over all its documents.</summary>
    public IReadOnlyList<Diagnostic> CheckWorkspace() => Checked.All;

    /// <summary>One document's findings, from the check of the whole workspace.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics(string path) => Checked.ByPath.GetValueOrDefault(path, []);

    /// <summary>The edits offered for the citations of an open document that touch <paramref name="range"/>:
    /// fixes for the findings the check reported on them, and rewrites. Empty for a document without text.</summary>
    public IReadOnlyList<CitationEdit> CodeActions(string path, TextSpan range)
    {
        if (Index.Get(path) is not { Text: { } text } document) return [];
        var findings = Diagnostics(path);
        var edits = new CitationEdits(path, text, Papers);
        var actions = new List<CitationEdit>();
        foreach (var citation in document.Scan.Citations)
        {
            if (!Touches(citation.Span, range) && !(citation.Claim is { } claim && Touches(claim.Span, range))) continue;
            // The check reports a citation's findings at its span: those are what its fixes resolve.
            actions.AddRange(edits.For(citation, findings.Where(f => f.Span == citation.Span).ToList()));
        }
        return actions;
    }

    private static bool Touches(TextSpan span, TextSpan range) => span.Start <= range.End && range.Start <= span.End;

    // Not Lazy<T>: it would keep a failed check's exception (a catalog busy for a moment) for the life of
    // the analysis; here a failure is thrown to its caller and the next one tries again. The lock makes
    // concurrent askers (a publication and a code action on the same snapshot) share one check.
    private Findings Checked
    {
        get
        {
            if (Volatile.Read(ref _findings) is { } done) return done;
            lock (_checking)
            {
                if (_findings is null)
                {
                    using var _ = OneCheckAtATime.EnterScope();
                    var all = Checker.Check(Index.Documents.Values.Select(d => d.Scan).ToList(), Papers, Rules);
                    var byPath = all.GroupBy(d => d.Path, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => (IReadOnlyList<Diagnostic>)g.ToList(), StringComparer.Ordinal);
                    Volatile.Write(ref _findings, new Findings(all, byPath));
                }
                return _findings!;
            }
        }
    }

    private sealed record Findings(IReadOnlyList<Diagnostic> All, IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> ByPath);
}
