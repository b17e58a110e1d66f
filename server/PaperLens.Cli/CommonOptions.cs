using System.CommandLine;

namespace PaperLens.Cli;

/// <summary>Options several commands share, with the environment fallbacks of spec §5.</summary>
public static class CommonOptions
{
    public static Option<string?> Catalog() => new("--catalog")
    {
        Description = "Catalog file (default: $PAPERLENS_CATALOG, else $XDG_CACHE_HOME/paperlens/catalog.db).",
        HelpName = "FILE",
    };

    /// <summary>PATH...: directories (each a workspace) or files in a workspace (spec §5).</summary>
    public static Argument<string[]> Paths(string what) => new("PATH")
    {
        Description = $"Directories to {what} (each a workspace), or files to {what} with the .bib files and configuration of the workspace they lie in (default: the current directory).",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => ["."],
    };

    public static Option<bool> Offline() => new("--offline")
    {
        Description = "Make no network request (also PAPERLENS_OFFLINE=1).",
    };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join(", ", formats) + ".",
            DefaultValueFactory = _ => formats[0],
            HelpName = string.Join("|", formats),
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
