namespace PaperLens.Core.Workspace;

/// <summary>Why a file of the workspace was not scanned (spec §3). Files ignored by .gitignore or
/// by the exclude globs are not skipped: they are not part of the workspace.</summary>
public static class SkipReasons
{
    public const string TooLarge = "too large";

    public const string Binary = "binary";

    public const string Unreadable = "unreadable";

    public static string ScannerError(string message) => $"scanner error: {message}";
}
