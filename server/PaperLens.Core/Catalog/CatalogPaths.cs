namespace PaperLens.Core.Catalog;

/// <summary>Where the catalog lives when no <c>--catalog</c> is given (spec §5).</summary>
public static class CatalogPaths
{
    /// <summary><c>$PAPERLENS_CATALOG</c>, else <c>$XDG_CACHE_HOME/paperlens/catalog.db</c>, else
    /// <c>~/.cache/paperlens/catalog.db</c>.</summary>
    public static string Default() =>
        Resolve(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    internal static string Resolve(Func<string, string?> environment, string home)
    {
        if (environment("PAPERLENS_CATALOG") is { Length: > 0 } explicitPath) return explicitPath;
        // The XDG base-directory spec says a relative value is invalid and must be ignored.
        var cacheHome = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(home, ".cache");
        return Path.Combine(cacheHome, "paperlens", "catalog.db");
    }
}
