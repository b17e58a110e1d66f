using System.Runtime.CompilerServices;
using CsCheck;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Notebook;

namespace PaperLens.Core.Tests.Notebook;

/// <summary>Spec §3, Jupyter notebooks: markdown cells as Markdown, code cells as the notebook's language,
/// ranges into the .ipynb text itself (through JSON escapes and array sources) with the cell index.</summary>
public class NotebookScannerTests
{
    private static Fixture ReadFixture(string name, [CallerFilePath] string thisFile = "") =>
        Fixture.Parse(File.ReadAllText(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "fixtures", "notebook", name))));

    [Fact]
    public void Finds_citations_of_markdown_and_code_cells_at_their_place_in_the_notebook_text()
    {
        var fixture = ReadFixture("mamba-notes.ipynb");
        var document = NotebookScanner.Scan("mamba-notes.ipynb", fixture.Text);
        Assert.Equal(fixture.Ranges, document.Citations.Select(c => c.Span));
        Assert.Equal([0, 0, 1, 3], document.Citations.Select(c => c.Cell));
        Assert.Equal([2, 3, 1, 1], document.Citations.Select(c => c.CellLine));
        Assert.Equal(["2312.00752", "1706.03762v7", "2111.00396", "2312.00752v2"], document.Citations.Select(c => fixture.Slice(c.Span)));
        Assert.All(document.Citations, c => Assert.Equal(c.RawText, fixture.Slice(c.Span)));
    }

    [Fact]
    public void Keeps_claims_with_their_decoded_text_and_notebook_range()
    {
        var fixture = ReadFixture("mamba-notes.ipynb");
        var citations = NotebookScanner.Scan("mamba-notes.ipynb", fixture.Text).Citations;
        var mamba = citations[0].Claim;
        Assert.Equal(ClaimKind.Title, mamba?.Kind);
        Assert.Equal("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", mamba?.Text);
        Assert.Equal("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", fixture.Slice(mamba!.Span));
        Assert.Equal(new Claim("Transformer", ClaimKind.Name, citations[1].Claim!.Span), citations[1].Claim);
        Assert.Equal("Transformer", fixture.Slice(citations[1].Claim!.Span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"arXiv:2312.00752")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"cells\": {\"a\": 1}}")]
    [InlineData("{\"cells\": [1, \"x\", {\"cell_type\": 3, \"source\": 4}]}")]
    public void A_malformed_notebook_gives_an_empty_result(string text) =>
        Assert.Empty(NotebookScanner.Scan("broken.ipynb", text).Citations);

    [Fact]
    public void A_string_source_with_escapes_maps_to_the_raw_id()
    {
        var fixture = Fixture.Parse("{\"cells\":[{\"cell_type\":\"markdown\",\"source\":\"\\\"\\u00e9\\\\\\n\\ud83d\\ude00 arXiv:«1706.03762»\"}]}");
        var citation = Assert.Single(NotebookScanner.Scan("n.ipynb", fixture.Text).Citations);
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Equal((0, 1), (citation.Cell, citation.CellLine));
    }

    [Fact]
    public void The_extent_of_a_citation_maps_to_the_notebook_text_too()
    {
        var fixture = Fixture.Parse("{\"cells\":[{\"cell_type\":\"markdown\",\"source\":[\"# Notes\\n\", \"see «https://hf.co/papers/1706.03762»\"]}]}");
        Assert.Equal(fixture.Ranges[0], Assert.Single(NotebookScanner.Scan("n.ipynb", fixture.Text).Citations).Extent);
    }

    [Fact]
    public void Reads_a_notebook_that_starts_with_a_byte_order_mark()
    {
        var fixture = Fixture.Parse("\uFEFF{\"cells\":[{\"cell_type\":\"markdown\",\"source\":[\"\\u00e9t\\u00e9\\n\", \"arXiv:«1706.03762»\"]}]}");
        Assert.Equal(fixture.Ranges[0], Assert.Single(NotebookScanner.Scan("n.ipynb", fixture.Text).Citations).Span);
    }

    [Theory]
    [InlineData("{\"metadata\":{\"kernelspec\":{\"language\":\"R\"}},\"cells\":[{\"cell_type\":\"code\",\"source\":\"# arXiv:«1706.03762»\\nx <- 1\"}]}")]
    [InlineData("{\"cells\":[{\"cell_type\":\"code\",\"source\":\"// arXiv:«1706.03762»\"}],\"metadata\":{\"language_info\":{\"name\":\"c++\"}}}")]
    [InlineData("{\"cells\":[{\"cell_type\":\"code\",\"source\":[\"s = 'arXiv:2312.00752'\\n\", \"# arXiv:«1706.03762»\"]}]}")]
    public void Reads_code_cells_in_the_notebook_language_python_by_default(string marked)
    {
        var fixture = Fixture.Parse(marked);
        Assert.Equal(fixture.Ranges, NotebookScanner.Scan("n.ipynb", fixture.Text).Citations.Select(c => c.Span));
    }

    [Fact]
    public void A_code_cell_of_an_unknown_language_is_not_read() =>
        Assert.Empty(NotebookScanner.Scan("n.ipynb",
            "{\"metadata\":{\"kernelspec\":{\"language\":\"no-such-language\"}},\"cells\":[{\"cell_type\":\"code\",\"source\":\"# arXiv:1706.03762\"}]}").Citations);

    [Fact]
    public void Never_throws_and_keeps_ranges_inside_the_text() =>
        Gen.OneOf(
                Gen.String,
                Gen.String.Array[0, 5].Select(parts =>
                    "{\"cells\":[" + string.Join(",", parts.Select((p, i) =>
                        $"{{\"cell_type\":\"{(i % 2 == 0 ? "markdown" : "code")}\",\"source\":{System.Text.Json.JsonSerializer.Serialize(p + " arXiv:2312.00752 [x](https://arxiv.org/abs/1706.03762)")}}}")) + "]}"))
            .Sample(text =>
            {
                foreach (var citation in NotebookScanner.Scan("n.ipynb", text).Citations)
                {
                    Assert.InRange(citation.Span.End, citation.Span.Start, text.Length);
                    // Ids never hold a JSON escape; a pandoc key may (@a<b is written @a\u003Cb).
                    if (citation.Form != CitationForm.CiteKey)
                        Assert.Equal(citation.RawText, text.Substring(citation.Span.Start, citation.Span.Length));
                }
            }, iter: 2000);
}
