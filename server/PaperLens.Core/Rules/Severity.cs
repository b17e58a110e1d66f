namespace PaperLens.Core.Rules;

/// <summary>Ordered from least to most severe; <see cref="Off"/> silences a rule.</summary>
public enum Severity
{
    Off,
    Hint,
    Information,
    Warning,
    Error,
}
