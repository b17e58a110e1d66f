namespace PaperLens.Cli;

/// <summary>A workspace a command reads, and which of its files it reports (spec §5). A directory
/// argument is a workspace, reported whole. A file argument is reported alone but read with the rest of
/// the workspace it lies in, the nearest folder above it holding <c>.paperlens.json</c> or <c>.git</c>
/// (else its own folder), so that its pandoc keys find the workspace's .bib files, its configuration
/// applies, and a title is recognised as another cited paper's. Output paths are relative to
/// <see cref="Root"/> in both cases.</summary>
public sealed record WorkspaceTarget(string Root, IReadOnlySet<string>? Files)
{
    /// <summary>Whether the command reports what it finds in this file (a path relative to the root, with '/').</summary>
    public bool Reports(string path) => Files is null || Files.Contains(path);

    /// <summary>One target per workspace, in the order the arguments first name them; several files of one
    /// workspace share its single read, and a directory argument makes its whole workspace reported.</summary>
    public static IReadOnlyList<WorkspaceTarget> From(IEnumerable<string> arguments)
    {
        var roots = new List<string>();
        var files = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(argument));
            string root;
            string? file = null;
            if (Directory.Exists(full))
                root = full;
            else if (File.Exists(full))
            {
                root = WorkspaceRootOf(full);
                file = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
            }
            else
                throw new CliException($"no such file or directory: {full}");

            if (!files.TryGetValue(root, out var reported))
            {
                roots.Add(root);
                files[root] = file is null ? null : [file];
            }
            else if (file is null)
                files[root] = null;
            else
                reported?.Add(file);
        }
        return roots.Select(root => new WorkspaceTarget(root, files[root])).ToList();
    }

    private static string WorkspaceRootOf(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        for (var candidate = folder; candidate is not null; candidate = Path.GetDirectoryName(candidate))
        {
            if (File.Exists(Path.Combine(candidate, ".paperlens.json")) || Path.Exists(Path.Combine(candidate, ".git")))
                return candidate;
        }
        return folder;
    }
}
