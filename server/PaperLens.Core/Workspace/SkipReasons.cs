namespace PaperLens.Core.Workspace;

/// <summary>Why a file of the workspace was not scanned (spec §3). Files ignored by .gitignore or
/// by the exclude globs are not skipped: they are not part of the workspace. Each reason reads after a
/// count in the check's summary ("2 FIFO, 1 symlink loop").</summary>
public static class SkipReasons
{
    public const string TooLarge = "too large";

    public const string Binary = "binary";

    public const string Unreadable = "unreadable";

    /// <summary>A named pipe: opening it would wait for a writer.</summary>
    public const string Fifo = "FIFO";

    public const string Socket = "socket";

    public const string Device = "device";

    public const string SymlinkLoop = "symlink loop";

    public const string BrokenSymlink = "broken symlink";

    public static string ScannerError(string message) => $"scanner error: {message}";
}
