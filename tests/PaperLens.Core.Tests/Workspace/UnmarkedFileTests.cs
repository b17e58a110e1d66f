using System.Text;
using PaperLens.Core.Scanning;
using PaperLens.Core.Workspace;

namespace PaperLens.Core.Tests.Workspace;

/// <summary>The workspace scan decides from a file's bytes whether to decode and scan it; what it reports
/// for every file must be what scanning the file's decoded text reports.</summary>
public class UnmarkedFileTests
{
    private static readonly (string Path, string Text)[] Files =
    [
        ("notes/cites.md", "# Notes\n\nSee arXiv:2405.13956 and [Mamba](https://arxiv.org/abs/2312.00752).\n"),
        ("notes/plain.md", "# Plain\n\nNothing cited here, only 2312.00752 as a number.\n<!-- paperlens-ignore PL001 -->\n"),
        ("notes/keys.md", "As argued in [@gu2023mamba], selective scans help.\n"),
        ("notes/split.md", "The id is on the next line: arX\niv:2312.00752, which is no citation.\n"),
        ("src/model.py", "# Implements arXiv:1706.03762\nx = 1\n"),
        ("src/plain.py", "# paperlens-ignore PL003\nx = \"hf.co/paper\"\n"),
        ("src/kernel.cu", "// HF.CO/PAPERS/2312.00752 explains the tiling\nint x;\n"),
        ("src/plain.cu", "/* tiling after the usual scheme */\nint x;\n"),
        ("refs.bib", "@article{gu2023, title={Mamba}, eprint={2312.00752}, archivePrefix={arXiv}}\n"),
        ("empty.bib", "% paperlens-ignore PL011\nno entries in this file\n"),
        ("plain.bib", "no entries and no comments\n"),
        ("paper.tex", "\\section{Intro}\nWe follow \\cite{gu2023}.\n"),
        ("nb.ipynb", "{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"ar\", \"Xiv:2312.00752\"]}], \"metadata\": {}}"),
    ];

    [Fact]
    public void Every_file_scans_as_its_decoded_text_does_with_or_without_a_bom()
    {
        foreach (var bom in new[] { false, true })
        {
            using var workspace = new TempWorkspace();
            foreach (var (path, text) in Files)
                workspace.Write(path, bom ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

            var scan = WorkspaceScanner.Scan(workspace.Root, WorkspaceOptions.Default, CancellationToken.None);

            Assert.Equal(Files.Select(f => f.Path).Order(StringComparer.Ordinal), scan.Documents.Select(d => d.Path));
            foreach (var (path, text) in Files)
                Assert.Equal(Utf8MarkersTests.Shape(DocumentScanner.Scan(path, text)), Utf8MarkersTests.Shape(scan.Documents.Single(d => d.Path == path)));
            // Both kinds of file were in the tree: ones that cite, and ones scanned as unmarked.
            Assert.Contains(scan.Documents, d => d.Path == "src/kernel.cu" && d.Citations.Count == 1);
            Assert.Equal(["PL011"], Assert.Single(scan.Documents.Single(d => d.Path == "empty.bib").Ignores).Codes);
            Assert.Contains(scan.Documents, d => d.Path == "nb.ipynb" && d.Citations.Count == 1);
        }
    }

    [Fact]
    public void A_utf16_file_is_still_skipped_as_binary_whatever_it_cites()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("notes/utf16.md", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("See arXiv:2312.00752.\n")]);
        workspace.Write("notes/plain16.md", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Nothing here.\n")]);

        var scan = WorkspaceScanner.Scan(workspace.Root, WorkspaceOptions.Default, CancellationToken.None);

        Assert.Empty(scan.Documents);
        Assert.Equal(["notes/plain16.md", "notes/utf16.md"], Assert.Single(scan.Skipped, g => g.Reason == SkipReasons.Binary).Paths);
    }

    [Fact]
    public void A_latin1_file_keeps_its_citation_beside_bytes_that_are_no_utf8()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("src/legacy.py", [.. Encoding.Latin1.GetBytes("# Caf\u00e9 model, see arXiv:2312.00752\n"), .. "x = 1\n"u8]);
        workspace.Write("src/legacy_plain.py", Encoding.Latin1.GetBytes("# Caf\u00e9 model\nx = 1\n"));

        var scan = WorkspaceScanner.Scan(workspace.Root, WorkspaceOptions.Default, CancellationToken.None);

        Assert.Equal("2312.00752", Assert.Single(scan.Documents.Single(d => d.Path == "src/legacy.py").Citations).Id?.Canonical);
        Assert.Empty(scan.Documents.Single(d => d.Path == "src/legacy_plain.py").Citations);
    }
}
