namespace PaperLens.Core.Rules;

/// <summary>One check rule of spec §4: its code, its configuration name, the severity it has unless
/// configured otherwise, and when it fires (the spec table's wording, for SARIF and help text).</summary>
public sealed record RuleDescriptor(string Code, string Name, Severity DefaultSeverity, string Description);
