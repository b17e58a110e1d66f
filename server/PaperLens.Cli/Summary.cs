using Humanizer;
using PaperLens.Core.Rules;

namespace PaperLens.Cli;

/// <summary>The closing line of a text report, for a person: counts and what was skipped and why, over
/// the files the command reports on.</summary>
public static class Summary
{
    public static string Of(IReadOnlyList<CheckedWorkspace> workspaces, IReadOnlyList<Diagnostic> findings)
    {
        var bySeverity = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => SeverityNames.ToName(g.Key).ToQuantity(g.Count()));
        var found = findings.Count == 0 ? "no problems" : string.Join(", ", bySeverity);
        var citations = workspaces.Sum(w => w.CitationCount);
        var files = workspaces.Sum(w => w.Documents.Count);
        var line = $"{"citation".ToQuantity(citations)} in {"file".ToQuantity(files)}: {found}";
        var skipped = workspaces.SelectMany(w => w.Skipped).GroupBy(g => g.Reason, StringComparer.Ordinal)
            .Select(g => (Reason: g.Key, Count: g.Sum(s => s.Count))).OrderBy(g => g.Reason, StringComparer.Ordinal).ToList();
        if (skipped.Count > 0)
            line += $"; skipped {"file".ToQuantity(skipped.Sum(g => g.Count))} (" + string.Join(", ", skipped.Select(g => $"{g.Count} {g.Reason}")) + ")";
        return line;
    }
}
