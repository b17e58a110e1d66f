namespace PaperLens.Cli.Output;

/// <summary><c>paperlens check --format github</c> (spec §5): one GitHub Actions workflow command per
/// finding, every finding (no not-in-catalog summing: the log is searched, not read line by line), which
/// the runner turns into an annotation on the file's lines in the pull request.</summary>
public static class GithubOutput
{
    public static void WriteAnnotations(TextWriter writer, IEnumerable<ReportedDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            writer.WriteLine($"::{Command(d.Severity)} file={Property(d.Path)},line={d.Line},col={d.Column},endLine={d.EndLine},endColumn={d.EndColumn}," +
                $"title={Property(d.Code)}::{Data(d.Message + TextOutput.InCell(d.Cell, d.CellLine))}");
        }
    }

    /// <summary>The finding with its path from the repository's root, where GitHub looks a file up:
    /// <c>$GITHUB_WORKSPACE</c>, else the current directory. The check reports paths from the checked
    /// folder, which is a subfolder when the action's <c>path</c> names one.</summary>
    public static ReportedDiagnostic FromRepositoryRoot(ReportedDiagnostic d, string checkedRoot)
    {
        var repository = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE") is { Length: > 0 } workspace ? workspace : Environment.CurrentDirectory;
        var path = Path.GetRelativePath(Path.GetFullPath(repository), Path.Combine(checkedRoot, d.Path));
        return d with { Path = path.Replace(Path.DirectorySeparatorChar, '/') };
    }

    /// <summary>The workflow command for a severity; GitHub has three, so hints are notices too.</summary>
    public static string Command(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        _ => "notice",
    };

    // The runner's own escaping (@actions/core's escapeData): a message runs to the end of the line.
    private static string Data(string text) =>
        text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    // A property also ends at ',' and the properties at "::" (escapeProperty).
    private static string Property(string text) =>
        Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
