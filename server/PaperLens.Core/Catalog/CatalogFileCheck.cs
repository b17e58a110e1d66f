using System.Buffers.Binary;

namespace PaperLens.Core.Catalog;

/// <summary>Looks at an existing catalog file's header before SQLite touches it, so that a file that is
/// not a database, or a database cut short, is refused without a single byte written to it.</summary>
internal static class CatalogFileCheck
{
    private const int HeaderLength = 100;

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <summary>Throws <see cref="CatalogException"/> when <paramref name="path"/> exists, is not empty
    /// and cannot be a whole SQLite database. A missing or empty file is fine: it becomes a new catalog.</summary>
    public static void EnsureUsable(string path)
    {
        if (Directory.Exists(path)) throw CatalogException.NotACatalog(path, "it is a directory");
        long length;
        Span<byte> header = stackalloc byte[HeaderLength];
        int read;
        try
        {
            if (!File.Exists(path)) return;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = stream.Length;
            if (length == 0) return;
            read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CatalogException.Unusable(path, ex.Message.ReplaceLineEndings(" ").TrimEnd(), ex);
        }

        if (read < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
            throw CatalogException.NotACatalog(path, "file is not a database");
        if (read < HeaderLength) throw CatalogException.NotACatalog(path, "file is truncated");

        // Header fields (sqlite.org/fileformat.html §1.3): page size at 16 (1 means 65536), database size
        // in pages at 28, valid only when the change counter at 24 equals the version-valid-for at 92.
        var pageSize = (long)BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
        if (pageSize == 1) pageSize = 65536;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        var sizeIsValid = BinaryPrimitives.ReadUInt32BigEndian(header[24..]) == BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        // A write-ahead log beside the file may legitimately hold pages the file does not have yet.
        if (sizeIsValid && pages * pageSize > length && !HasWriteAheadLog(path))
            throw CatalogException.NotACatalog(path, $"file is truncated: {length} of {pages * pageSize} bytes");
    }

    private static bool HasWriteAheadLog(string path)
    {
        var wal = new FileInfo(path + "-wal");
        return wal.Exists && wal.Length > 0;
    }
}
