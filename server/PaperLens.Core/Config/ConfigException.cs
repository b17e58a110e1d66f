namespace PaperLens.Core.Config;

/// <summary>The configuration cannot be used: malformed JSON, an unknown key, rule or severity, or a
/// value of the wrong type. The message is one line naming the file (and, for JSON errors, the line
/// and column).</summary>
public sealed class ConfigException : PaperLensException
{
    public ConfigException(string message) : base(message) { }

    public ConfigException(string message, Exception inner) : base(message, inner) { }
}
