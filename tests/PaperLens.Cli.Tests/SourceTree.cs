using System.Runtime.CompilerServices;

namespace PaperLens.Cli.Tests;

/// <summary>Files of this repository's own checkout that users take as they are (the GitHub Action, the
/// pre-commit hook, the pandoc filter), so the tests run exactly what is published.</summary>
public static class SourceTree
{
    public static string Root => RootOf();

    public static string File(string relative) => Path.Combine(Root, relative);

    private static string RootOf([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
