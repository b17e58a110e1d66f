using CsCheck;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;
using PaperLens.Core.Scanning.Markdown;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>Issue 14: an edited Markdown document scanned again only around the edit
/// (<see cref="MarkdownRescan"/>) gives what a scan of the whole new text gives, after every edit of random
/// edit sequences on notes made of every block kind (fences, HTML, lists, quotes, tables, setext headings,
/// reference definitions, front matter, ignore comments), with edits that open and close them.</summary>
public class MarkdownRescanPropertyTests
{
    private static readonly string[] Lines =
    [
        "# Notes on state space models", "Some prose about attention and recurrence.", "Prose citing arXiv:2312.00752 inline.",
        "\"Attention Is All You Need\" (arXiv:1706.03762)", "[Mamba](https://arxiv.org/abs/2312.00752) is linear-time.",
        "Gu, A. (2023). Mamba: Linear-Time Sequence Modeling. arXiv:2312.00752", "- Mamba: https://arxiv.org/abs/2312.00752",
        "- a list item with arXiv:1706.03762", "  indented continuation arXiv:2404.16112", "1. first arXiv:2312.00752v2",
        "> quoted arXiv:2312.00752", "    indented code arXiv:1706.03762", "As argued in [@gu2023], and @vaswani2017 too.",
        "<a href=\"https://arxiv.org/abs/1706.03762\">Transformer</a>", "<div>", "</div>", "<!-- arXiv:2312.00752", "-->",
        "```python", "# see arXiv:1706.03762", "```", "```bibtex", "@article{gu2023, title = {Mamba}, eprint = {2312.00752}}", "~~~",
        "| paper | id |", "|---|---|", "| Mamba | arXiv:2312.00752 |", "Heading", "===", "---", "[Mamba][mamba]",
        "[mamba]: https://arxiv.org/abs/2312.00752 \"Mamba\"", "[mamba]", "typo arXiv:2313.00752", "<pre>", "</pre> arXiv:1706.03762",
        "<script>", "</script>", "<?php", "?>", "  - nested arXiv:1706.03762", "+ plus item",
        "2) another arXiv:2404.16112", "***", "...", "[other]: https://example.org", "Title\n---",
        "<!-- paperlens-ignore PL009 -->", "See arXiv:2501.99999 <!-- paperlens-ignore -->", "# paperlens-ignore PL001", "", "", "", "", "",
    ];

    private static readonly string[] Insertions =
    [
        "x", " ", "\n", "\n\n", "`", "```", "[", "]", "](", "arXiv:", "2312.00752", "-", "# ", "> ", "    ", "<div>", "<!--", "-->",
        "[mamba]", "@gu2023", "\"", "===", "---", "[^1]", "|", "~~~", "\n[x]: https://arxiv.org/abs/1706.03762\n", "",
        "Vaswani, A. (2017). Attention Is All You Need. arXiv:1706.03762\n", "\t", "<pre>", "</pre>", "...", "* ", "[other]",
        "<!-- paperlens-ignore -->", "\n<!-- paperlens-ignore PL003 -->\n",
    ];

    private static readonly Gen<string> Notes =
        Gen.Select(Gen.Bool, Gen.Int[0, Lines.Length - 1].Array[0, 80])
            .Select((frontMatter, lines) => (frontMatter ? "---\nbibliography: refs.bib\n---\n\n" : "") + string.Concat(lines.Select(i => Lines[i] + "\n")));

    private sealed record Edit(double Where, int Deleted, int Inserted);

    private static readonly Gen<Edit> Edits =
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, 12], Gen.Int[0, Insertions.Length - 1]).Select((where, deleted, inserted) => new Edit(where, deleted, inserted));

    [Fact]
    public void After_every_edit_the_rescan_around_it_equals_a_scan_of_the_whole_text()
    {
        int edits = 0, rescanned = 0;
        Gen.Select(Notes, Edits.Array[1, 12]).Sample((note, sequence) =>
        {
            var text = note;
            var scan = MarkdownScanner.Scan("notes.md", text, out var blocks);
            foreach (var edit in sequence)
            {
                var at = (int)(edit.Where * text.Length);
                var next = text.Remove(at, Math.Min(edit.Deleted, text.Length - at)).Insert(at, Insertions[edit.Inserted]);
                var whole = MarkdownScanner.Scan("notes.md", next, out var wholeBlocks);
                var part = blocks is null ? null : MarkdownRescan.Rescan("notes.md", text, scan, blocks, next);
                Interlocked.Increment(ref edits);
                if (part is var (partScan, partBlocks))
                {
                    Interlocked.Increment(ref rescanned);
                    AssertSame(whole, partScan);
                    Assert.NotNull(wholeBlocks);
                    Assert.Equal(wholeBlocks.Starts, partBlocks.Starts);
                    Assert.Equal(wholeBlocks.Ends, partBlocks.Ends);
                    Assert.Equal(wholeBlocks.Definitions, partBlocks.Definitions);
                    (scan, blocks) = (partScan, partBlocks);
                }
                else (scan, blocks) = (whole, wholeBlocks);
                text = next;
            }
        }, iter: 5000);
        // Footnotes, definitions used near the edit and edits at the top are scanned whole; the rest in part,
        // else the comparison above would prove little.
        Assert.True(rescanned * 4 > edits, $"only {rescanned} of {edits} edits were rescanned in part");
    }

    [Fact]
    public void An_edited_open_document_is_scanned_as_a_new_one_would_be()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => $"Paragraph {i} cites arXiv:2312.{i:D5}.\n\n"));
        var open = Index.IndexedDocument.FromText("/ws/notes.md", text, 1);
        var edited = text.Insert(text.IndexOf("Paragraph 100", StringComparison.Ordinal), "See arXiv:1706.03762 first. ");

        var scanned = open.Edited(edited, 2);

        AssertSame(DocumentScanner.Scan("/ws/notes.md", edited), scanned.Scan);
        Assert.Equal(201, scanned.Scan.Citations.Count);
        Assert.Equal((edited, 2), (scanned.Text, scanned.Version));
    }

    private static void AssertSame(ScannedDocument expected, ScannedDocument actual)
    {
        Assert.Equal(expected.Citations, actual.Citations);
        Assert.Equal(expected.BibEntries.Select(Comparable), actual.BibEntries.Select(Comparable));
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.Bibliographies, actual.Bibliographies);
        Assert.Equal(expected.Ignores.Select(i => (i.Covers, string.Join(",", i.Codes), i.CodesEnd)), actual.Ignores.Select(i => (i.Covers, string.Join(",", i.Codes), i.CodesEnd)));
        Assert.Equal(expected.Comments.Style, actual.Comments.Style);
        Assert.Equal(expected.Comments.Stretches, actual.Comments.Stretches);
    }

    private static string Comparable(BibEntry entry) =>
        $"{entry.Key} {entry.EntryType} {entry.Span} {entry.KeySpan} {entry.Id} {entry.Version} {string.Join(";", entry.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))}";
}
