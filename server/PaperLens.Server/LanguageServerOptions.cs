using PaperLens.Metadata;

namespace PaperLens.Server;

/// <summary>How the server was started: the command line's catalog and offline switches, how to reach
/// arXiv, the diagnostics debounce, and where its log goes (stderr; stdout carries the protocol).</summary>
public sealed record LanguageServerOptions
{
    public string? CatalogPath { get; init; }
    public bool Offline { get; init; }

    /// <summary>How to reach arXiv (API base, pacing clock); the offline setting is applied on top.</summary>
    public MetadataOptions Metadata { get; init; } = new();
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public Action<string> Log { get; init; } = message => Console.Error.WriteLine($"[paperlens] {message}");
}
