using Humanizer;
using PaperLens.Core.Rules;

namespace PaperLens.Cli;

/// <summary>The closing line of a text report, for a person: counts and what was skipped and why.</summary>
public static class Summary
{
    public static string Of(CheckedWorkspace workspace, IReadOnlyList<Diagnostic> findings)
    {
        var scan = workspace.Scan;
        var bySeverity = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => SeverityNames.ToName(g.Key).ToQuantity(g.Count()));
        var found = findings.Count == 0 ? "no problems" : string.Join(", ", bySeverity);
        var line = $"{"citation".ToQuantity(workspace.CitationCount)} in {"file".ToQuantity(scan.FilesScanned)}: {found}";
        if (scan.SkippedCount > 0)
            line += $"; skipped {"file".ToQuantity(scan.SkippedCount)} (" + string.Join(", ", scan.Skipped.Select(g => $"{g.Count} {g.Reason}")) + ")";
        return line;
    }
}
