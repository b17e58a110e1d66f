using System.Runtime.CompilerServices;
using System.Xml.Linq;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Tests;

/// <summary>The invariants ARCHITECTURE.md states, checked rather than hoped for.</summary>
public class ArchitectureTests
{
    [Fact]
    public void The_core_references_no_protocol_or_front_end_assembly()
    {
        var references = typeof(ArxivId).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Microsoft.Data.Sqlite", references);
        foreach (var forbidden in new[] { "StreamJsonRpc", "System.CommandLine", "Spectre.Console", "paperlens", "PaperLens.Server" })
            Assert.DoesNotContain(forbidden, references);
    }

    /// <summary>The layers, Core ← Metadata ← Server ← Cli: each project references only the projects
    /// below it, and the packages of a front end (JSON-RPC, the command line, the terminal) only where
    /// that front end lives. A new reference is a decision for ARCHITECTURE.md, not a side effect.</summary>
    [Theory]
    [InlineData("PaperLens.Core", "", "Markdig Microsoft.Data.Sqlite Humanizer.Core MAB.DotIgnore F23.StringSimilarity")]
    [InlineData("PaperLens.Metadata", "PaperLens.Core", "")]
    [InlineData("PaperLens.Server", "PaperLens.Core PaperLens.Metadata", "StreamJsonRpc")]
    [InlineData("PaperLens.Cli", "PaperLens.Core PaperLens.Metadata PaperLens.Server", "System.CommandLine Spectre.Console")]
    public void Each_project_references_only_the_layers_below_it(string project, string projects, string packages)
    {
        var file = XDocument.Load(Path.Combine(ServerFolder(), project, project + ".csproj"));
        Assert.Equal(Words(projects), file.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value)).Order(StringComparer.Ordinal));
        Assert.Equal(Words(packages), file.Descendants("PackageReference")
            .Select(r => r.Attribute("Include")!.Value).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Words(string list) =>
        list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);

    private static string ServerFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "server"));
}
