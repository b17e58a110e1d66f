using PaperLens.Core.Config;

namespace PaperLens.Core.Rules;

/// <summary>The severity each rule reports at; <see cref="Severity.Off"/> drops the rule. Immutable:
/// <see cref="With"/> returns a copy.</summary>
public sealed class RuleSettings
{
    private readonly IReadOnlyDictionary<string, Severity> _severities;

    private RuleSettings(IReadOnlyDictionary<string, Severity> severities) => _severities = severities;

    /// <summary>Every rule at its spec §4 default severity.</summary>
    public static RuleSettings Default { get; } =
        new(RuleCatalog.All.ToDictionary(rule => rule.Code, rule => rule.DefaultSeverity, StringComparer.Ordinal));

    /// <summary>The defaults with the configuration's rule severities applied.</summary>
    public static RuleSettings FromConfig(PaperLensConfig config)
    {
        var settings = Default;
        foreach (var (code, severity) in config.Rules) settings = settings.With(code, severity);
        return settings;
    }

    public Severity SeverityOf(RuleDescriptor rule) => _severities.GetValueOrDefault(rule.Code, rule.DefaultSeverity);

    public bool IsEnabled(RuleDescriptor rule) => SeverityOf(rule) != Severity.Off;

    /// <summary>A copy with one rule, named by code or name, set to <paramref name="severity"/>.</summary>
    /// <exception cref="ArgumentException">No rule has that code or name.</exception>
    public RuleSettings With(string codeOrName, Severity severity)
    {
        var rule = RuleCatalog.Find(codeOrName)
            ?? throw new ArgumentException($"unknown rule '{codeOrName}'", nameof(codeOrName));
        var copy = new Dictionary<string, Severity>(_severities, StringComparer.Ordinal) { [rule.Code] = severity };
        return new RuleSettings(copy);
    }
}
