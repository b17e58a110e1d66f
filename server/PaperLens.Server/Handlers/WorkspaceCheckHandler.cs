using System.Text.Json.Serialization;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

public sealed record WorkspaceCheckSummary(
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("citations")] int Citations,
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("warnings")] int Warnings,
    [property: JsonPropertyName("information")] int Information,
    [property: JsonPropertyName("hints")] int Hints);

/// <summary><c>paperlens.checkWorkspace</c>: the snapshot's <see cref="Core.Analysis.CheckSummary"/>.</summary>
public static class WorkspaceCheckHandler
{
    public static WorkspaceCheckSummary Handle(Snapshot snapshot)
    {
        var summary = snapshot.Analysis.CheckSummary();
        return new WorkspaceCheckSummary(summary.Files, summary.Citations, summary.Errors, summary.Warnings, summary.Information, summary.Hints);
    }
}
