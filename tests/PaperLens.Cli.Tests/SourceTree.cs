using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace PaperLens.Cli.Tests;

/// <summary>Files of this repository's own checkout that users take as they are (the GitHub Action, the
/// pre-commit hook, the pandoc filter), so the tests run exactly what is published.</summary>
public static partial class SourceTree
{
    public static string Root => RootOf();

    public static string File(string relative) => Path.Combine(Root, relative);

    /// <summary>The README's YAML example that holds <paramref name="marker"/>, as a reader copies it.</summary>
    public static string ReadmeYaml(string marker) =>
        Assert.Single(YamlBlock().Matches(System.IO.File.ReadAllText(File("README.md"))).Select(m => m.Groups[1].Value), block => block.Contains(marker, StringComparison.Ordinal));

    [GeneratedRegex("^```yaml\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex YamlBlock();

    private static string RootOf([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
