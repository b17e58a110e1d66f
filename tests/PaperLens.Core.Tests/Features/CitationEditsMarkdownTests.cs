using PaperLens.Core.Catalog;
using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning;

namespace PaperLens.Core.Tests.Features;

/// <summary>The Markdown that code actions write into a document (a corrected title claim, a bare id
/// made a link) is escaped for where it lands: applied and rendered, the title reads as itself, in
/// link text, in a link title and in prose, and adds no markup.</summary>
public sealed class CitationEditsMarkdownTests
{
    private const string Title = "3D Gaussian *Splatting*: \"Real-Time\" <b>Rendering</b> (of [x](javascript:alert(1)))";
    private const string Url = "https://arxiv.org/abs/2312.00752";

    private sealed class OnePaper : IPaperSource
    {
        public PaperRecord? Find(ArxivId id) => id.Canonical == "2312.00752"
            ? new PaperRecord { Id = id, Title = Title, Authors = "Bernhard Kerbl", Versions = [new PaperVersion(1, null)] }
            : null;

        public bool IsConfirmedMiss(ArxivId id) => false;
    }

    private static string Applied(string text, string editTitle)
    {
        var document = DocumentScanner.Scan("notes.md", text);
        var citation = document.Citations.Single();
        var papers = new OnePaper();
        // A fix resolves the check's finding at the citation, as the analysis hands it over.
        var findings = Checker.Check([document], papers, RuleSettings.Default).Where(f => f.Span == citation.Span).ToList();
        var edit = new CitationEdits("notes.md", text, papers).For(citation, findings).Single(e => e.Title.StartsWith(editTitle, StringComparison.Ordinal));
        return text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..];
    }

    [Fact]
    public void A_wrong_link_text_becomes_the_title_as_link_text()
    {
        var fixedText = Applied($"See [Attention Is All You Need]({Url}).\n", "Change the title");

        Assert.Equal(["p", $"a href=\"{Url}\"", "/a", "/p"], RenderedMarkdown.Tags(fixedText));
        Assert.Equal($"See {Title}.", RenderedMarkdown.Plain(fixedText));
    }

    [Theory]
    [InlineData('"', '"')]
    [InlineData('\'', '\'')]
    [InlineData('(', ')')]
    public void A_wrong_link_title_becomes_the_title_as_link_title(char opening, char closing)
    {
        var fixedText = Applied($"See [the paper][m].\n\n[m]: {Url} {opening}Attention Is All You Need{closing}\n", "Change the title");

        Assert.Equal(["p", $"a href=\"{Url}\" title=\"{Title.Replace("\"", "&quot;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)}\"", "/a", "/p"],
            RenderedMarkdown.Tags(fixedText));
    }

    [Fact]
    public void A_bare_id_becomes_a_link_titled_with_the_title()
    {
        var fixedText = Applied("Wow!arXiv:2312.00752 is fast.\n", "Write as a link");

        Assert.Equal(["p", $"a href=\"{Url}\"", "/a", "/p"], RenderedMarkdown.Tags(fixedText));
        Assert.Equal($"Wow!{Title} is fast.", RenderedMarkdown.Plain(fixedText));
    }
}
