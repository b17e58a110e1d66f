using System.Text.Json.Serialization;
using PaperLens.Core.Rules;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

public sealed record WorkspaceCheckSummary(
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("citations")] int Citations,
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("warnings")] int Warnings,
    [property: JsonPropertyName("information")] int Information,
    [property: JsonPropertyName("hints")] int Hints);

/// <summary><c>paperlens.checkWorkspace</c>: the snapshot's workspace check, summarised.</summary>
public static class WorkspaceCheckHandler
{
    public static WorkspaceCheckSummary Handle(Snapshot snapshot)
    {
        var documents = snapshot.Index.Documents.Values.ToList();
        var findings = snapshot.Analysis.CheckWorkspace();
        int Count(Severity s) => findings.Count(f => f.Severity == s);
        return new WorkspaceCheckSummary(
            documents.Count,
            documents.Sum(d => d.Scan.Citations.Count),
            Count(Severity.Error), Count(Severity.Warning), Count(Severity.Information), Count(Severity.Hint));
    }
}
