using System.Collections.Concurrent;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Workspace;

/// <summary>Scans every citable file of a workspace (spec §3): one thread walks the folders while
/// the files it finds are read and scanned in parallel on all cores. Output is sorted by path, so
/// it is the same from run to run whatever the thread timing.</summary>
public static class WorkspaceScanner
{
    // What a workspace shares of its ids and texts (SharedScanValues): 1 MB a table, room for the 94,000
    // papers of the 10,000-file benchmark tree; a single file cites far fewer.
    private const int WorkspaceSlots = 1 << 17;
    private const int FileSlots = 1 << 8;

    /// <summary>Whether a path below <paramref name="root"/> lies in a folder the walk never enters
    /// (.git, node_modules, bin, obj…), whatever .gitignore says: a change there is none of the workspace's.</summary>
    public static bool InSkippedFolder(string root, string path) =>
        WorkspaceWalker.InSkippedFolder(Path.GetRelativePath(root, path));

    /// <param name="root">A folder (the workspace), or a single file to scan on its own.</param>
    /// <exception cref="WorkspaceException">The root does not exist.</exception>
    public static WorkspaceScan Scan(string root, WorkspaceOptions options, CancellationToken ct)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (File.Exists(fullRoot)) return ScanSingleFile(fullRoot, ct);
        if (!Directory.Exists(fullRoot)) throw new WorkspaceException($"workspace not found: {root}");

        var results = new ConcurrentBag<(ScannedDocument Document, LineMap? Lines)>();
        var skipped = new ConcurrentBag<(string Path, string Reason)>();
        var shared = new SharedScanValues(WorkspaceSlots);
        // Unbounded: the walk outpaces the scan and its items are small, and a bounded queue could
        // leave the walker blocked forever if the scan stops early.
        using var queue = new BlockingCollection<WorkspaceFile>();
        var walker = new WorkspaceWalker(fullRoot, new GlobFilter(options));
        var walk = Task.Factory.StartNew(() =>
        {
            try
            {
                walker.Walk(queue.Add, folder => skipped.Add((folder, SkipReasons.Unreadable)), ct);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(
            Partitioner.Create(queue.GetConsumingEnumerable(ct), EnumerablePartitionerOptions.NoBuffering),
            parallel,
            file => ScanFile(file, shared, results, skipped));
        walk.GetAwaiter().GetResult();

        return Assemble(fullRoot, results, skipped);
    }

    private static WorkspaceScan ScanSingleFile(string fullPath, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var results = new ConcurrentBag<(ScannedDocument, LineMap?)>();
        var skipped = new ConcurrentBag<(string, string)>();
        if (DocumentScanner.CanScan(fullPath))
            ScanFile(new WorkspaceFile(fullPath, Path.GetFileName(fullPath)), new SharedScanValues(FileSlots), results, skipped);
        return Assemble(Path.GetDirectoryName(fullPath) ?? fullPath, results, skipped);
    }

    private static void ScanFile(
        WorkspaceFile file,
        SharedScanValues shared,
        ConcurrentBag<(ScannedDocument, LineMap?)> results,
        ConcurrentBag<(string, string)> skipped)
    {
        var read = WorkspaceFileReader.Read(file.FullPath, DocumentScanner.MarkersOf(file.RelativePath));
        if (read.IsUnmarked)
        {
            results.Add((DocumentScanner.Unmarked(file.RelativePath), null));
            return;
        }
        if (read.Text is not { } text)
        {
            skipped.Add((file.RelativePath, read.SkipReason ?? SkipReasons.Unreadable));
            return;
        }
        ScannedDocument document;
        try
        {
            document = DocumentScanner.Scan(file.RelativePath, text);
        }
        catch (Exception e)
        {
            // One faulty scanner must not cost the user the rest of the workspace.
            skipped.Add((file.RelativePath, SkipReasons.ScannerError(e.Message)));
            return;
        }
        var lines = document.Citations.Count > 0 || document.Problems.Count > 0 ? new LineMap(text) : null;
        results.Add((shared.Share(document), lines));
    }

    private static WorkspaceScan Assemble(
        string root,
        IEnumerable<(ScannedDocument Document, LineMap? Lines)> results,
        IEnumerable<(string Path, string Reason)> skipped)
    {
        var ordered = results.OrderBy(r => r.Document.Path, StringComparer.Ordinal).ToList();
        var lineMaps = new Dictionary<string, LineMap>(StringComparer.Ordinal);
        foreach (var (document, lines) in ordered)
        {
            if (lines is not null) lineMaps[document.Path] = lines;
        }
        var groups = skipped
            .GroupBy(s => s.Reason, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SkippedGroup(g.Key, g.Select(s => s.Path).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return new WorkspaceScan(root, ordered.Select(r => r.Document).ToList(), lineMaps, groups);
    }
}
