namespace PaperLens.Server.Session;

/// <summary>The server's own watch on the workspace folders, for a client that cannot be asked to watch
/// (no dynamic registration of workspace/didChangeWatchedFiles: Helix, Neovim before 0.9), so that a
/// .bib exported by a reference manager or a git checkout still reaches the index. It reports what the
/// client's watchers would (<see cref="WatchedFiles"/>), in batches: an editor saves through a temporary
/// file and a rename, a checkout touches many files, and each burst is handled once.</summary>
internal sealed class WorkspaceWatcher(Action<IReadOnlyCollection<string>> changed, Action<int, string> log, TimeSpan delay) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private Timer? _timer;
    private bool _disposed;

    public void Watch(string folder)
    {
        lock (_gate)
        {
            if (_disposed || _watchers.ContainsKey(folder)) return;
            try
            {
                var watcher = new FileSystemWatcher(folder)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                watcher.Created += (_, e) => Changed(e.FullPath);
                watcher.Changed += (_, e) => Changed(e.FullPath);
                watcher.Deleted += (_, e) => Changed(e.FullPath);
                watcher.Renamed += (_, e) =>
                {
                    Changed(e.OldFullPath);
                    Changed(e.FullPath);
                };
                // Overflow or a watch limit reached: later changes may go unseen, which the user should know.
                watcher.Error += (_, e) => log(2, $"watching {folder} for changes on disk: {e.GetException().Message}");
                watcher.EnableRaisingEvents = true;
                _watchers[folder] = watcher;
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                log(2, $"cannot watch {folder} for changes on disk: {ex.Message}");
            }
        }
    }

    public void Unwatch(string folder)
    {
        lock (_gate)
        {
            if (_watchers.Remove(folder, out var watcher)) watcher.Dispose();
        }
    }

    private void Changed(string path)
    {
        if (!WatchedFiles.Matches(path)) return;
        lock (_gate)
        {
            if (_disposed) return;
            _pending.Add(path);
            _timer ??= new Timer(_ => Flush());
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] paths;
        lock (_gate)
        {
            if (_disposed) return;
            paths = [.. _pending];
            _pending.Clear();
        }
        if (paths.Length > 0) changed(paths);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var watcher in _watchers.Values) watcher.Dispose();
            _watchers.Clear();
            _timer?.Dispose();
        }
    }
}
