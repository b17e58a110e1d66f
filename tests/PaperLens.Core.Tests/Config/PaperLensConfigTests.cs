using System.Text.Json;
using PaperLens.Core.Config;
using PaperLens.Core.Rules;

namespace PaperLens.Core.Tests.Config;

/// <summary>Spec §4, end: the workspace configuration file <c>.paperlens.json</c>.</summary>
public sealed class PaperLensConfigTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("paperlens-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_root, PaperLensConfig.FileName);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Reads_every_key_with_comments_and_trailing_commas()
    {
        Write("""
            {
              // stricter titles, quieter catalog
              "rules": { "PL003": "error", "not-in-catalog": "off", "pl005": "Warning", },
              "include": ["docs/**", "*.bib"],
              "exclude": ["vendor/"],
              "offline": true,
              "catalog": "cache/papers.db", /* next to the config */
            }
            """);

        var config = PaperLensConfig.Load(_root);

        Assert.Equal(Severity.Error, config.Rules["PL003"]);
        Assert.Equal(Severity.Off, config.Rules["PL009"]);
        Assert.Equal(Severity.Warning, config.Rules["PL005"]);
        Assert.Equal(["docs/**", "*.bib"], config.Include);
        Assert.Equal(["vendor/"], config.ToWorkspaceOptions().Exclude);
        Assert.True(config.Offline);
        Assert.Equal(Path.Combine(_root, "cache", "papers.db"), config.Catalog);
    }

    [Fact]
    public void A_workspace_without_the_file_has_the_defaults()
    {
        var config = PaperLensConfig.Load(_root);

        Assert.Same(PaperLensConfig.Default, config);
        Assert.Null(config.Offline);
        Assert.Equal(Severity.Information, RuleSettings.FromConfig(config).SeverityOf(RuleCatalog.NotInCatalog));
    }

    [Fact]
    public void Rule_severities_become_settings_by_code_or_name()
    {
        var config = PaperLensConfig.Parse("""{ "rules": { "title-mismatch": "off", "PL012": "info", "duplicate-entry": "error" } }""", "opts");
        var settings = RuleSettings.FromConfig(config);

        Assert.False(settings.IsEnabled(RuleCatalog.TitleMismatch));
        Assert.Equal(Severity.Information, settings.SeverityOf(RuleCatalog.UnknownName));
        Assert.Equal(Severity.Error, settings.SeverityOf(RuleCatalog.DuplicateEntry));
        Assert.Equal(Severity.Error, settings.SeverityOf(RuleCatalog.MalformedId));
    }

    [Fact]
    public void Malformed_json_names_the_file_line_and_column()
    {
        var path = Write("{\n  \"rules\": { \"PL003\": error }\n}\n");

        var error = Assert.Throws<ConfigException>(() => PaperLensConfig.Load(_root));

        Assert.StartsWith($"{path}:2:23: invalid JSON: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Theory]
    [InlineData("""{ "rules": { "PL099": "error" } }""", "unknown rule 'PL099'")]
    [InlineData("""{ "rules": { "title-mismatch": "loud" } }""", "rule 'title-mismatch' has severity \"loud\"; use one of off, hint, information, warning, error")]
    [InlineData("""{ "rules": { "PL003": "error", "title-mismatch": "off" } }""", "rule PL003 is set twice")]
    [InlineData("""{ "rules": ["PL003"] }""", "'rules' must be an object")]
    [InlineData("""{ "exlude": ["vendor"] }""", "unknown key 'exlude'")]
    [InlineData("""{ "offline": "yes" }""", "'offline' must be true or false")]
    [InlineData("""{ "include": [1] }""", "'include' must contain only glob strings")]
    [InlineData("""{ "catalog": 3 }""", "'catalog' must be a file path")]
    [InlineData("""["PL003"]""", "must be a JSON object")]
    public void Content_it_does_not_understand_is_a_clear_error_naming_the_file(string json, string expected)
    {
        var path = Write(json);

        var error = Assert.Throws<ConfigException>(() => PaperLensConfig.Load(_root));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_empty_file_is_the_defaults()
    {
        Write("  \n");
        Assert.Same(PaperLensConfig.Default, PaperLensConfig.Load(_root));
    }

    [Fact]
    public void Initialization_options_use_the_same_keys()
    {
        using var options = JsonDocument.Parse("""{ "rules": { "PL010": "off" }, "offline": false }""");

        var config = PaperLensConfig.FromJson(options.RootElement, "initializationOptions");

        Assert.Equal(Severity.Off, config.Rules["PL010"]);
        Assert.False(config.Offline);
        Assert.Contains("initializationOptions: unknown key",
            Assert.Throws<ConfigException>(() => PaperLensConfig.FromJson(JsonDocument.Parse("""{ "trace": 1 }""").RootElement, "initializationOptions")).Message);
    }
}
