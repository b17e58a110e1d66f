using System.Runtime.InteropServices;
using System.Text.Json;

namespace PaperLens.Core.Catalog;

/// <summary>One record read from a snapshot file, ready to write, or the reason it was skipped.
/// <see cref="Line"/> is the 1-based line (in a JSON array: the element's position).</summary>
internal readonly record struct ImportItem(long Line, PreparedRecord? Record, string? Error);

/// <summary>Turns the decompressed content of a snapshot file into <see cref="ImportItem"/>s, one record at
/// a time: JSON lines through a reused line buffer, a JSON array element by element. Reading errors of
/// the stream itself (a broken gzip member, a failing disk) propagate to the caller.</summary>
internal static class SnapshotFileReader
{
    public static IEnumerable<ImportItem> Lines(Stream content, DateTimeOffset fetchedAt)
    {
        var lines = new Utf8LineReader(content);
        while (true)
        {
            ImportItem item;
            // The span lives only between these braces: an iterator cannot hold it across a yield.
            {
                if (!lines.TryReadLine(out var line, out var tooLong)) yield break;
                if (tooLong)
                {
                    item = new ImportItem(lines.LineNumber, null, $"line longer than {Utf8LineReader.DefaultMaxLineBytes / (1024 * 1024)} MB");
                }
                else
                {
                    if (line.Trim(" \t"u8).IsEmpty) continue;
                    item = Prepare(line, lines.LineNumber, fetchedAt);
                }
            }
            yield return item;
        }
    }

    /// <summary>Streams the array one element at a time. A syntax error ends it (nothing after it can be
    /// trusted): the last item then carries the error, and <paramref name="broken"/> says after which element.</summary>
    public static IEnumerable<ImportItem> ArrayElements(Stream content, DateTimeOffset fetchedAt, Action<long> broken, CancellationToken cancellationToken)
    {
        using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(content, cancellationToken: cancellationToken)
            .ToBlockingEnumerable(cancellationToken).GetEnumerator();
        long position = 0;
        while (true)
        {
            ImportItem item;
            try
            {
                if (!elements.MoveNext()) yield break;
                position++;
                item = Prepare(JsonMarshal.GetRawUtf8Value(elements.Current), position, fetchedAt);
            }
            catch (JsonException ex)
            {
                broken(position);
                item = new ImportItem(position + 1, null, "invalid JSON: " + ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]);
            }
            yield return item;
            if (item.Record is null && item.Line > position) yield break;
        }
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
