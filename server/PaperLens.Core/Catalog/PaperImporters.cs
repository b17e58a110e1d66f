namespace PaperLens.Core.Catalog;

/// <summary>The importers a front end knows, in one list: which one a file goes to (by its name first,
/// then by its first bytes), and the one error for a file none of them recognises. Core cannot list them
/// all (the Atom importer lives with its parser in PaperLens.Metadata), so the front end composes it.</summary>
public sealed class PaperImporters(params IReadOnlyList<IPaperImporter> importers)
{
    /// <summary>Enough for any importer to tell its format: past a BOM, an XML declaration or a gzip header.</summary>
    public const int HeadBytes = 4096;

    public IReadOnlyList<IPaperImporter> All { get; } = importers;

    /// <summary>The formats, for people: "A; B; C".</summary>
    public string Formats => string.Join("; ", All.Select(i => i.Format));

    /// <summary>The importer for <paramref name="path"/>: the first that recognises its name, else the first
    /// that recognises its content. Throws <see cref="ImportFormatException"/> naming every format when none
    /// does, and I/O exceptions when the file cannot be read.</summary>
    public IPaperImporter For(string path)
    {
        var name = Path.GetFileName(path);
        if (All.FirstOrDefault(i => i.RecognisesName(name)) is { } byName) return byName;
        var head = Head(path);
        return All.FirstOrDefault(i => i.RecognisesContent(head))
            ?? throw new ImportFormatException($"cannot import {path}: it is in none of the formats PaperLens imports: {Formats}");
    }

    private static byte[] Head(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[HeadBytes];
        return head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
    }
}
