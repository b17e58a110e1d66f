using PaperLens.Core.Features;

namespace PaperLens.Server.Session;

/// <summary>The abstract documents go to definition and Open Abstract show, written as files under the
/// <c>abstracts</c> folder beside the catalog so that every client can open them (a client opens a
/// location by its file URI). The one writer of those files.</summary>
public sealed class AbstractFiles(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The folder beside the catalog file at <paramref name="catalogPath"/>.</summary>
    public static AbstractFiles BesideCatalog(string catalogPath) =>
        new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(catalogPath))!, "abstracts"));

    /// <summary>Writes the page and returns its path. The text goes to a temporary file of its own and is
    /// renamed over the page's file, so a client never opens half a document, and requests for the same
    /// paper running at once (go to definition and Open Abstract) each replace the file whole — with
    /// one temporary name per process, one request's rename took the file another was still writing.</summary>
    public string Write(AbstractPage page)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, page.FileName);
        var temporary = Path.Combine(Directory, $".{page.FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, page.Markdown);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return path;
    }
}
