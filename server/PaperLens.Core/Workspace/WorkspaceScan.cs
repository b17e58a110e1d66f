using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Workspace;

/// <summary>Files that were not scanned for one reason, paths sorted.</summary>
public sealed record SkippedGroup(string Reason, IReadOnlyList<string> Paths)
{
    public int Count => Paths.Count;
}

/// <summary>The result of walking a workspace: every scanned document (paths relative to the root,
/// with '/', sorted ordinally), a line map for each document that has citations or syntax problems
/// (so offsets can become lines without reading the file again), and what was skipped and why.</summary>
public sealed record WorkspaceScan(
    string Root,
    IReadOnlyList<ScannedDocument> Documents,
    IReadOnlyDictionary<string, LineMap> LineMaps,
    IReadOnlyList<SkippedGroup> Skipped)
{
    public int FilesScanned => Documents.Count;

    public int SkippedCount => Skipped.Sum(group => group.Count);

    public LineMap? LineMapFor(string path) => LineMaps.GetValueOrDefault(path);
}
