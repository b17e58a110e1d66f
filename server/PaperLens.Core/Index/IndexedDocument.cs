using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;
using PaperLens.Core.Scanning.Markdown;
using PaperLens.Core.Text;

namespace PaperLens.Core.Index;

/// <summary>One document of the workspace as the index holds it. <see cref="Text"/> is kept only for
/// documents open in an editor (the rest of a large workspace would not fit); <see cref="Lines"/>
/// whenever there is something to locate.</summary>
public sealed record IndexedDocument(ScannedDocument Scan, LineMap? Lines, string? Text, int? Version)
{
    public string Path => Scan.Path;

    /// <summary>What lets the next version be scanned only around the edit: a Markdown document's blocks.</summary>
    internal MarkdownBlocks? Blocks { get; init; }

    public static IndexedDocument FromText(string path, string text, int? version) =>
        new(DocumentScanner.Scan(path, text, out var blocks), new LineMap(text), text, version) { Blocks = blocks };

    /// <summary>The next version of this open document: scanned again only around what changed where its
    /// kind allows (<see cref="MarkdownRescan"/>), else whole; the same scan either way.</summary>
    public IndexedDocument Edited(string text, int? version) =>
        Text is { } before && Blocks is { } blocks && MarkdownRescan.Rescan(Path, before, Scan, blocks, text) is { } rescanned
            ? new(rescanned.Scan, new LineMap(text), text, version) { Blocks = rescanned.Blocks }
            : FromText(Path, text, version);
}
