using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Code;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Code;

/// <summary>Spec §3, source code: only comments and docstrings are searched; a URL in a string literal
/// is not a citation.</summary>
public class CodeScannerTests
{
    [Theory]
    [InlineData("python", "x = 1  # see arXiv:«2312.00752»")]
    [InlineData("python", "def f():\n    \"\"\"Uses arXiv:«2312.00752».\"\"\"\n    return 1")]
    [InlineData("python", "def f():\n    'single-quoted docstring, arXiv:«2312.00752»'\n")]
    [InlineData("python", "\"\"\"\nModule docstring\n\nhttps://arxiv.org/abs/«1706.03762»\n\"\"\"")]
    [InlineData("python", "class A:\n    rb'''prefixed arXiv:«1706.03762»'''  # and arXiv:«2312.00752»")]
    [InlineData("c", "/* arXiv:«1706.03762» */")]
    [InlineData("c", "int x; /* unterminated arXiv:«1706.03762»")]
    [InlineData("c", "char q = '\"'; // arXiv:«1706.03762»")]
    [InlineData("js", "const a = 'it\\'s'; // arXiv:«1706.03762»")]
    [InlineData("rust", "fn f<'a>(x: &'a str) {} // arXiv:«1706.03762»")]
    [InlineData("lua", "--[[ https://arxiv.org/abs/«2312.00752» ]]")]
    [InlineData("sql", "SELECT 1; -- arXiv:«2312.00752»")]
    [InlineData("haskell", "{- arXiv:«2312.00752» -}")]
    [InlineData("matlab", "x = 1; % arXiv:«2312.00752»")]
    [InlineData("latex", "text % arXiv:«2312.00752»")]
    [InlineData("latex", "a line break \\\\% arXiv:«2312.00752»")]
    [InlineData("yaml", "key: value # arXiv:«2312.00752»")]
    [InlineData("bash", "echo hi # arXiv:«2312.00752»")]
    [InlineData("python", "# https://hf.co/papers/«2312.00752»\ndef f():\n    \"\"\"Wrapped (arXiv:\n    «1706.03762»).\"\"\"")]
    public void Finds_citations_in_comments_and_docstrings(string language, string marked)
    {
        var fixture = Fixture.Parse(marked);
        Assert.Equal(fixture.Ranges, Scan(language, fixture.Text).Select(c => c.Span));
    }

    [Theory]
    [InlineData("python", "url = \"https://arxiv.org/abs/1706.03762\"")]
    [InlineData("python", "s = \"# arXiv:2312.00752\"")]
    [InlineData("python", "call(\n    \"arXiv:2312.00752\",\n)")]
    [InlineData("python", "urls = [\n    \"https://arxiv.org/abs/2312.00752\"\n]")]
    [InlineData("python", "x = \"\"\"\narXiv:2312.00752\n\"\"\"")]
    [InlineData("python", "# version 1706.03762 of the package")]
    [InlineData("js", "const s = \"// arXiv:1706.03762\";")]
    [InlineData("js", "const s = `/* arXiv:1706.03762 */`;")]
    [InlineData("c", "puts(\"/* arXiv:1706.03762 */\");")]
    [InlineData("go", "var s = `\n// arXiv:1706.03762\n`")]
    [InlineData("rust", "let s = r#\"// \"arXiv:1706.03762\"#;")]
    [InlineData("csharp", "var s = @\"\"\" // arXiv:1706.03762\";")]
    [InlineData("latex", "50\\% arXiv:1706.03762")]
    [InlineData("latex", "prose cites arXiv:1706.03762 outside comments")]
    [InlineData("matlab", "s = 'it''s % arXiv:1706.03762';")]
    [InlineData("sql", "SELECT '-- arXiv:1706.03762';")]
    [InlineData("lua", "local s = [==[ -- arXiv:1706.03762 ]==]")]
    [InlineData("bash", "echo a#arXiv:1706.03762")]
    [InlineData("yaml", "url: 'https://arxiv.org/abs/1706.03762'")]
    [InlineData("python", "PAPER = \"https://hf.co/papers/2312.00752\"  # the paper")]
    [InlineData("js", "const u = 'https://browse.arxiv.org/abs/1706.03762';")]
    public void Ignores_string_literals_and_code(string language, string text) =>
        Assert.Empty(Scan(language, text));

    [Theory]
    [InlineData("python", "# \"«Attention Is All You Need»\" (arXiv:1706.03762)")]
    [InlineData("c", "// Gu, A., & Dao, T. (2023). «Mamba: Linear-Time Sequence Modeling with Selective State Spaces». arXiv:2312.00752")]
    [InlineData("python", "def f():\n    \"\"\"\n    \"«Attention Is All You Need»\" (arXiv:1706.03762)\n    \"\"\"")]
    public void Reads_title_claims_in_comments(string language, string marked)
    {
        var fixture = Fixture.Parse(marked);
        var claim = Assert.Single(Scan(language, fixture.Text)).Claim;
        Assert.NotNull(claim);
        Assert.Equal(ClaimKind.Title, claim.Kind);
        Assert.Equal(fixture.Ranges[0], claim.Span);
    }

    [Fact]
    public void Reads_only_the_given_range_and_reports_offsets_into_the_whole_text()
    {
        // A Markdown code block: the prose around it is not this scanner's business.
        var fixture = Fixture.Parse("See arXiv:1706.03762.\n```python\nx = 1  # arXiv:«2312.00752»\n```\n# arXiv:2106.09685\n");
        var start = fixture.Text.IndexOf("x = 1", StringComparison.Ordinal);
        var end = fixture.Text.IndexOf("```\n#", StringComparison.Ordinal);

        var citation = Assert.Single(CodeScanner.Scan(fixture.Text, start, end, SourceLanguages.Python).Citations);

        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.Equal("2312.00752", citation.Id?.Canonical);
    }

    [Fact]
    public void A_comment_cut_by_the_range_end_stops_there()
    {
        var text = "/* arXiv:2312.00752 */";
        Assert.Empty(CodeScanner.Scan(text, 0, text.IndexOf("2312", StringComparison.Ordinal) + 4, SourceLanguages.C).Citations);
    }

    [Fact]
    public void Keeps_a_malformed_id_in_a_comment_for_PL001()
    {
        var fixture = Fixture.Parse("// arXiv:«2313.00752»");
        var citation = Assert.Single(Scan("c", fixture.Text));
        Assert.Equal(fixture.Ranges[0], citation.Span);
        Assert.True(citation.IsMalformed);
    }

    [Theory]
    [InlineData("python", "s = \"unterminated # arXiv:2312.00752\n# arXiv:«1706.03762»")]
    [InlineData("c", "char *s = \"unterminated // arXiv:2312.00752\n// arXiv:«1706.03762»")]
    [InlineData("js", "const s = 'unterminated // arXiv:2312.00752\n// arXiv:«1706.03762»")]
    public void An_unterminated_one_line_string_ends_at_its_line(string language, string marked)
    {
        var fixture = Fixture.Parse(marked);
        Assert.Equal(fixture.Ranges, Scan(language, fixture.Text).Select(c => c.Span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("arXiv:2312.00752")]
    public void Out_of_range_bounds_are_clamped(string text)
    {
        Assert.Empty(CodeScanner.Scan(text, -5, text.Length + 10, SourceLanguages.Python).Citations);
        Assert.Empty(CodeScanner.Scan(text, text.Length + 3, 1, SourceLanguages.Python).Citations);
    }

    private static List<Citation> Scan(string language, string text)
    {
        var lang = SourceLanguages.FromName(language) ?? throw new ArgumentException(language);
        return CodeScanner.Scan(text, 0, text.Length, lang).Citations.ToList();
    }
}
