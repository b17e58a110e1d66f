using System.Text;
using CsCheck;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;

namespace PaperLens.Core.Tests;

/// <summary>The byte-level pre-filter of the workspace scan: a file whose bytes hold none of its scanner's
/// markers is not decoded, and that must change nothing: the scanner would have found nothing in it.</summary>
public class Utf8MarkersTests
{
    private static readonly string[] Paths = ["README.md", "paper.qmd", "model.py", "kernel.cu", "query.sql", "fit.m", "refs.bib", "Makefile"];

    // Text near every marker without being one (split by a line break, a space, an escape, a look-alike
    // letter), the syntax each scanner reads, and paperlens-ignore comments, which alone cite nothing.
    private static readonly string[] NearMisses =
    [
        "arX\niv:2312.00752", "ar xiv", "arxi", "rxiv", "ar5i", "r5iv", "alphax", "lphaxiv", "huggingface.co/paper", "hf.co/ papers",
        "hf .co/papers", "10.4855", "0.48550", "10,48550/", "ar\u0445iv", "arχiv", "ARXİV", "ar&#120;iv", "ar\\u0078iv", "arx\u00ADiv",
        "# ", "// ", "/* ", "*/", "-- ", "% ", "\"\"\"", "'''", "\"", "'", "\n", "\r\n", "\t", "<!-- ", " -->", "```bibtex\n", "```\n",
        "[", "](", ")", "<a href=\"https://example.org/abs/1706.03762\">", "</a>", "{", "}", "=", ",", "2312.00752", "1706.03762v2",
        "paperlens-ignore", "paperlens-ignore PL001", "# paperlens-ignore: PL003\n", "% paperlens-ignore\n", "eprint = {2312.00752}",
        "archivePrefix = {arXiv-like}", "x", "5", "/", "X", "é", "\uFFFD", "\uFEFF", "\u0131", "\u017F", "\u212A",
    ];

    private static readonly string[] Markers =
    [
        "arXiv:2312.00752", "https://arxiv.org/abs/1706.03762", "ar5iv.labs.arxiv.org/html/1706.03762", "alphaxiv.org/abs/2312.00752",
        "huggingface.co/papers/2312.00752", "HF.CO/PAPERS/2312.00752", "10.48550/arXiv.2404.16789", "@", "@article{k, eprint={2312.00752}}",
    ];

    private static readonly Gen<string> Soup =
        Gen.Frequency((20, Gen.Int[0, NearMisses.Length - 1].Select(i => NearMisses[i])), (1, Gen.Int[0, Markers.Length - 1].Select(i => Markers[i])))
            .Array[0, 40].Select(parts => string.Concat(parts));

    [Fact]
    public void A_file_without_its_scanners_markers_scans_to_exactly_the_unmarked_document()
    {
        var unmarked = 0;
        var marked = 0;
        Gen.Select(Gen.Int[0, Paths.Length - 1], Soup, Gen.Bool).Sample((p, text, bom) =>
        {
            var path = Paths[p];
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bom) bytes = [.. Encoding.UTF8.Preamble, .. bytes];
            var markers = DocumentScanner.MarkersOf(path)!;
            var scanned = DocumentScanner.Scan(path, Encoding.UTF8.GetString(bytes.AsSpan(bom ? 3 : 0)));
            if (markers.In(bytes))
            {
                Interlocked.Increment(ref marked);
                return;
            }
            Interlocked.Increment(ref unmarked);
            Assert.Equal(Shape(DocumentScanner.Unmarked(path)), Shape(scanned));
        }, iter: 20_000);
        // Both sides were exercised: the property is about unmarked files, and the soup makes plenty.
        Assert.InRange(unmarked, 5_000, 20_000);
        Assert.InRange(marked, 1_000, 20_000);
    }

    [Fact]
    public void Every_letter_case_the_scanners_accept_is_found_in_the_bytes()
    {
        // The scanners ignore case ordinally over UTF-16; the bytes are searched ignoring ASCII case only. They
        // agree as long as no character outside ASCII is an ordinal case variant of a marker's letter: try
        // every character of the basic plane in every position of every marker.
        var markers = new Utf8Markers(TextCitationFinder.MarkerWords, []);
        foreach (var word in TextCitationFinder.MarkerWords)
        {
            for (var i = 0; i < word.Length; i++)
            {
                for (var c = 0x80; c <= 0xFFFF; c++)
                {
                    if (char.IsSurrogate((char)c)) continue;
                    var variant = string.Concat(word.AsSpan(0, i), ((char)c).ToString(), word.AsSpan(i + 1));
                    var scannersFind = variant.AsSpan().IndexOfAny(TextCitationFinder.Markers) >= 0;
                    Assert.True(scannersFind == markers.In(Encoding.UTF8.GetBytes(variant)), $"U+{c:X4} in {word} at {i}");
                }
            }
        }
    }

    [Theory]
    [InlineData("arxiv")]
    [InlineData("ARXIV tail")]
    [InlineData("head hf.co/papers")]
    [InlineData("x Hf.Co/Papers")]
    [InlineData("10.48550")]
    [InlineData("see ALPHAXIV")]
    [InlineData("Ar5Iv")]
    public void Finds_a_marker_in_any_ascii_case_at_either_end_of_the_bytes(string text) =>
        Assert.True(new Utf8Markers(TextCitationFinder.MarkerWords, []).In(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("")]
    [InlineData("arxi")]
    [InlineData("rxiv")]
    [InlineData("hf.co/paper")]
    [InlineData("f.co/papers")]
    [InlineData("1048550")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public void Finds_nothing_in_a_word_that_is_only_near_a_marker(string text) =>
        Assert.False(new Utf8Markers(TextCitationFinder.MarkerWords, []).In(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void An_exact_case_word_is_found_only_as_written()
    {
        var markers = new Utf8Markers([], [IgnoreComments.Keyword]);
        Assert.True(markers.In("% paperlens-ignore\n"u8));
        Assert.False(markers.In("% PaperLens-Ignore\n"u8));
    }

    [Theory]
    [InlineData("model.py")]
    [InlineData("README.md")]
    public void A_file_whose_only_marker_word_is_an_ignore_comment_is_unmarked_outside_bibtex(string path)
    {
        var text = "# paperlens-ignore PL003\n<!-- paperlens-ignore -->\n";
        Assert.False(DocumentScanner.MarkersOf(path)!.In(Encoding.UTF8.GetBytes(text)));
        Assert.Empty(DocumentScanner.Scan(path, text).Ignores);
    }

    [Fact]
    public void A_bib_file_whose_only_marker_is_an_ignore_comment_is_read_for_it()
    {
        const string text = "% paperlens-ignore PL011\n";
        Assert.True(DocumentScanner.MarkersOf("refs.bib")!.In(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(["PL011"], Assert.Single(DocumentScanner.Scan("refs.bib", text).Ignores).Codes);
    }

    [Theory]
    [InlineData("notebook.ipynb")]
    [InlineData("paper.tex")]
    public void Notebooks_and_latex_are_always_read_whole(string path) => Assert.Null(DocumentScanner.MarkersOf(path));

    /// <summary>Everything a scan yields, as text: records print their values, lists only their type.</summary>
    internal static string Shape(ScannedDocument document) => string.Join("\n",
    [
        document.Path,
        .. document.Citations.Select(c => c.ToString()),
        .. document.BibEntries.Select(e => $"{e with { Fields = new Dictionary<string, string>() }} {string.Join(",", e.Fields.Select(f => $"{f.Key}={f.Value}"))}"),
        .. document.Problems.Select(p => p.ToString()),
        .. document.Bibliographies,
        .. document.Ignores.Select(i => $"{i.Covers} {string.Join(",", i.Codes)} {i.CodesEnd}"),
        $"{document.Comments.Style} {string.Join(",", document.Comments.Stretches)}",
    ]);
}
