using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;

namespace PaperLens.Core.Catalog;

/// <summary>Imports papers in the arXiv metadata snapshot layout into a catalog: JSON lines (the
/// snapshot itself) or a JSON array, either plain or gzip-compressed (recognised by its magic bytes, not
/// its name). The file is streamed, never held whole, and memory stays the same however large it is.
/// Records are committed in batches of about <see cref="BatchSize"/>, each with a checkpoint saying how
/// far the file has been read: an import that was killed or cancelled continues from its last batch when
/// it is run again on the same, unchanged file. A bad line is counted and listed with its number and
/// reason, and the import goes on. Importing a file again changes nothing; a newer record replaces an older one.</summary>
/// <remarks>One thread reads the file into chunks of raw records; the thread pool parses and prepares
/// chunks in parallel; the calling thread writes them to SQLite in file order. Completion postings are
/// staged and merged into the completion index in one sorted pass when the file is done
/// (<see cref="CompletionIndex.MergeStaged"/>).</remarks>
public sealed class SnapshotImporter : IPaperImporter
{
    public const int BatchSize = 20_000;

    // Chunks read ahead of the writer: each is being prepared, or waits prepared, in a pool thread.
    // Preparing a chunk takes less time than writing it, so a few keep the writer busy; more only held
    // prepared records through garbage collections, each of which stops the writer while it copies them
    // (8 chunks, with CatalogWriter holding a batch's prepared index entries: 100k records in 5.6 s and
    // 270 MB; 3, with the entries copied to one buffer: 4.7 s and 188 MB).
    private const int ChunksInFlight = 3;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private static ReadOnlySpan<byte> BlankOrBom => [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];

    public string Format => "arXiv metadata snapshots (.jsonl or .json, optionally .gz)";

    public bool RecognisesName(string fileName)
    {
        var name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        return Path.GetExtension(name).ToLowerInvariant() is ".jsonl" or ".json" or ".ndjson";
    }

    /// <summary>JSON lines or a JSON array, plain or gzip-compressed: the content starts with '{' or '['.</summary>
    public bool RecognisesContent(ReadOnlySpan<byte> head)
    {
        ReadOnlySpan<byte> content = IsGzip(head) ? Decompressed(head) : head;
        return content.TrimStart(BlankOrBom) is [(byte)'{' or (byte)'[', ..];
    }

    /// <summary>Imports <paramref name="path"/>. Problems with the file itself (missing, unreadable, a
    /// broken gzip stream, a JSON array broken mid-way) end up in <see cref="ImportResult.Error"/> with
    /// whatever was read before them imported; only a catalog that cannot be written raises
    /// (<see cref="CatalogException"/>). Cancelling keeps the batches already committed, to be resumed.</summary>
    public ImportResult Import(PaperCatalog catalog, string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        FileStream file;
        ImportedFile identity;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            identity = ImportedFile.Of(path, file.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ImportResult { Error = $"cannot read {path}: {OneLine(ex.Message)}", Elapsed = clock.Elapsed };
        }

        using (file)
        {
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

            using var write = catalog.BeginWrite(bulk: true);
            var resumeAt = write.FindCheckpoint(identity) ?? ImportPosition.Start;
            var tally = new Tally(file.Length, resumeAt.Line, progress);
            // When a snapshot was fetched is when its file was written: re-importing the file (or a copy
            // of it) then finds every record unchanged, and of two snapshots the later one wins ties.
            var fetchedAt = new DateTimeOffset(identity.ModifiedUtc, TimeSpan.Zero);
            string? readError = null;
            long brokenAfter = -1;
            try
            {
                using var content = compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : (Stream)file;
                if (!isArray) SkipTo(content, resumeAt.Offset);
                tally.Report(file.Position, force: true);
                var chunks = isArray
                    ? SnapshotFileReader.ArrayElements(content, resumeAt.Line, () => file.Position, element => brokenAfter = element, cancellationToken)
                    : SnapshotFileReader.Lines(content, resumeAt, () => file.Position);
                readError = Write(chunks, write, identity, fetchedAt, tally, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                readError = OneLine(ex.Message);
            }

            if (readError is not null)
                tally.Error = $"{path} could not be read to the end ({readError}); the {tally.Read} records before that were imported";
            else if (brokenAfter >= 0)
                tally.Error = $"the JSON array in {path} breaks after element {brokenAfter}; the elements before it were imported";
            // Done with this file, read to its end or to where it breaks: a rerun starts afresh.
            write.ClearCheckpoint(identity);
            tally.Report(tally.TotalBytes, force: true, indexing: true);
            write.Complete();
            tally.Report(tally.TotalBytes, force: true);
            return tally.ToResult(clock.Elapsed);
        }
    }

    /// <summary>Reads chunks on a worker thread, prepares them on the thread pool, and writes them here in
    /// order, committing a batch (with its checkpoint) every <see cref="BatchSize"/> records or so.
    /// Returns why the file could not be read to its end, if it could not.</summary>
    private static string? Write(IEnumerable<SnapshotChunk> chunks, CatalogWrite write, ImportedFile identity,
        DateTimeOffset fetchedAt, Tally tally, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var prepared = new BlockingCollection<(Task<ImportItem[]> Items, SnapshotChunk Chunk)>(boundedCapacity: ChunksInFlight);
        string? readError = null;
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var chunk in chunks)
                    prepared.Add((Task.Run(() => chunk.Prepare(fetchedAt), CancellationToken.None), chunk), stop.Token);
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
                prepared.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            long sinceCommit = 0;
            foreach (var (items, chunk) in prepared.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var item in items.Result)
                {
                    tally.Read++;
                    if (item.Record is { } record) tally.Count(write.Upsert(record));
                    else tally.Fail(item.Line, item.Error!);
                }
                sinceCommit += chunk.Count;
                if (sinceCommit >= BatchSize)
                {
                    write.SaveCheckpoint(identity, chunk.End);
                    write.CommitBatch();
                    tally.Committed(chunk.End.Line, chunk.BytesRead);
                    sinceCommit = 0;
                }
                tally.Report(chunk.BytesRead, force: false);
            }
        }
        finally
        {
            stop.Cancel();
            reader.Wait(CancellationToken.None);
        }
        return readError;
    }

    // Where an earlier import committed its last batch: a plain file is sought, a compressed one is
    // decompressed up to there (several times faster than importing what it skips).
    private static void SkipTo(Stream content, long offset)
    {
        if (offset == 0) return;
        if (content.CanSeek)
        {
            content.Position = offset;
            return;
        }
        var buffer = new byte[1 << 16];
        for (var left = offset; left > 0;)
        {
            var read = content.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) throw new InvalidDataException($"the file ends before byte {offset}, where the interrupted import stopped");
            left -= read;
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        file.Position = 0;
        return IsGzip(magic[..file.ReadAtLeast(magic, 2, throwOnEndOfStream: false)]);
    }

    private static bool IsGzip(ReadOnlySpan<byte> head) => head is [0x1F, 0x8B, ..];

    // The start of a compressed head: as much as decompresses before the head's bytes run out.
    private static byte[] Decompressed(ReadOnlySpan<byte> head)
    {
        using var gzip = new GZipStream(new MemoryStream(head.ToArray()), CompressionMode.Decompress);
        var content = new byte[PaperImporters.HeadBytes];
        var length = 0;
        try
        {
            int read;
            while (length < content.Length && (read = gzip.Read(content, length, content.Length - length)) > 0) length += read;
        }
        catch (InvalidDataException)
        {
            // A cut-off stream ends where the head does; a broken one decompresses to nothing recognisable.
        }
        return content[..length];
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
    private sealed class Tally(long totalBytes, long resumedAfter, IProgress<ImportProgress>? progress)
    {
        private readonly List<ImportFailure> failures = [];
        private readonly Stopwatch sinceReport = Stopwatch.StartNew();
        private readonly long resumedAfter = resumedAfter;
        private long inserted, updated, unchanged, failed;
        private long committedLine = resumedAfter;

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

        /// <summary>A batch is in the catalog, up to <paramref name="line"/>: always worth a report.</summary>
        public void Committed(long line, long bytes)
        {
            committedLine = line;
            Report(bytes, force: true);
        }

        public void Report(long bytes, bool force, bool indexing = false)
        {
            if (progress is null || (!force && sinceReport.Elapsed < ProgressInterval)) return;
            sinceReport.Restart();
            progress.Report(new ImportProgress(bytes, totalBytes, Read, committedLine, resumedAfter, indexing));
        }

        public ImportResult ToResult(TimeSpan elapsed) => new()
        {
            Read = Read,
            Inserted = inserted,
            Updated = updated,
            Unchanged = unchanged,
            Failed = failed,
            Failures = failures,
            ResumedAfter = resumedAfter,
            Error = Error,
            Elapsed = elapsed,
        };
    }
}
