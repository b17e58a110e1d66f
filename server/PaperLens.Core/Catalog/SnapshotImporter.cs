using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PaperLens.Core.Catalog;

/// <summary>Imports papers in the arXiv metadata snapshot layout into a catalog: JSON lines (the
/// snapshot itself) or a JSON array, either plain or gzip-compressed (recognised by its magic bytes, not
/// its name). The file is streamed, never held whole; records are written in batches of
/// <see cref="BatchSize"/> per transaction. A bad line is counted and listed with its number and reason,
/// and the import goes on. Importing a file again changes nothing; a newer record replaces an older one.</summary>
public sealed class SnapshotImporter(PaperCatalog catalog)
{
    public const int BatchSize = 20_000;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Imports <paramref name="path"/>. Problems with the file itself (missing, unreadable, a
    /// broken gzip stream) end up in <see cref="ImportResult.Error"/> with whatever was read before them
    /// imported; only a catalog that cannot be written raises (<see cref="CatalogException"/>).</summary>
    public ImportResult Import(string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ImportResult { Error = $"cannot read {path}: {OneLine(ex.Message)}", Elapsed = clock.Elapsed };
        }

        using (file)
        {
            // When a snapshot was fetched is when its file was written: re-importing the file (or a copy
            // of it) then finds every record unchanged, and of two snapshots the later one wins ties.
            var tally = new Tally(file, progress, new DateTimeOffset(File.GetLastWriteTimeUtc(path)));
            try
            {
                var compressed = IsGzip(file);
                var isArray = FirstContentByte(file, compressed) == (byte)'[';
                file.Position = 0;
                using var content = compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : (Stream)file;
                using var write = catalog.BeginWrite(bulk: true);
                try
                {
                    if (isArray) ImportArray(content, write, tally, cancellationToken);
                    else ImportLines(content, write, tally, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException)
                {
                    tally.Error = $"{path} could not be read to the end ({OneLine(ex.Message)}); {tally.Read} records before that were imported";
                }
                write.Complete();
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                tally.Error = $"cannot read {path}: {OneLine(ex.Message)}";
            }
            tally.Report(force: true);
            return tally.ToResult(clock.Elapsed);
        }
    }

    private static void ImportLines(Stream content, CatalogWrite write, Tally tally, CancellationToken cancellationToken)
    {
        var lines = new Utf8LineReader(content);
        while (lines.TryReadLine(out var line, out var tooLong))
        {
            if (tooLong)
            {
                tally.Fail(lines.LineNumber, $"line longer than {Utf8LineReader.DefaultMaxLineBytes / (1024 * 1024)} MB");
                continue;
            }
            if (line.Trim(" \t"u8).IsEmpty) continue;
            Import(line, lines.LineNumber, write, tally, cancellationToken);
        }
    }

    /// <summary>Streams the array one element at a time; an element's "line" in the failures is its
    /// 1-based position. A syntax error ends the array: nothing after it can be trusted.</summary>
    private static void ImportArray(Stream content, CatalogWrite write, Tally tally, CancellationToken cancellationToken)
    {
        long element = 0;
        try
        {
            foreach (var item in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(content, cancellationToken: cancellationToken)
                         .ToBlockingEnumerable(cancellationToken))
            {
                element++;
                Import(JsonMarshal.GetRawUtf8Value(item), element, write, tally, cancellationToken);
            }
        }
        catch (JsonException ex)
        {
            tally.Fail(element + 1, "invalid JSON: " + ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]);
            tally.Error = $"the JSON array breaks after element {element}; the elements before it were imported";
        }
    }

    private static void Import(ReadOnlySpan<byte> json, long line, CatalogWrite write, Tally tally, CancellationToken cancellationToken)
    {
        tally.Read++;
        var record = SnapshotRecordParser.Parse(json, tally.Source, tally.FetchedAt, out var error);
        if (record is null)
        {
            tally.Fail(line, error!);
        }
        else
        {
            try
            {
                tally.Count(write.Upsert(record));
            }
            catch (Exception ex) when (ex is not CatalogException and not SqliteException)
            {
                // Deriving the searchable text failed on this record's TeX: one bad record, not a bad import.
                tally.Fail(line, $"{record.Id}: {OneLine(ex.Message)}");
            }
        }
        if (tally.Read % BatchSize == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            write.CommitBatch();
        }
        if ((tally.Read & 1023) == 0) tally.Report(force: false);
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        file.Position = 0;
        return file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    private static int FirstContentByte(FileStream file, bool compressed)
    {
        file.Position = 0;
        using var content = compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : null;
        var stream = content ?? (Stream)file;
        int b;
        while ((b = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF) { }
        return b;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>The running counts of one import and its progress reports.</summary>
    private sealed class Tally(FileStream file, IProgress<ImportProgress>? progress, DateTimeOffset fetchedAt)
    {
        private readonly List<ImportFailure> failures = [];
        private readonly long totalBytes = file.Length;
        private readonly Stopwatch sinceReport = Stopwatch.StartNew();
        private long inserted, updated, unchanged, failed;

        public RecordSource Source => RecordSource.Snapshot;

        public DateTimeOffset FetchedAt => fetchedAt;

        public long Read { get; set; }

        public string? Error { get; set; }

        public void Count(UpsertOutcome outcome)
        {
            switch (outcome)
            {
                case UpsertOutcome.Inserted: inserted++; break;
                case UpsertOutcome.Updated: updated++; break;
                default: unchanged++; break;
            }
        }

        public void Fail(long line, string reason)
        {
            failed++;
            if (failures.Count < ImportResult.MaxListedFailures) failures.Add(new ImportFailure(line, reason));
        }

        public void Report(bool force)
        {
            if (progress is null || (!force && sinceReport.Elapsed < ProgressInterval)) return;
            sinceReport.Restart();
            progress.Report(new ImportProgress(force ? totalBytes : file.Position, totalBytes, Read));
        }

        public ImportResult ToResult(TimeSpan elapsed) => new()
        {
            Read = Read,
            Inserted = inserted,
            Updated = updated,
            Unchanged = unchanged,
            Failed = failed,
            Failures = failures,
            Error = Error,
            Elapsed = elapsed,
        };
    }
}
