using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Markdown;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>Scans marked-up Markdown (see <see cref="Fixture"/>) as a file of the given name.</summary>
internal static class MarkdownScan
{
    public static (Fixture Fixture, ScannedDocument Document) Run(string marked, string path = "README.md")
    {
        var fixture = Fixture.Parse(marked.ReplaceLineEndings("\n"));
        return (fixture, MarkdownScanner.Scan(path, fixture.Text));
    }
}
