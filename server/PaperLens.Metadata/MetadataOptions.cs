using PaperLens.Core.Config;

namespace PaperLens.Metadata;

/// <summary>How PaperLens talks to arXiv: where, whether at all, and how long what it learned stays fresh.</summary>
public sealed record MetadataOptions
{
    public const string OfflineVariable = "PAPERLENS_OFFLINE";
    public const string ApiVariable = "PAPERLENS_ARXIV_API";

    public static readonly Uri DefaultApi = new("https://export.arxiv.org/api/query");

    /// <summary>The API's query endpoint; <c>PAPERLENS_ARXIV_API</c> or a setting overrides it.</summary>
    public Uri ApiBase { get; init; } = DefaultApi;

    /// <summary>No request at all.</summary>
    public bool Offline { get; init; }

    /// <summary>A fetched record is asked for again after this age (new versions appear).</summary>
    public TimeSpan RecordMaxAge { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A confirmed miss is asked for again after this age (ids can appear later).</summary>
    public TimeSpan MissMaxAge { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Where the cross-process pacing lock lives (next to the catalog by default).</summary>
    public string? LockDirectory { get; init; }

    /// <summary>One request, from sending it to the last byte of the answer, takes at most this long.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The options every front end uses, so that the CLI and the language server agree:
    /// offline when <paramref name="offlineFlag"/> (<c>--offline</c>), <c>PAPERLENS_OFFLINE=1</c> (or
    /// <c>true</c>) or the configuration says so; the API from <c>PAPERLENS_ARXIV_API</c>, else the
    /// configuration's <c>arxiv.api</c>, else arXiv's; refresh ages from the configuration; the pacing
    /// lock next to the catalog at <paramref name="catalogPath"/>.</summary>
    /// <param name="environment">Reads an environment variable (the process environment when null).</param>
    /// <exception cref="ConfigException"><c>PAPERLENS_ARXIV_API</c> is not an http or https URL.</exception>
    public static MetadataOptions Resolve(PaperLensConfig config, bool offlineFlag, string catalogPath, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var defaults = new MetadataOptions();
        return new MetadataOptions
        {
            ApiBase = environment(ApiVariable) is { Length: > 0 } api ? HttpUrl(api) : config.ArxivApi ?? DefaultApi,
            Offline = offlineFlag || environment(OfflineVariable) is "1" or "true" || config.Offline == true,
            RecordMaxAge = config.RecordMaxAge ?? defaults.RecordMaxAge,
            MissMaxAge = config.MissMaxAge ?? defaults.MissMaxAge,
            LockDirectory = Path.GetDirectoryName(Path.GetFullPath(catalogPath)),
        };
    }

    private static Uri HttpUrl(string text) =>
        PaperLensConfig.TryParseApiUrl(text, out var url)
            ? url
            : throw new ConfigException($"{ApiVariable} must be an http or https URL, not '{text}'");
}
