using PaperLens.Core.Scanning;

namespace PaperLens.Core.Workspace;

/// <summary>A file the walk found and the scan should read.</summary>
internal readonly record struct WorkspaceFile(string FullPath, string RelativePath);

/// <summary>Enumerates the files of a workspace that a scanner can read, honouring .gitignore files
/// at every level (and .git/info/exclude), the fixed list of folders never worth reading, and the
/// include/exclude globs. Single-threaded: it feeds the parallel scan.</summary>
internal sealed class WorkspaceWalker(string rootPath, GlobFilter filter)
{
    // Folders skipped whatever .gitignore says, because they hold no notes of their own and can be
    // huge: git's own store, installed dependencies (node_modules, virtualenvs), and generated
    // output of the common toolchains (.NET bin/obj, Rust and Maven target, JS dist, CMake/Gradle
    // build, Python bytecode and tool caches). Citations found there would be copies of someone
    // else's, or of the workspace's own files.
    private static readonly HashSet<string> AlwaysSkippedFolders = new(StringComparer.Ordinal)
    {
        ".git", "node_modules",
        "bin", "obj", "target", "dist", "build",
        "__pycache__", ".venv", "venv", ".tox", ".mypy_cache",
    };

    /// <param name="relativePath">A file's path relative to the root.</param>
    public static bool InSkippedFolder(string relativePath) =>
        Path.GetDirectoryName(relativePath)?.Split(Path.DirectorySeparatorChar).Any(AlwaysSkippedFolders.Contains) == true;

    private static readonly EnumerationOptions OneLevel = new()
    {
        // Dot-files count as hidden on Unix; .gitignore and .github must be seen.
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>The ignore rules that apply from outside the walk: .git/info/exclude of the git work
    /// tree holding the root, and, when the root is a subfolder of that work tree, the .gitignore
    /// files of the folders between them — as git itself would apply them.</summary>
    private IgnoreScope EnclosingRepositoryScope()
    {
        var top = new DirectoryInfo(rootPath);
        while (top is not null && !Directory.Exists(Path.Combine(top.FullName, ".git")) && !File.Exists(Path.Combine(top.FullName, ".git")))
            top = top.Parent;
        if (top is null) return IgnoreScope.Empty;

        var scope = IgnoreScope.Empty.WithOuter(Path.Combine(top.FullName, ".git", "info", "exclude"), RootFrom(top.FullName));
        var between = new List<string>();
        for (var dir = Directory.GetParent(rootPath); dir is not null && dir.FullName.Length >= top.FullName.Length; dir = dir.Parent)
            between.Add(dir.FullName);
        between.Reverse();
        foreach (var holder in between)
            scope = scope.WithOuter(Path.Combine(holder, ".gitignore"), RootFrom(holder));
        return scope;
    }

    private string RootFrom(string holder)
    {
        var relative = Path.GetRelativePath(holder, rootPath);
        return relative == "." ? "" : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <param name="found">Receives each file to scan.</param>
    /// <param name="unreadable">Receives the relative path of each folder that could not be listed.</param>
    public void Walk(Action<WorkspaceFile> found, Action<string> unreadable, CancellationToken ct)
    {
        var rootScope = EnclosingRepositoryScope();
        var pending = new Stack<(string FullPath, string RelativePath, IgnoreScope Parent)>();
        pending.Push((rootPath, "", rootScope));
        while (pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var (directory, relativeDirectory, parentScope) = pending.Pop();
            var scope = parentScope.With(Path.Combine(directory, ".gitignore"), relativeDirectory);
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", OneLevel).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable(relativeDirectory.Length == 0 ? "." : relativeDirectory);
                continue;
            }
            foreach (var entry in entries)
            {
                var relativePath = relativeDirectory.Length == 0 ? entry.Name : relativeDirectory + "/" + entry.Name;
                if (entry is DirectoryInfo)
                {
                    // A symlinked folder may point at an ancestor (a loop) or outside the workspace.
                    if ((entry.Attributes & FileAttributes.ReparsePoint) != 0 || AlwaysSkippedFolders.Contains(entry.Name)) continue;
                    if (scope.IsIgnored(relativePath, isDirectory: true)) continue;
                    pending.Push((entry.FullName, relativePath, scope));
                }
                else if (DocumentScanner.CanScan(entry.Name)
                         && !scope.IsIgnored(relativePath, isDirectory: false)
                         && filter.Admits(relativePath))
                {
                    found(new WorkspaceFile(entry.FullName, relativePath));
                }
            }
        }
    }
}
