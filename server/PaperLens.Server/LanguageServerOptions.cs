namespace PaperLens.Server;

/// <summary>How the server was started: the command line's catalog and offline switches, the
/// environment and clock arXiv lookups are resolved and paced with, the diagnostics debounce, and where
/// its log goes (stderr; stdout carries the protocol).</summary>
public sealed record LanguageServerOptions
{
    public string? CatalogPath { get; init; }
    public bool Offline { get; init; }

    /// <summary>Reads an environment variable (<c>PAPERLENS_ARXIV_API</c>, <c>PAPERLENS_OFFLINE</c>);
    /// tests give their own instead of the process's.</summary>
    public Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock arXiv requests are paced by (a fake one in tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public Action<string> Log { get; init; } = message => Console.Error.WriteLine($"[paperlens] {message}");
}
