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
}
