using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Completion;
using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Features;

/// <summary>The Markdown PaperLens shows for a paper, whole: the hover for a paper record, for a paper
/// the catalog lacks (each lookup state), for a malformed id and an unresolved key; the abstract
/// document; a completion item's documentation. Each is also rendered and read back: ids, DOIs,
/// version numbers and titles starting with digits show no backslash, untrusted markup stays text.</summary>
public sealed class PaperHoverTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ArxivId Mamba = ArxivIdParser.Parse("2312.00752").Id!;

    private static readonly PaperRecord Paper = new()
    {
        Id = Mamba,
        Title = "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
        Authors = "Albert Gu, Tri Dao",
        Abstract = "Foundation models are almost universally based on the Transformer architecture.",
        Comments = "10 pages, 3 figures",
        JournalRef = "1st Conference on Language Modeling (COLM 2024)",
        Doi = "10.48550/arXiv.2312.00752",
        Categories = ["cs.LG", "cs.AI"],
        Versions = [new PaperVersion(1, new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero)), new PaperVersion(2, new DateTimeOffset(2024, 5, 31, 0, 0, 0, TimeSpan.Zero))],
    };

    // A title as hostile as a catalog or a .bib may hold, starting with digits.
    private static readonly PaperRecord Hostile = new()
    {
        Id = Mamba,
        Title = "3D Gaussian Splatting: *Bold* [x](javascript:alert(1)) <img src=x>",
        Authors = "1. Kerbl, # Kopanas",
        Abstract = "- Radiance fields <script>alert(1)</script> & `code`.",
        VersionsComplete = false,
        Versions = [new PaperVersion(1, null)],
    };

    private static Citation Cited(string raw, ArxivId? id, int? version = null) =>
        new() { Span = new TextSpan(0, raw.Length), Form = CitationForm.Prefix, RawText = raw, Target = id is null ? CitationTarget.UnresolvedKey.Instance : new CitationTarget.Paper(id, version) };

    [Fact]
    public void Hover_for_a_paper_record()
    {
        var markdown = PaperHover.Render(new HoverContent.Paper(Paper, Cited("2312.00752v1", Mamba, 1), CitingPlaces: 2), Now);

        Expect.Equal(markdown, """
            ### [Mamba: Linear-Time Sequence Modeling with Selective State Spaces](https://arxiv.org/abs/2312.00752)

            A. Gu and T. Dao

            submitted Dec 1, 2023 · one year ago · latest v2 of May 31, 2024 · cites v1 · cs.LG cs.AI

            Published: 1st Conference on Language Modeling (COLM 2024)

            DOI: 10.48550/arXiv.2312.00752

            > Foundation models are almost universally based on the Transformer architecture.

            Cited in 2 places in this workspace · [abs](https://arxiv.org/abs/2312.00752) · [pdf](https://arxiv.org/pdf/2312.00752)
            """);
        AssertNoStrayBackslash(markdown);
    }

    [Fact]
    public void Hover_for_a_hostile_record_shows_its_text_literally()
    {
        var markdown = PaperHover.Render(new HoverContent.Paper(Hostile, Cited("2312.00752", Mamba), CitingPlaces: 1), Now);

        Expect.Equal(markdown, """
            ### [3D Gaussian Splatting: \*Bold\* \[x\](javascript:alert(1)) \<img src=x\>](https://arxiv.org/abs/2312.00752)

            1\. Kerbl and # Kopanas

            v1 (later versions unknown)

            > \- Radiance fields \<script\>alert(1)\</script\> & \`code\`.

            Cited in 1 place in this workspace · [abs](https://arxiv.org/abs/2312.00752) · [pdf](https://arxiv.org/pdf/2312.00752)
            """);
        Assert.Equal(
            ["h3", "a href=\"https://arxiv.org/abs/2312.00752\"", "/a", "/h3", "p", "/p", "p", "/p", "blockquote", "p", "/p", "/blockquote",
             "p", "a href=\"https://arxiv.org/abs/2312.00752\"", "/a", "a href=\"https://arxiv.org/pdf/2312.00752\"", "/a", "/p"],
            RenderedMarkdown.Tags(markdown));
        Assert.StartsWith(Hostile.Title + " 1. Kerbl and # Kopanas v1 (later versions unknown) " + Hostile.Abstract, RenderedMarkdown.Plain(markdown));
    }

    [Fact]
    public void Hover_for_a_missing_paper_in_each_lookup_state()
    {
        var hovers = Enum.GetValues<MissingPaper>().Select(state => (state, Markdown: PaperHover.Render(new HoverContent.UnknownPaper(Mamba, state, Cited("2312.00752", Mamba)), Now))).ToList();

        Expect.Equal(string.Join("\n\n", hovers.Select(h => $"// {h.state}\n{h.Markdown}")), """
            // NotLookedUp
            **2312.00752** is not in the local catalog yet.

            [abs](https://arxiv.org/abs/2312.00752)

            // LookingUp
            **2312.00752** is not in the local catalog yet.

            [abs](https://arxiv.org/abs/2312.00752)

            _Looking it up on arXiv…_

            // LookupFailed
            **2312.00752** is not in the local catalog yet.

            [abs](https://arxiv.org/abs/2312.00752)

            _The arXiv lookup failed; PaperLens will try again later._

            // Offline
            **2312.00752** is not in the local catalog yet.

            [abs](https://arxiv.org/abs/2312.00752)

            _Offline: PaperLens makes no arXiv requests._

            // NotOnArxiv
            **arXiv has no paper 2312.00752** (checked with the arXiv API).
            """);
        foreach (var (_, markdown) in hovers)
        {
            AssertNoStrayBackslash(markdown);
            Assert.Contains("2312.00752", RenderedMarkdown.Plain(markdown));
        }
    }

    [Fact]
    public void Hover_for_a_malformed_id_and_an_unresolved_key()
    {
        var malformed = PaperHover.Render(new HoverContent.Malformed(Cited("2313.00752", null) with { Target = new CitationTarget.Malformed("month 13 does not exist") }), Now);
        var key = PaperHover.Render(new HoverContent.UnresolvedKey(Cited("gu2023", null) with { Form = CitationForm.CiteKey }), Now);

        Expect.Equal(malformed, """
            **Malformed arXiv id** 2313.00752

            month 13 does not exist
            """);
        Expect.Equal(key, """
            Pandoc key @gu2023 matches no .bib entry.
            """);
        AssertNoStrayBackslash(malformed);
    }

    [Fact]
    public void Abstract_document()
    {
        var markdown = AbstractDocument.Render(Paper, Now);

        Expect.Equal(markdown, """
            # Mamba: Linear-Time Sequence Modeling with Selective State Spaces

            **arXiv:2312.00752** · <https://arxiv.org/abs/2312.00752> · <https://arxiv.org/pdf/2312.00752>

            **Authors:** Albert Gu, Tri Dao

            **Submitted:** Dec 1, 2023 (one year ago)  
            **v1:** Dec 1, 2023  
            **v2:** May 31, 2024  
            **Categories:** cs.LG, cs.AI  
            **Comments:** 10 pages, 3 figures  
            **Journal reference:** 1st Conference on Language Modeling (COLM 2024)  
            **DOI:** 10.48550/arXiv.2312.00752

            ## Abstract

            Foundation models are almost universally based on the Transformer architecture.

            """);
        AssertNoStrayBackslash(markdown);
    }

    [Fact]
    public void Abstract_document_of_a_hostile_record()
    {
        var markdown = AbstractDocument.Render(Hostile, Now);

        Assert.Equal(
            ["h1", "/h1", "p", "strong", "/strong", "a href=\"https://arxiv.org/abs/2312.00752\"", "/a", "a href=\"https://arxiv.org/pdf/2312.00752\"", "/a", "/p",
             "p", "strong", "/strong", "/p", "p", "strong", "/strong", "br /", "/p", "h2", "/h2", "p", "/p"],
            RenderedMarkdown.Tags(markdown));
        Assert.StartsWith(Hostile.Title + " arXiv:2312.00752", RenderedMarkdown.Plain(markdown));
        Assert.EndsWith("Abstract " + Hostile.Abstract, RenderedMarkdown.Plain(markdown));
    }

    [Fact]
    public void Completion_documentation()
    {
        var markdown = PaperCompletion.Documentation(Paper);

        Expect.Equal(markdown, """
            **Mamba: Linear-Time Sequence Modeling with Selective State Spaces**  
            A. Gu and T. Dao · arXiv:2312.00752

            Foundation models are almost universally based on the Transformer architecture.
            """);
        Assert.Equal(["p", "strong", "/strong", "br /", "/p", "p", "/p"], RenderedMarkdown.Tags(PaperCompletion.Documentation(Hostile)));
        Assert.StartsWith(Hostile.Title + " 1. Kerbl and # Kopanas · arXiv:2312.00752 " + Hostile.Abstract, RenderedMarkdown.Plain(PaperCompletion.Documentation(Hostile)));
    }

    private static void AssertNoStrayBackslash(string markdown)
    {
        Assert.DoesNotContain('\\', markdown);
        Assert.DoesNotContain('\\', RenderedMarkdown.Plain(markdown));
    }
}
