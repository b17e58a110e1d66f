using PaperLens.Core.Config;

namespace PaperLens.Metadata.Tests;

/// <summary>The one resolution of where and whether to ask arXiv, from the configuration, the command
/// line and the environment.</summary>
public sealed class MetadataOptionsTests
{
    private const string Catalog = "/tmp/paperlens-options/cache/catalog.db";

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Without_settings_arxiv_is_asked_with_the_default_ages_and_the_lock_beside_the_catalog()
    {
        var options = MetadataOptions.Resolve(PaperLensConfig.Default, offlineFlag: false, Catalog, Environment());

        Assert.False(options.Offline);
        Assert.Equal(MetadataOptions.DefaultApi, options.ApiBase);
        Assert.Equal(TimeSpan.FromDays(30), options.RecordMaxAge);
        Assert.Equal(TimeSpan.FromDays(1), options.MissMaxAge);
        Assert.Equal("/tmp/paperlens-options/cache", options.LockDirectory);
    }

    [Theory]
    [InlineData(true, null, null)]
    [InlineData(false, "1", null)]
    [InlineData(false, "true", null)]
    [InlineData(false, null, """{"offline": true}""")]
    public void The_flag_the_environment_or_the_configuration_turns_requests_off(bool flag, string? variable, string? json)
    {
        var config = json is null ? PaperLensConfig.Default : PaperLensConfig.Parse(json, ".paperlens.json");
        var environment = variable is null ? Environment() : Environment(("PAPERLENS_OFFLINE", variable));

        Assert.True(MetadataOptions.Resolve(config, flag, Catalog, environment).Offline);
    }

    [Fact]
    public void The_configuration_sets_the_api_and_the_ages_and_the_environment_overrides_the_api()
    {
        var config = PaperLensConfig.Parse(
            """{"arxiv": {"api": "https://mirror.example.org/api/query", "recordMaxAgeDays": 7, "missMaxAgeDays": 0.5}}""", ".paperlens.json");

        var fromConfig = MetadataOptions.Resolve(config, false, Catalog, Environment());
        var fromEnvironment = MetadataOptions.Resolve(config, false, Catalog, Environment(("PAPERLENS_ARXIV_API", "http://127.0.0.1:9/api/query")));

        Assert.Equal(new Uri("https://mirror.example.org/api/query"), fromConfig.ApiBase);
        Assert.Equal(TimeSpan.FromDays(7), fromConfig.RecordMaxAge);
        Assert.Equal(TimeSpan.FromHours(12), fromConfig.MissMaxAge);
        Assert.Equal(new Uri("http://127.0.0.1:9/api/query"), fromEnvironment.ApiBase);
    }

    [Theory]
    [InlineData("""{"arxiv": {"apiUrl": "https://export.arxiv.org/api/query"}}""", "unknown key 'arxiv.apiUrl'")]
    [InlineData("""{"arxiv": {"api": "ftp://example.org/"}}""", "'arxiv.api' must be an http or https URL")]
    [InlineData("""{"arxiv": {"missMaxAgeDays": 0}}""", "'arxiv.missMaxAgeDays' must be a number of days, more than 0")]
    [InlineData("""{"arxiv": true}""", "'arxiv' must be an object")]
    public void A_bad_arxiv_setting_is_a_clear_error(string json, string message)
    {
        var error = Assert.Throws<ConfigException>(() => PaperLensConfig.Parse(json, ".paperlens.json"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_api_url_in_the_environment_is_a_clear_error()
    {
        var error = Assert.Throws<ConfigException>(() =>
            MetadataOptions.Resolve(PaperLensConfig.Default, false, Catalog, Environment(("PAPERLENS_ARXIV_API", "localhost:8080"))));

        Assert.Contains("PAPERLENS_ARXIV_API", error.Message, StringComparison.Ordinal);
    }
}
