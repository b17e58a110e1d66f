using CsCheck;
using PaperLens.Core.Features;

namespace PaperLens.Core.Tests.Features;

/// <summary>The one Markdown writer: what it writes is rendered by Markdig and read back. Plain text
/// stays plain (untrusted markup is literal wherever it lands), and gets no backslash that its place
/// does not need (a backslash that escapes nothing is shown).</summary>
public sealed class MarkdownWriterTests
{
    private const string Url = "https://arxiv.org/abs/2312.00752";
    private const string Hostile = "*Bold* [x](javascript:alert(1)) <img src=x>";

    public static TheoryData<string> Ordinary => new()
    {
        "2312.00752",
        "10.48550/arXiv.2312.00752",
        "v2 of May 31, 2024 (later versions unknown)",
        "3D Gaussian Splatting for Real-Time Radiance Field Rendering",
        "1.58-bit LLMs",
        "C# and F# - two languages + one #1 = 3",
        "A. Gu and T. Dao",
        "cs.LG cs.AI",
        "Published: Proc. ICML 2024, pp. 1-12 (oral)",
        "O(n log n) {sic} $x$ 50% R&D & more",
    };

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Text_after_other_text_is_written_as_it_is(string text)
    {
        var markdown = new MarkdownWriter().Text("DOI: ").Text(text).ToString();

        Assert.Equal("DOI: " + text, markdown);
        Assert.Equal("DOI: " + text, RenderedMarkdown.Plain(markdown));
    }

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Ordinary_text_at_a_line_start_and_in_strong_and_links_shows_no_backslash(string text)
    {
        foreach (var markdown in new[]
        {
            new MarkdownWriter().Text(text).ToString(),
            new MarkdownWriter().Quote().Text(text).ToString(),
            new MarkdownWriter().Strong(text).Text(" is not in the local catalog yet.").ToString(),
            new MarkdownWriter().Heading(3).Link(text, Url).ToString(),
            new MarkdownWriter().Strong("Title").LineBreak().Text(text).ToString(),
        })
        {
            Assert.Contains(text, RenderedMarkdown.Plain(markdown));
            Assert.DoesNotContain('\\', RenderedMarkdown.Plain(markdown));
        }
    }

    [Theory]
    [InlineData("1. Introduction")]
    [InlineData("2) Results")]
    [InlineData("# Not a heading")]
    [InlineData("- not a list")]
    [InlineData("+ not a list")]
    [InlineData("* not a list")]
    [InlineData("> not a quote")]
    [InlineData("===")]
    [InlineData("---")]
    [InlineData("___")]
    [InlineData("```")]
    [InlineData("~~~")]
    [InlineData("    not code")]
    [InlineData("<div>not html</div>")]
    [InlineData("| a | b |")]
    [InlineData("[ ] not a task")]
    public void Block_syntax_at_a_line_start_stays_text(string text)
    {
        // After a hard break the text is a line of the paragraph: a setext underline or a list could
        // still take it.
        var afterBreak = new MarkdownWriter().Strong("Title").LineBreak().Text(text).ToString();
        var alone = new MarkdownWriter().Text(text).ToString();

        Assert.Equal(["p", "strong", "/strong", "br /", "/p"], RenderedMarkdown.Tags(afterBreak));
        Assert.Equal("Title " + text.Trim(), RenderedMarkdown.Plain(afterBreak));
        Assert.Equal(["p", "/p"], RenderedMarkdown.Tags(alone));
        Assert.Equal(text.Trim(), RenderedMarkdown.Plain(alone));
    }

    [Fact]
    public void Untrusted_markup_is_literal_at_a_line_start_inline_in_links_strong_headings_and_quotes()
    {
        var markdown = new MarkdownWriter()
            .Heading(3).Link(Hostile, Url).EndBlock()
            .Heading(1).Text(Hostile).EndBlock()
            .Text(Hostile).EndBlock()
            .Text("Published: ").Text(Hostile).EndBlock()
            .Strong(Hostile).LineBreak().Text(Hostile).EndBlock()
            .Quote().Text(Hostile).EndBlock()
            .Emphasis(Hostile)
            .ToString();

        Assert.Equal(
            ["h3", "a href=\"https://arxiv.org/abs/2312.00752\"", "/a", "/h3", "h1", "/h1", "p", "/p", "p", "/p",
             "p", "strong", "/strong", "br /", "/p", "blockquote", "p", "/p", "/blockquote", "p", "em", "/em", "/p"],
            RenderedMarkdown.Tags(markdown));
        Assert.Equal(string.Join(" ", Hostile, Hostile, Hostile, "Published: " + Hostile, Hostile, Hostile, Hostile, Hostile), RenderedMarkdown.Plain(markdown));
    }

    [Theory]
    [InlineData("`code` ~~struck~~ ~sub~ **strong** __strong__ _em_")]
    [InlineData("https://evil.example/x and www.evil.example and <https://evil.example>")]
    [InlineData("command:workbench.action.quit [run](command:workbench.action.quit)")]
    [InlineData("![image](https://evil.example/x.png) [ref][1] [^1] [x]: https://evil.example")]
    [InlineData("&amp; &#42; &copy; &#x2A; &Dagger;")]
    [InlineData("a | b\\")]
    [InlineData("trailing backslash\\")]
    public void Other_inline_markup_stays_literal(string text)
    {
        foreach (var markdown in new[] { new MarkdownWriter().Text(text).ToString(), new MarkdownWriter().Text("See ").Text(text).ToString() })
        {
            Assert.Equal(["p", "/p"], RenderedMarkdown.Tags(markdown));
            Assert.EndsWith(text, RenderedMarkdown.Plain(markdown));
        }
    }

    [Fact]
    public void Text_ending_in_an_exclamation_mark_does_not_make_the_next_link_an_image()
    {
        var markdown = new MarkdownWriter().Text("Wow!").Link("abs", Url).ToString();

        Assert.Equal(["p", $"a href=\"{Url}\"", "/a", "/p"], RenderedMarkdown.Tags(markdown));
        Assert.Equal("Wow!abs", RenderedMarkdown.Plain(markdown));
    }

    [Theory]
    [InlineData("Programming in C #")]
    [InlineData("Ranking ##")]
    [InlineData("#")]
    public void A_heading_keeps_a_trailing_run_of_hashes(string text)
    {
        var markdown = new MarkdownWriter().Heading(1).Text(text).ToString();

        Assert.Equal(["h1", "/h1"], RenderedMarkdown.Tags(markdown));
        Assert.Equal(text, RenderedMarkdown.Plain(markdown));
    }

    [Fact]
    public void Heading_text_is_inline_text()
    {
        Assert.Equal("# 1. Introduction", new MarkdownWriter().Heading(1).Text("1. Introduction").ToString());
    }

    [Theory]
    [InlineData('"', "He said \"no\" to *this* \\ & that")]
    [InlineData('\'', "Don't (or do)")]
    [InlineData(')', "Trees (and forests)")]
    public void Quoted_text_cannot_end_a_link_title(char closing, string title)
    {
        var opening = closing == ')' ? '(' : closing;
        var markdown = $"[x]({Url} {opening}{new MarkdownWriter(atLineStart: false).QuotedText(title, closing)}{closing})";

        Assert.Contains($"title=\"{System.Net.WebUtility.HtmlEncode(title).Replace("&#39;", "'", StringComparison.Ordinal)}\"", RenderedMarkdown.Html(markdown));
    }

    [Fact]
    public void Link_destinations_are_http_and_cannot_be_left()
    {
        var markdown = new MarkdownWriter().Link("x", "https://example.org/a b(c)<d>\\e").Text(" · ").Autolink("https://example.org/a b").ToString();

        Assert.Equal(
            ["p", "a href=\"https://example.org/a%20b%28c%29%3Cd%3E%5Ce\"", "/a", "a href=\"https://example.org/a%20b\"", "/a", "/p"],
            RenderedMarkdown.Tags(markdown));
        Assert.Throws<ArgumentException>(() => new MarkdownWriter().Link("x", "javascript:alert(1)"));
        Assert.Throws<ArgumentException>(() => new MarkdownWriter().Autolink("command:workbench.action.quit"));
    }

    [Fact]
    public void Breaks_are_written_between_blocks_never_at_the_end()
    {
        var markdown = new MarkdownWriter().Text("a").LineBreak().Text("b").EndBlock().LineBreak().Text("c").EndBlock().ToString();

        Assert.Equal("a  \nb\n\nc", markdown);
    }

    // Markup characters, digits and the letters of "www", in any order: whatever the writer is given,
    // at a line start, after text, in strong text, link text or a heading, the rendering shows exactly
    // that text (white space collapsed) and no markup of its own.
    private static readonly Gen<string> MarkupSoup =
        Gen.Char["*_[]()<>!#-+=.:/\\`~|&;{}$\"' \t\n1)aw"].Array[0, 24].Select(chars => new string(chars));

    [Fact]
    public void Any_text_renders_as_itself()
    {
        MarkupSoup.Sample(text =>
        {
            var expected = string.Join(' ', text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
            if (expected.Length == 0) return;
            Assert.Equal(["p", "/p"], RenderedMarkdown.Tags(new MarkdownWriter().Text(text).ToString()));
            Assert.Equal(expected, RenderedMarkdown.Plain(new MarkdownWriter().Text(text).ToString()));
            Assert.Equal(["p", "/p"], RenderedMarkdown.Tags(new MarkdownWriter().Text("See ").Text(text).ToString()));
            Assert.Equal("See " + expected, RenderedMarkdown.Plain(new MarkdownWriter().Text("See ").Text(text).ToString()));
            Assert.Equal(["p", "strong", "/strong", "/p"], RenderedMarkdown.Tags(new MarkdownWriter().Strong(text).ToString()));
            Assert.Equal(expected, RenderedMarkdown.Plain(new MarkdownWriter().Strong(text).ToString()));
            Assert.Equal(["p", $"a href=\"{Url}\"", "/a", "/p"], RenderedMarkdown.Tags(new MarkdownWriter().Link(text, Url).ToString()));
            Assert.Equal(["h2", "/h2"], RenderedMarkdown.Tags(new MarkdownWriter().Heading(2).Text(text).ToString()));
            Assert.Equal(expected, RenderedMarkdown.Plain(new MarkdownWriter().Heading(2).Text(text).ToString()));
        });
    }
}
