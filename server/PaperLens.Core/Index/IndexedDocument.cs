using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Index;

/// <summary>One document of the workspace as the index holds it. <see cref="Text"/> is kept only for
/// documents open in an editor (the rest of a large workspace would not fit); <see cref="Lines"/>
/// whenever there is something to locate.</summary>
public sealed record IndexedDocument(ScannedDocument Scan, LineMap? Lines, string? Text, int? Version)
{
    public string Path => Scan.Path;

    public static IndexedDocument FromText(string path, string text, int? version) =>
        new(Scanning.DocumentScanner.Scan(path, text), new LineMap(text), text, version);
}
