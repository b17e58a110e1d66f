using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PaperLens.Core.Catalog;

/// <summary>One record read from a snapshot file, ready to write, or the reason it was skipped.
/// <see cref="Line"/> is the 1-based line (in a JSON array: the element's position).</summary>
internal readonly record struct ImportItem(long Line, PreparedRecord? Record, string? Error);

/// <summary>Cuts the decompressed content of a snapshot file into <see cref="SnapshotChunk"/>s of raw
/// records: JSON lines through a reused line buffer, a JSON array element by element. Parsing happens
/// later, chunk by chunk, on other threads. Reading errors of the stream itself (a broken gzip member,
/// a failing disk) propagate to the caller.</summary>
internal static class SnapshotFileReader
{
    /// <summary>Records per chunk: enough to make handing a chunk to another thread cheap, few enough
    /// that a handful of chunks in flight hold little memory.</summary>
    public const int ChunkRecords = 256;

    /// <summary>Reads lines from <paramref name="content"/>, which is positioned at <paramref name="from"/>.</summary>
    public static IEnumerable<SnapshotChunk> Lines(Stream content, ImportPosition from, Func<long> bytesRead)
    {
        var lines = new Utf8LineReader(content, resumeAt: from);
        var chunk = new SnapshotChunk();
        while (lines.TryReadLine(out var line, out var tooLong))
        {
            if (tooLong)
                chunk.AddError(lines.LineNumber, $"line longer than {Utf8LineReader.DefaultMaxLineBytes / (1024 * 1024)} MB");
            else if (!line.Trim(" \t"u8).IsEmpty)
                chunk.Add(lines.LineNumber, line);
            chunk.End = new ImportPosition(lines.LineNumber, lines.Position);
            if (chunk.Count < ChunkRecords) continue;
            chunk.BytesRead = bytesRead();
            yield return chunk;
            chunk = new SnapshotChunk();
        }
        if (chunk.Count == 0 && chunk.End == default) yield break;
        chunk.BytesRead = bytesRead();
        yield return chunk;
    }

    /// <summary>Streams the array one element at a time, skipping the first <paramref name="skip"/> (an
    /// earlier import committed them). A syntax error ends it (nothing after it can be trusted): the last
    /// chunk then carries the error, and <paramref name="broken"/> says after which element.</summary>
    public static IEnumerable<SnapshotChunk> ArrayElements(Stream content, long skip, Func<long> bytesRead, Action<long> broken, CancellationToken cancellationToken)
    {
        using var elements = JsonSerializer.DeserializeAsyncEnumerable(content, CatalogJson.Default.JsonElement, cancellationToken)
            .ToBlockingEnumerable(cancellationToken).GetEnumerator();
        long position = 0;
        var chunk = new SnapshotChunk();
        while (true)
        {
            try
            {
                if (!elements.MoveNext()) break;
                position++;
                if (position <= skip) continue;
                chunk.Add(position, JsonMarshal.GetRawUtf8Value(elements.Current));
                chunk.End = new ImportPosition(position, 0);
            }
            catch (JsonException ex)
            {
                broken(position);
                chunk.AddError(position + 1, "invalid JSON: " + ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]);
                break;
            }
            if (chunk.Count < ChunkRecords) continue;
            chunk.BytesRead = bytesRead();
            yield return chunk;
            chunk = new SnapshotChunk();
        }
        if (chunk.Count == 0) yield break;
        chunk.BytesRead = bytesRead();
        yield return chunk;
    }
}

/// <summary>A run of raw records copied out of the file's buffer, and where the file stands after them.
/// Its bytes are rented from the shared pool and given back once <see cref="Prepare"/> has read them: a
/// chunk is a few hundred kilobytes, and thousands of them a second would otherwise churn the large
/// object heap.</summary>
internal sealed class SnapshotChunk
{
    private readonly List<(long Line, int Start, int Length, string? Error)> entries = new(SnapshotFileReader.ChunkRecords);
    private byte[] bytes = ArrayPool<byte>.Shared.Rent(512 * 1024);
    private int used;

    public int Count => entries.Count;

    /// <summary>The position just after the chunk's last record: where a resumed import starts.</summary>
    public ImportPosition End { get; set; }

    /// <summary>Bytes of the file (compressed, for .gz) read when the chunk was complete.</summary>
    public long BytesRead { get; set; }

    public void Add(long line, ReadOnlySpan<byte> json)
    {
        if (used + json.Length > bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length * 2, used + json.Length));
            bytes.AsSpan(0, used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = larger;
        }
        json.CopyTo(bytes.AsSpan(used));
        entries.Add((line, used, json.Length, null));
        used += json.Length;
    }

    public void AddError(long line, string error) => entries.Add((line, 0, 0, error));

    /// <summary>Parses and prepares every record (a bad one becomes an item with its reason), once.</summary>
    public ImportItem[] Prepare(DateTimeOffset fetchedAt)
    {
        var items = new ImportItem[entries.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var (line, start, length, error) = entries[i];
            items[i] = error is not null ? new ImportItem(line, null, error) : Prepare(bytes.AsSpan(start, length), line, fetchedAt);
        }
        ArrayPool<byte>.Shared.Return(bytes);
        bytes = [];
        return items;
    }

    private static ImportItem Prepare(ReadOnlySpan<byte> json, long line, DateTimeOffset fetchedAt)
    {
        var record = SnapshotRecordParser.Parse(json, RecordSource.Snapshot, fetchedAt, out var error);
        if (record is null) return new ImportItem(line, null, error);
        try
        {
            return new ImportItem(line, PreparedRecord.Of(record), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Deriving the searchable text failed on this record's TeX: one bad record, not a bad import.
            return new ImportItem(line, null, $"{record.Id}: {ex.Message.ReplaceLineEndings(" ").Trim()}");
        }
    }
}
