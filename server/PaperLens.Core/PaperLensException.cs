namespace PaperLens.Core;

/// <summary>A failure the user can act on (an unreadable catalog, a malformed config file, a missing
/// workspace). Its message is one line that names the cause and the file; front ends show it as is.</summary>
public class PaperLensException : Exception
{
    public PaperLensException(string message) : base(message) { }

    public PaperLensException(string message, Exception inner) : base(message, inner) { }
}
