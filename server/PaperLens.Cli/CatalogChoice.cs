using PaperLens.Core.Catalog;

namespace PaperLens.Cli;

/// <summary>Which catalog file a command uses (spec §5): <c>--catalog</c>, else the workspace's
/// <c>"catalog"</c>, else <c>$PAPERLENS_CATALOG</c>, else the default under <c>$XDG_CACHE_HOME</c>.
/// A catalog named explicitly, by <c>--catalog</c> or <c>PAPERLENS_CATALOG</c>, must exist: a typo must
/// not silently create an empty catalog whose every paper is then "not in the catalog". The default one
/// is created and seeded on first use; <c>import</c> creates any.</summary>
public static class CatalogChoice
{
    public static string Resolve(string? option, string? configured) =>
        option is not null ? MustExist(option) : configured ?? Default();

    private static string Default() =>
        Environment.GetEnvironmentVariable("PAPERLENS_CATALOG") is { Length: > 0 } named ? MustExist(named) : CatalogPaths.Default();

    private static string MustExist(string path) =>
        File.Exists(path) ? path : throw new CliException($"no catalog at {Path.GetFullPath(path)}");
}
