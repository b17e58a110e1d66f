namespace PaperLens.Core.Gate;

/// <summary>A baseline file that cannot be read; its message names the file and what is wrong.</summary>
public sealed class BaselineException : PaperLensException
{
    public BaselineException(string message) : base(message) { }

    public BaselineException(string message, Exception inner) : base(message, inner) { }
}
