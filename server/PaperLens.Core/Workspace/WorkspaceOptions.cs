namespace PaperLens.Core.Workspace;

/// <summary>Which files of a workspace are read, as set in <c>.paperlens.json</c>. Patterns are
/// .gitignore-style globs (MAB.DotIgnore), matched against paths relative to the workspace root.</summary>
public sealed record WorkspaceOptions
{
    public static WorkspaceOptions Default { get; } = new();

    /// <summary>When non-empty, only files matching one of these patterns are scanned.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Files matching one of these patterns are not scanned (and not counted as skipped).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
