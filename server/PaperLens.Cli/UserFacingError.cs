namespace PaperLens.Cli;

/// <summary>A command's failure the user can act on; becomes exit status 2 and one line on stderr.</summary>
public sealed class CliException(string message) : Exception(message);

/// <summary>Turns any exception that escapes a command into the one line the user reads.</summary>
public static class UserFacingError
{
    public static string Describe(Exception ex) => ex switch
    {
        CliException or PaperLens.Core.PaperLensException => ex.Message,
        FileNotFoundException f => $"file not found: {f.FileName ?? f.Message}",
        DirectoryNotFoundException => ex.Message,
        UnauthorizedAccessException => $"permission denied: {ex.Message}",
        IOException => $"I/O error: {ex.Message}",
        OperationCanceledException => "cancelled",
        _ => $"internal error ({ex.GetType().Name}): {ex.Message} — please report this with the command you ran",
    };
}
