using PaperLens.Core.Completion;
using PaperLens.Core.Tests.Features;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary><see cref="Analysis.Completions"/> at each kind of place, when it asks the front end for a
/// title search beyond the catalog, the documentation of an item (<see cref="Analysis.CompletionDocumentation"/>),
/// and the picker's search (<see cref="Analysis.SearchPapers"/>).</summary>
public sealed class CompletionTests
{
    /// <summary>A front end's title search that is always free to start one, and remembers the words offered.</summary>
    private sealed class RecordingSearch : ITitleSearch
    {
        public List<string> Offered { get; } = [];

        public bool Offer(CompletionQuery query)
        {
            Offered.Add(string.Join(' ', query.Words));
            return true;
        }
    }

    private static string Complete(string workspace)
    {
        using var analysed = new AnalysisWorkspace(workspace);
        var (path, offset) = analysed.Cursor;
        var search = new RecordingSearch();
        if (analysed.Analysis.Completions(path, offset, invoked: true, search) is not { } answer) return $"// {path}: nothing\n";
        var query = analysed.Show([new AnalysisWorkspace.Mark(path, answer.Place.Query)]);
        var offered = search.Offered.Count == 0 ? "no title search" : "title search for: " + string.Join(", ", search.Offered);
        return $"// {answer.Place.Kind} at {query}; {(answer.IsIncomplete ? "incomplete" : "complete")}; {offered}\n"
            + string.Concat(answer.Items.Take(4).Select(i => $"{i.Label} | {i.Detail} | {i.InsertText} | {i.PaperId}\n"));
    }

    [Fact]
    public void Completion_at_each_kind_of_place_and_when_a_title_search_is_worth_asking_for()
    {
        var answers = string.Join("\n",
            // Few matches for enough letters: a search is offered and the list is incomplete.
            Complete("""
                //- /ws/notes.md
                As in Informer beyond$0
                """),
            // Three letters are too few for a search.
            Complete("""
                //- /ws/notes.md
                As in inf$0
                """),
            // An id being typed: the catalog has it or no search finds it.
            Complete("""
                //- /ws/model.py
                # see arXiv:2012.07$0
                """),
            // Pandoc keys come from the workspace's .bib entries, never from a search.
            Complete("""
                //- /ws/refs.bib
                @article{zhou2021, title = {Informer: Beyond Efficient Transformer}, author = {Zhou, Haoyi and Zhang, Shanghang}, year = {2021}, eprint = {2012.07436}}
                @article{zhang2020, title = {Other}, year = {2020}}
                //- /ws/notes.md
                ---
                bibliography: refs.bib
                ---
                As in [@zh$0
                """),
            // Prose with nothing typed yet: no items, and more typing changes that.
            Complete("""
                //- /ws/notes.md
                Nothing $0here.
                """));

        Expect.Equal(answers, """
            // MarkdownProse at /ws/notes.md:1: As in Informer «beyond»; incomplete; title search for: beyond
            Language Model Cascades: Token-level uncertainty and beyond | N. Gupta et al. · 2024 | [Language Model Cascades: Token-level uncertainty and beyond](https://arxiv.org/abs/2404.10136) | 2404.10136
            Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting | H. Zhou et al. · 2020 | [Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting](https://arxiv.org/abs/2012.07436) | 2012.07436

            // MarkdownProse at /ws/notes.md:1: As in «inf»; complete; no title search
            Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting | H. Zhou et al. · 2020 | [Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting](https://arxiv.org/abs/2012.07436) | 2012.07436

            // AfterArxivPrefix at /ws/model.py:1: # see arXiv:«2012.07»; complete; no title search
            Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting | H. Zhou et al. · 2020 | 2012.07436 | 2012.07436

            // PandocKey at /ws/notes.md:4: As in [@«zh»; incomplete; no title search
            Other | zhang2020 · 2020 | zhang2020 | 
            Informer: Beyond Efficient Transformer | zhou2021 · Zhou et al. · 2021 | zhou2021 | 2012.07436
            Cautious Next Token Prediction | Y. Wang et al. · 2025 | wang2025cautious | 2507.03038
            Order-Independence Without Fine Tuning | R. McIlroy-Young et al. · 2024 | mcilroyyoung2024order | 2406.06581

            // MarkdownProse at /ws/notes.md:1: Nothing «»here.; incomplete; no title search

            """);
    }

    [Fact]
    public void An_items_documentation_is_its_papers_title_authors_and_abstract_summary()
    {
        using var workspace = new AnalysisWorkspace("""
            //- /ws/notes.md
            Nothing cited.
            """);

        var documentation = workspace.Analysis.CompletionDocumentation("2012.07436")!;

        Expect.Equal(documentation, """
            **Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting**  
            H. Zhou, S. Zhang and 5 others · arXiv:2012.07436

            Many real-world applications require the prediction of long sequence time-series, such as electricity consumption planning.
            """);
        Assert.DoesNotContain('\\', RenderedMarkdown.Plain(documentation));
        Assert.Null(workspace.Analysis.CompletionDocumentation("2501.00001"));
    }

    [Fact]
    public void Paper_search_cites_each_paper_as_the_document_would_and_bounds_the_limit()
    {
        using var workspace = new AnalysisWorkspace("""
            //- /ws/notes.md
            Nothing cited.
            """);

        string Search(string query, int? limit, string? path) => $"// \"{query}\" limit {limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"} for {path ?? "no document"}\n"
            + string.Concat(workspace.Analysis.SearchPapers(query, limit, path).Select(p => $"{p.Id} | {p.Title} | {p.Authors} | {p.Year} | {p.CitationText}\n"));

        Expect.Equal(string.Join("\n",
            Search("mamba", 2, "/ws/notes.md"),
            Search("mamba", 2, "/ws/model.py"),
            Search("time series", 0, null)), """
            // "mamba" limit 2 for /ws/notes.md
            2507.00966 | MambAttention: Mamba with Multi-Head Attention for Generalizable Single-Channel Speech Enhancement | N. L. Kühne, J. Jensen and 2 others | 2025 | [MambAttention: Mamba with Multi-Head Attention for Generalizable Single-Channel Speech Enhancement](https://arxiv.org/abs/2507.00966)
            2410.03810 | Exploring the Limitations of Mamba in COPY and CoT Reasoning | R. Ren, Z. Li and Y. Liu | 2024 | [Exploring the Limitations of Mamba in COPY and CoT Reasoning](https://arxiv.org/abs/2410.03810)

            // "mamba" limit 2 for /ws/model.py
            2507.00966 | MambAttention: Mamba with Multi-Head Attention for Generalizable Single-Channel Speech Enhancement | N. L. Kühne, J. Jensen and 2 others | 2025 | arXiv:2507.00966
            2410.03810 | Exploring the Limitations of Mamba in COPY and CoT Reasoning | R. Ren, Z. Li and Y. Liu | 2024 | arXiv:2410.03810

            // "time series" limit 0 for no document
            2503.03594 | Small but Mighty: Enhancing Time Series Forecasting with Lightweight LLMs | H. Fan, B. Li and 2 others | 2025 | arXiv:2503.03594

            """);
        Assert.Equal(50, workspace.Analysis.SearchPapers("a", null, null).Count);
    }
}
