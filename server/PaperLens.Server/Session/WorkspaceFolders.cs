namespace PaperLens.Server.Session;

/// <summary>Whether a document belongs to the workspace, by its path: the workspace is what
/// <c>paperlens check</c> reads in the workspace folders. A document elsewhere (an abstract the editor
/// previews for go to definition, a file of another project) is indexed only while it is open.</summary>
public static class WorkspaceFolders
{
    public static bool Contain(IEnumerable<string> folders, string path) => folders.Any(folder => IsInside(path, folder));

    public static bool IsInside(string path, string folder)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
