using System.Buffers;
using System.Text;
using PaperLens.Core.Scanning;

namespace PaperLens.Core.Workspace;

/// <summary>The text of a file, or why it was not read.</summary>
public readonly record struct FileText(string? Text, string? SkipReason)
{
    /// <summary>A file read whole that holds none of the markers asked for: not decoded, since its scanner
    /// would find nothing in it.</summary>
    internal static readonly FileText Unmarked = new(null, null);

    internal bool IsUnmarked => Text is null && SkipReason is null;
}

/// <summary>Reads one workspace file as UTF-8 text (a BOM dropped, invalid bytes as U+FFFD), through
/// a pooled byte buffer so a 200 MB tree does not churn the large-object heap. Only a regular file is
/// opened (<see cref="FileKinds"/>): the walk, the editor's watched files and a closed document read
/// again all come through here, so none of them can wait forever on a FIFO.</summary>
public static class WorkspaceFileReader
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Git's own test: a NUL byte in the first 8 KB marks a binary file.</summary>
    private const int BinaryProbeBytes = 8 * 1024;

    // Encoding.UTF8 replaces invalid sequences with U+FFFD rather than throwing.
    private static readonly Encoding Utf8 = Encoding.UTF8;

    public static FileText Read(string fullPath) => Read(fullPath, markers: null);

    /// <param name="markers">When given, a file is decoded only if its bytes hold one of these; one that
    /// holds none is <see cref="FileText.Unmarked"/> (a binary or oversized file is still skipped as such).</param>
    internal static FileText Read(string fullPath, Utf8Markers? markers)
    {
        if (FileKinds.SkipReason(fullPath) is { } notAFile) return new FileText(null, notAFile);
        try
        {
            using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxBytes) return new FileText(null, SkipReasons.TooLarge);
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
            try
            {
                var read = ReadFully(handle, buffer.AsSpan(0, (int)length));
                return Decode(buffer.AsSpan(0, read), markers);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileText(null, SkipReasons.Unreadable);
        }
    }

    internal static FileText Decode(ReadOnlySpan<byte> bytes, Utf8Markers? markers = null)
    {
        if (bytes[..Math.Min(bytes.Length, BinaryProbeBytes)].Contains((byte)0))
            return new FileText(null, SkipReasons.Binary);
        if (markers is not null && !markers.In(bytes)) return FileText.Unmarked;
        if (bytes.StartsWith(Utf8.Preamble)) bytes = bytes[Utf8.Preamble.Length..];
        return new FileText(Utf8.GetString(bytes), null);
    }

    private static int ReadFully(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = RandomAccess.Read(handle, destination[total..], total);
            if (read == 0) break;
            total += read;
        }
        return total;
    }
}
