namespace PaperLens.Metadata;

/// <summary>How PaperLens talks to arXiv: where, whether at all, and how long what it learned stays fresh.</summary>
public sealed record MetadataOptions
{
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

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
