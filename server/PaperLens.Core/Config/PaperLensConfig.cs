using System.Diagnostics.CodeAnalysis;
using PaperLens.Core.Rules;
using PaperLens.Core.Workspace;

namespace PaperLens.Core.Config;

/// <summary>The workspace configuration: rule severities, which files are read, whether to go online,
/// where the catalog is and how arXiv is asked. Independent of where it came from: <c>.paperlens.json</c> at the
/// workspace root (<see cref="Load"/>) or a language client's initialization options
/// (<see cref="FromJson"/>).</summary>
public sealed record PaperLensConfig
{
    public const string FileName = ".paperlens.json";

    public static PaperLensConfig Default { get; } = new();

    /// <summary>Severities set by the configuration, keyed by rule code (names are mapped to codes
    /// when read). Rules not listed keep their defaults.</summary>
    public IReadOnlyDictionary<string, Severity> Rules { get; init; } = new Dictionary<string, Severity>();

    /// <summary>.gitignore-style globs; when non-empty, only matching files are scanned.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>True or false when the configuration says so; null when it is silent (the command
    /// line and environment decide).</summary>
    public bool? Offline { get; init; }

    /// <summary>Editors show the short title after a bare id (default on).</summary>
    public bool? InlayHints { get; init; }

    /// <summary>The catalog file; a relative path in a configuration file is resolved against the
    /// file's directory. Null when not set.</summary>
    public string? Catalog { get; init; }

    /// <summary>The arXiv API's query endpoint (<c>arxiv.api</c>); null when not set. The
    /// <c>PAPERLENS_ARXIV_API</c> environment variable takes precedence.</summary>
    public Uri? ArxivApi { get; init; }

    /// <summary>Whether <paramref name="text"/> can be the arXiv API's address (an absolute http or https
    /// URL), wherever it was written: the file's <c>arxiv.api</c> or <c>PAPERLENS_ARXIV_API</c>.</summary>
    public static bool TryParseApiUrl(string? text, [NotNullWhen(true)] out Uri? url)
    {
        if (Uri.TryCreate(text?.Trim(), UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            return true;
        url = null;
        return false;
    }

    /// <summary>How long a record fetched from arXiv stays fresh (<c>arxiv.recordMaxAgeDays</c>); null when not set.</summary>
    public TimeSpan? RecordMaxAge { get; init; }

    /// <summary>How long a confirmed miss stays trusted (<c>arxiv.missMaxAgeDays</c>); null when not set.</summary>
    public TimeSpan? MissMaxAge { get; init; }

    public WorkspaceOptions ToWorkspaceOptions() => new() { Include = Include, Exclude = Exclude };

    /// <summary>Reads <c>.paperlens.json</c> in <paramref name="workspaceRoot"/>; the defaults when
    /// there is none.</summary>
    /// <exception cref="ConfigException">The file exists but cannot be read or used.</exception>
    public static PaperLensConfig Load(string workspaceRoot)
    {
        var path = Path.Combine(workspaceRoot, FileName);
        return File.Exists(path) ? LoadFile(path) : Default;
    }

    /// <exception cref="ConfigException">The file cannot be read or used.</exception>
    public static PaperLensConfig LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read the configuration file: {e.Message}", e);
        }
        return Parse(json, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Reads configuration text (comments and trailing commas allowed). An empty text is
    /// the defaults.</summary>
    /// <param name="source">Names the text in error messages (the file path).</param>
    /// <param name="baseDirectory">Resolves a relative catalog path; null keeps it as written.</param>
    /// <exception cref="ConfigException">Malformed JSON, or content that is not a valid configuration.</exception>
    public static PaperLensConfig Parse(string json, string source, string? baseDirectory = null) =>
        ConfigReader.Parse(json, source, baseDirectory);

    /// <summary>Reads an already parsed object, e.g. a language client's initialization options.</summary>
    /// <exception cref="ConfigException">Content that is not a valid configuration.</exception>
    public static PaperLensConfig FromJson(System.Text.Json.JsonElement element, string source, string? baseDirectory = null) =>
        ConfigReader.Read(element, source, baseDirectory);
}
