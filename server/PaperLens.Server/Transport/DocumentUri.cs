namespace PaperLens.Server.Transport;

/// <summary>file:// URIs to the absolute paths the index keys documents by, and back.</summary>
public static class DocumentUri
{
    public static string? ToPath(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
        return Path.GetFullPath(parsed.LocalPath);
    }

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
