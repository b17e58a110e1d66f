using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Tests.Features;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary><see cref="Analysis.Hover"/>: what hovering each kind of citation shows, rendered by
/// <see cref="PaperHover.Render"/> as the editor receives it, and read back through Markdig as the
/// editor shows it.</summary>
public sealed class HoverTests
{
    /// <summary>Lookups as a front end reports them: one id being looked up, one whose lookup failed.</summary>
    private sealed class Lookups(string pending, string failed) : IPaperLookups
    {
        public bool IsPending(ArxivId id) => id.Canonical == pending;

        public bool HasFailed(ArxivId id) => id.Canonical == failed;
    }

    [Fact]
    public void Every_kind_of_citation_has_its_hover()
    {
        // Hovered inside each «…»; 2501.00004 is a confirmed miss.
        using var workspace = new AnalysisWorkspace("""
            //- /ws/refs.bib
            @article{zhou2021, title = {Informer}, eprint = {2012.07436}, archivePrefix = {arXiv}}
            //- /ws/notes.md
            ---
            bibliography: refs.bib
            ---
            - Cited twice: «arXiv:2012.07436v2», again as [«@zhou2021»].
            - Old style: «https://arxiv.org/abs/adap-org/9303002»
            - Unresolved: [«@nobody2020»]
            - Typo: «arXiv:2313.00752»
            - Pending: «arXiv:2501.00001», failed: «arXiv:2501.00002», untouched: «arXiv:2501.00003»
            - Not on arXiv: «arXiv:2501.00004»
            """, confirmedMisses: ["2501.00004"]);
        var lookups = new Lookups(pending: "2501.00001", failed: "2501.00002");

        var hovers = workspace.Ranges("/ws/notes.md")
            .Select(range => workspace.Analysis.Hover("/ws/notes.md", range.Start + 1, lookups)!)
            .ToList();

        Expect.Equal(string.Join("\n\n", hovers.Select(h =>
            $"// {h.Content.GetType().Name} {workspace.Show([new AnalysisWorkspace.Mark("/ws/notes.md", h.Span)])}\n{PaperHover.Render(h.Content, AnalysisWorkspace.Now)}")), """
            // Paper /ws/notes.md:4: - Cited twice: arXiv:«2012.07436v2», again as [@zhou2021].
            ### [Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting](https://arxiv.org/abs/2012.07436)

            H. Zhou, S. Zhang and 5 others

            submitted Dec 14, 2020 · 4 years ago · v1 (later versions unknown) · cites v2

            > Many real-world applications require the prediction of long sequence time-series, such as electricity consumption planning.

            Cited in 3 places in this workspace · [abs](https://arxiv.org/abs/2012.07436) · [pdf](https://arxiv.org/pdf/2012.07436)

            // Paper /ws/notes.md:4: - Cited twice: arXiv:2012.07436v2, again as [@«zhou2021»].
            ### [Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting](https://arxiv.org/abs/2012.07436)

            H. Zhou, S. Zhang and 5 others

            submitted Dec 14, 2020 · 4 years ago · v1 (later versions unknown)

            > Many real-world applications require the prediction of long sequence time-series, such as electricity consumption planning.

            Cited in 3 places in this workspace · [abs](https://arxiv.org/abs/2012.07436) · [pdf](https://arxiv.org/pdf/2012.07436)

            // Paper /ws/notes.md:5: - Old style: https://arxiv.org/abs/«adap-org/9303002»
            ### [Evolution to the Edge of Chaos in Imitation Game](https://arxiv.org/abs/adap-org/9303002)

            K. Kaneko and J. Suzuki

            submitted Mar 8, 1993 · 32 years ago · latest v2 of Mar 29, 1993 · adap-org nlin.AO q-bio.PE

            > Motivated by the evolution of complex bird songs, an abstract imitation game is proposed to study the increase of dynamical complexity: Artificial "birds" display a "song" time series to each other, and those that imitate the other's song better win the game.

            Cited in 1 place in this workspace · [abs](https://arxiv.org/abs/adap-org/9303002) · [pdf](https://arxiv.org/pdf/adap-org/9303002)

            // UnresolvedKey /ws/notes.md:6: - Unresolved: [@«nobody2020»]
            Pandoc key @nobody2020 matches no .bib entry.

            // Malformed /ws/notes.md:7: - Typo: arXiv:«2313.00752»
            **Malformed arXiv id** 2313.00752

            month 13 does not exist (YYMM must have a month 01-12)

            // UnknownPaper /ws/notes.md:8: - Pending: arXiv:«2501.00001», failed: arXiv:2501.00002, untouched: arXiv:2501.00003
            **2501.00001** is not in the local catalog yet.

            [abs](https://arxiv.org/abs/2501.00001)

            _Looking it up on arXiv…_

            // UnknownPaper /ws/notes.md:8: - Pending: arXiv:2501.00001, failed: arXiv:«2501.00002», untouched: arXiv:2501.00003
            **2501.00002** is not in the local catalog yet.

            [abs](https://arxiv.org/abs/2501.00002)

            _The arXiv lookup failed; PaperLens will try again later._

            // UnknownPaper /ws/notes.md:8: - Pending: arXiv:2501.00001, failed: arXiv:2501.00002, untouched: arXiv:«2501.00003»
            **2501.00003** is not in the local catalog yet.

            [abs](https://arxiv.org/abs/2501.00003)

            // UnknownPaper /ws/notes.md:9: - Not on arXiv: arXiv:«2501.00004»
            **arXiv has no paper 2501.00004** (checked with the arXiv API).
            """);
        foreach (var hover in hovers)
        {
            var markdown = PaperHover.Render(hover.Content, AnalysisWorkspace.Now);
            Assert.DoesNotContain('\\', markdown);
            Assert.DoesNotContain('\\', RenderedMarkdown.Plain(markdown));
        }
    }

    [Fact]
    public void Offline_a_missing_paper_says_no_request_is_made_and_off_a_citation_there_is_no_hover()
    {
        using var workspace = new AnalysisWorkspace("""
            //- /ws/model.py
            # see arXiv:2501.0$00001 (unknown here)
            """);
        var (path, offset) = workspace.Cursor;

        var hover = workspace.Analysis.Hover(path, offset, lookups: null)!;

        Assert.Equal(new HoverContent.UnknownPaper(ArxivId.Of("2501.00001"), MissingPaper.Offline, hover.Content.Citation), hover.Content);
        Expect.Equal(PaperHover.Render(hover.Content, AnalysisWorkspace.Now), """
            **2501.00001** is not in the local catalog yet.

            [abs](https://arxiv.org/abs/2501.00001)

            _Offline: PaperLens makes no arXiv requests._
            """);
        Assert.Null(workspace.Analysis.Hover(path, 2, lookups: null));
        Assert.Null(workspace.Analysis.Hover("/ws/elsewhere.md", 0, lookups: null));
    }

    [Fact]
    public void Untrusted_catalog_text_stays_literal_in_the_rendered_hover()
    {
        const string Title = "*Bold* <script>alert(1)</script> [x](y) 3. Steps & `code`";
        using var workspace = new AnalysisWorkspace("""
            //- /ws/notes.md
            See arXiv:2501.0$09999.
            """, extraPapers: [AnalysisWorkspace.Paper("2501.09999", Title, "# Heading, <b>Bold</b> Author", "_Not_ emphasis, [link](javascript:x).")]);
        var (path, offset) = workspace.Cursor;

        var markdown = PaperHover.Render(workspace.Analysis.Hover(path, offset, lookups: null)!.Content, AnalysisWorkspace.Now);

        Expect.Equal(markdown, """
            ### [\*Bold\* \<script\>alert(1)\</script\> \[x\](y) 3. Steps & \`code\`](https://arxiv.org/abs/2501.09999)

            \# Heading and \<b\>Bold\</b\> Author

            submitted Jan 10, 2025 · 4 months ago · latest v1 · cs.LG

            > \_Not\_ emphasis, \[link\](javascript:x).

            Cited in 1 place in this workspace · [abs](https://arxiv.org/abs/2501.09999) · [pdf](https://arxiv.org/pdf/2501.09999)
            """);
        var shown = RenderedMarkdown.Plain(markdown);
        Assert.StartsWith(Title + " ", shown);
        Assert.Contains("_Not_ emphasis, [link](javascript:x).", shown);
        Assert.DoesNotContain('\\', shown);
        Assert.DoesNotContain("<script", RenderedMarkdown.Html(markdown));
        Assert.DoesNotContain("javascript:", string.Join(" ", RenderedMarkdown.Tags(markdown)));
    }
}
