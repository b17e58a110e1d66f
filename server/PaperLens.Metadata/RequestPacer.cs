using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace PaperLens.Metadata;

/// <summary>arXiv's terms, across every PaperLens process on the machine: one connection at a time and
/// at least <see cref="Interval"/> between requests. A lock file in the cache directory is held
/// exclusively for the whole of a request and records when the last request ended; the next request
/// starts no sooner than <see cref="Interval"/> after that. (Counting from the end rather than the start
/// is the stricter reading, and it keeps arrivals at the server at least the interval apart even when a
/// request travelled slowly; the start is written too, so a process killed mid-request still leaves a
/// recent time.) Within one process a semaphore queues the requests, so only separate processes ever
/// poll the file.</summary>
internal sealed class RequestPacer(string lockDirectory, TimeProvider clock)
{
    public const string LockFileName = "arxiv-api.lock";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcess = new(StringComparer.Ordinal);

    private readonly string lockPath = Path.GetFullPath(Path.Combine(lockDirectory, LockFileName));

    public string LockDirectory => lockDirectory;

    /// <summary>Waits for this process's and the machine's turn, then for the interval since the last
    /// request; the caller sends its request and disposes the turn when the response has been read.</summary>
    /// <exception cref="IOException">The lock file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public async Task<IAsyncDisposable> WaitTurnAsync(CancellationToken cancellationToken)
    {
        var queue = InProcess.GetOrAdd(lockPath, _ => new SemaphoreSlim(1, 1));
        await queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        FileStream? file = null;
        try
        {
            file = await LockFileAsync(cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            // A time in the future (another clock, a damaged file) never makes anyone wait longer than the interval.
            var turn = Min(LastRequestEnd(file) + Interval, now + Interval);
            // Timers drop a wait's fraction of a millisecond and tick by a coarser clock, so they can fire a
            // little early: wait again until the clock itself says the interval has passed.
            for (var wait = turn - now; wait > TimeSpan.Zero; wait = turn - clock.GetUtcNow())
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), clock, cancellationToken).ConfigureAwait(false);
            Record(file);
            return new Turn(this, file, queue);
        }
        catch
        {
            if (file is not null) await file.DisposeAsync().ConfigureAwait(false);
            queue.Release();
            throw;
        }
    }

    /// <summary>FileShare.None is an exclusive advisory lock (flock on Unix) that ends with the handle,
    /// so a crashed process never leaves the lock behind.</summary>
    private async Task<FileStream> LockFileAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(lockDirectory);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                await Task.Delay(PollInterval, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset LastRequestEnd(FileStream file)
    {
        file.Position = 0;
        var buffer = new byte[64];
        var length = file.Read(buffer);
        return long.TryParse(Encoding.ASCII.GetString(buffer, 0, length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks is >= 0 and <= 3_155_378_975_999_999_999
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : DateTimeOffset.MinValue;
    }

    private void Record(FileStream file)
    {
        file.SetLength(0);
        file.Write(Encoding.ASCII.GetBytes(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)));
        file.Flush();
    }

    private sealed class Turn(RequestPacer pacer, FileStream file, SemaphoreSlim queue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                pacer.Record(file);
            }
            finally
            {
                await file.DisposeAsync().ConfigureAwait(false);
                queue.Release();
            }
        }
    }
}
