namespace PaperLens.Core.Rules;

/// <summary>The severity words of the configuration (spec §4: off/hint/information/warning/error).</summary>
public static class SeverityNames
{
    /// <summary>The accepted words, for error messages.</summary>
    public const string Accepted = "off, hint, information, warning, error";

    /// <summary>Reads a configured severity, any letter case; <c>info</c> and <c>warn</c> are accepted
    /// as the usual abbreviations. Null for anything else.</summary>
    public static Severity? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "off" or "none" => Severity.Off,
        "hint" => Severity.Hint,
        "information" or "info" => Severity.Information,
        "warning" or "warn" => Severity.Warning,
        "error" => Severity.Error,
        _ => null,
    };

    /// <summary>The lower-case word shown in compiler-style output (<c>warning</c>).</summary>
    public static string ToName(Severity severity) => severity switch
    {
        Severity.Off => "off",
        Severity.Hint => "hint",
        Severity.Information => "information",
        Severity.Warning => "warning",
        _ => "error",
    };
}
