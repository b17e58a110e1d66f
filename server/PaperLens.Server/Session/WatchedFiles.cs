using PaperLens.Core.Config;
using PaperLens.Core.Scanning;

namespace PaperLens.Server.Session;

/// <summary>The files whose changes on disk the server must hear about: every file a scanner reads
/// (the globs are built from <see cref="DocumentScanner"/>'s own lists, so a new extension is watched
/// without a second edit), the settings file, and the .gitignore files that decide what the walk reads.</summary>
public static class WatchedFiles
{
    public const string GitIgnore = ".gitignore";

    /// <summary>LSP glob patterns for client/registerCapability: one for extensions, one for whole names.
    /// The scanners ignore the case of an extension but clients match globs case-sensitively, so each is
    /// also given capitalised and in capitals, the spellings people use (<c>.Rmd</c>, <c>.R</c>, <c>.MD</c>).</summary>
    public static IReadOnlyList<string> Globs { get; } =
    [
        "**/*.{" + string.Join(",", DocumentScanner.ScannedExtensions.Select(e => e.TrimStart('.')).SelectMany(Spellings).Distinct(StringComparer.Ordinal)) + "}",
        "**/{" + string.Join(",", DocumentScanner.ScannedFileNames.Append(PaperLensConfig.FileName).Append(GitIgnore)) + "}",
    ];

    private static IEnumerable<string> Spellings(string extension) =>
        [extension, char.ToUpperInvariant(extension[0]) + extension[1..], extension.ToUpperInvariant()];

    /// <summary>What the globs match, for the server's own watcher.</summary>
    public static bool Matches(string path) =>
        DocumentScanner.CanScan(path) || Path.GetFileName(path) is PaperLensConfig.FileName or GitIgnore;
}
