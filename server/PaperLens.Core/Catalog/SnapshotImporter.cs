using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;

namespace PaperLens.Core.Catalog;

/// <summary>Imports papers in the arXiv metadata snapshot layout into a catalog: JSON lines (the
/// snapshot itself) or a JSON array, either plain or gzip-compressed (recognised by its magic bytes, not
/// its name). The file is streamed, never held whole; records are written in batches of
/// <see cref="BatchSize"/> per transaction. A bad line is counted and listed with its number and reason,
/// and the import goes on. Importing a file again changes nothing; a newer record replaces an older one.</summary>
/// <remarks>Reading, parsing and preparing records runs on a second thread, ahead of the thread that
/// writes them to SQLite, so an import keeps both cores busy.</remarks>
public sealed class SnapshotImporter(PaperCatalog catalog)
{
    public const int BatchSize = 20_000;

    private const int ChunkSize = 256;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Imports <paramref name="path"/>. Problems with the file itself (missing, unreadable, a
    /// broken gzip stream, a JSON array broken mid-way) end up in <see cref="ImportResult.Error"/> with
    /// whatever was read before them imported; only a catalog that cannot be written raises
    /// (<see cref="CatalogException"/>).</summary>
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
            var tally = new Tally(file.Length, progress);
            bool compressed, isArray;
            try
            {
                compressed = IsGzip(file);
                isArray = FirstContentByte(file, compressed) == '[';
                file.Position = 0;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                return new ImportResult { Error = $"cannot read {path}: {OneLine(ex.Message)}", Elapsed = clock.Elapsed };
            }

            // When a snapshot was fetched is when its file was written: re-importing the file (or a copy
            // of it) then finds every record unchanged, and of two snapshots the later one wins ties.
            var fetchedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(path));
            using var content = compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : (Stream)file;
            long brokenAfter = -1;
            var items = isArray
                ? SnapshotFileReader.ArrayElements(content, fetchedAt, element => brokenAfter = element, cancellationToken)
                : SnapshotFileReader.Lines(content, fetchedAt);
            var readError = Write(items, file, tally, cancellationToken);

            if (readError is not null)
                tally.Error = $"{path} could not be read to the end ({readError}); the {tally.Read} records before that were imported";
            else if (brokenAfter >= 0)
                tally.Error = $"the JSON array in {path} breaks after element {brokenAfter}; the elements before it were imported";
            tally.Report(tally.TotalBytes, force: true);
            return tally.ToResult(clock.Elapsed);
        }
    }

    /// <summary>Reads <paramref name="items"/> on a worker thread and writes them here, batch by batch.
    /// Returns why the file could not be read to its end, if it could not.</summary>
    private string? Write(IEnumerable<ImportItem> items, FileStream file, Tally tally, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var chunks = new BlockingCollection<(List<ImportItem> Items, long BytesRead)>(boundedCapacity: 8);
        string? readError = null;
        var reader = Task.Run(() =>
        {
            try
            {
                var chunk = new List<ImportItem>(ChunkSize);
                foreach (var item in items)
                {
                    chunk.Add(item);
                    if (chunk.Count < ChunkSize) continue;
                    chunks.Add((chunk, file.Position), stop.Token);
                    chunk = new List<ImportItem>(ChunkSize);
                }
                if (chunk.Count > 0) chunks.Add((chunk, file.Position), stop.Token);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                readError = OneLine(ex.Message);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The writer stopped first; it reports why.
            }
            finally
            {
                chunks.CompleteAdding();
            }
        }, CancellationToken.None);

        try
        {
            using var write = catalog.BeginWrite(bulk: true);
            foreach (var (chunk, bytesRead) in chunks.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var item in chunk)
                {
                    tally.Read++;
                    if (item.Record is { } record) tally.Count(write.Upsert(record));
                    else tally.Fail(item.Line, item.Error!);
                    if (tally.Read % BatchSize == 0) write.CommitBatch();
                }
                tally.Report(bytesRead, force: false);
            }
            write.Complete();
        }
        finally
        {
            stop.Cancel();
            reader.Wait(CancellationToken.None);
        }
        return readError;
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
    private sealed class Tally(long totalBytes, IProgress<ImportProgress>? progress)
    {
        private readonly List<ImportFailure> failures = [];
        private readonly Stopwatch sinceReport = Stopwatch.StartNew();
        private long inserted, updated, unchanged, failed;

        public long TotalBytes => totalBytes;

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

        public void Report(long bytesRead, bool force)
        {
            if (progress is null || (!force && sinceReport.Elapsed < ProgressInterval)) return;
            sinceReport.Restart();
            progress.Report(new ImportProgress(bytesRead, totalBytes, Read));
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
