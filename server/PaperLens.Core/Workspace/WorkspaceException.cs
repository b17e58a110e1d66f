namespace PaperLens.Core.Workspace;

/// <summary>The workspace as a whole cannot be read (its root is missing). Problems with single
/// files never raise this: they are reported as skipped files.</summary>
public sealed class WorkspaceException(string message) : PaperLensException(message);
