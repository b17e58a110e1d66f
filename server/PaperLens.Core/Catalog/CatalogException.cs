namespace PaperLens.Core.Catalog;

/// <summary>The catalog file cannot be used: it is not a PaperLens catalog, it is damaged, it comes from
/// a newer PaperLens, or it cannot be opened. The message is one line naming the file and the cause; the
/// file itself is never modified on the way to this error.</summary>
public sealed class CatalogException : PaperLensException
{
    private CatalogException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    private CatalogException(string path, string message, Exception inner)
        : base(message, inner)
    {
        Path = path;
    }

    public string Path { get; }

    internal static CatalogException NotACatalog(string path, string cause) =>
        new(path, $"{path} is not a PaperLens catalog ({cause})");

    internal static CatalogException NotACatalog(string path, string cause, Exception inner) =>
        new(path, $"{path} is not a PaperLens catalog ({cause})", inner);

    internal static CatalogException Unusable(string path, string cause, Exception inner) =>
        new(path, $"cannot use the catalog {path} ({cause})", inner);

    internal static CatalogException TooNew(string path, long version, long known) =>
        new(path, $"{path} was written by a newer PaperLens (catalog schema {version}; this version reads up to {known}): upgrade PaperLens or use another --catalog");
}
