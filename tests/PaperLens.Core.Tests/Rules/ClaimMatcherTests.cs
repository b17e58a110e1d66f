using PaperLens.Core.Rules;

namespace PaperLens.Core.Tests.Rules;

/// <summary>Spec §2, end: when a title claim or a name claim fits the paper.</summary>
public class ClaimMatcherTests
{
    private const string Informer = "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting";
    private const string Seq2Seq = "Sequence to Sequence Learning with Neural Networks";
    private const string ContinualPretraining = "Simple and Scalable Strategies to Continually Pre-train Large Language Models";

    [Theory]
    [InlineData(Informer, Informer, TitleMatch.Exact)]
    [InlineData("informer - beyond efficient transformer for long sequence time series forecasting.", Informer, TitleMatch.Exact)]
    [InlineData("{Informer}: Beyond Efficient {T}ransformer for Long Sequence {Time-Series} Forecasting", Informer, TitleMatch.Exact)]
    [InlineData("Informer: Beyond Efficient\n    Transformer for Long Sequence Time-Series Forecasting", Informer, TitleMatch.Exact)]
    [InlineData("“Informer: Beyond Efficient Transformer for Long Sequence Time–Series Forecasting”", Informer, TitleMatch.Exact)]
    [InlineData("Caf\\'e Society: Gr\\\"obner Bases", "Café Society: Gröbner Bases", TitleMatch.Exact)]
    [InlineData("Cafe Society: Grobner Bases", "Café Society: Gröbner Bases", TitleMatch.Exact)]
    [InlineData("Informer", Informer, TitleMatch.ShortName)]
    [InlineData("INFORMER", Informer, TitleMatch.ShortName)]
    [InlineData("Sequence to Sequence", Seq2Seq, TitleMatch.LeadingWords)]
    [InlineData("Sequence to Sequence Learning", Seq2Seq, TitleMatch.LeadingWords)]
    [InlineData("Attention as an RNN: Transformers Are Secretly Recurrent", "Attention as an RNN", TitleMatch.Subtitle)]
    // Titles from a listing made before arXiv's current titles (../shared/seed/daily-papers.txt).
    [InlineData("FlashRNN: Optimizing Traditional RNNs on Modern Hardware", "FlashRNN: I/O-Aware Optimization of Traditional RNNs on modern hardware", TitleMatch.Subtitle)]
    [InlineData("HMT: Hierarchical Memory Transformer for Long Context Language Processing",
        "HMT: Hierarchical Memory Transformer for Efficient Long Context Language Processing", TitleMatch.Fuzzy)]
    [InlineData("Hierarchical Memory Transformer for Long Context Language Processing",
        "HMT: Hierarchical Memory Transformer for Efficient Long Context Language Processing", TitleMatch.Fuzzy)]
    [InlineData("Sequence to Sequence Lerning with Neural Networks", Seq2Seq, TitleMatch.Fuzzy)]
    [InlineData("Sequence to Sequence Learning with Nueral Netwroks", Seq2Seq, TitleMatch.Fuzzy)]
    [InlineData("Simple and Scalable Strategies to Continually Pre-train Language Models", ContinualPretraining, TitleMatch.Fuzzy)]
    [InlineData("Simple and Scalable Strategies to Continually Pretrain Large Language Models", ContinualPretraining, TitleMatch.Fuzzy)]
    [InlineData("Attention as RNN", "Attention as an RNN", TitleMatch.Fuzzy)]
    [InlineData("Generative Pretrained Diffusion Paradigm for Zero-Shot Time Series Forecasting",
        "Generative Pre-Trained Diffusion Paradigm for Zero-Shot Time Series Forecasting", TitleMatch.Fuzzy)]
    [InlineData("Informer: Beyond Efficient Transformer for Long Sequence Forecasting", Informer, TitleMatch.Fuzzy)]
    [InlineData("Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling",
        "Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges",
        TitleMatch.LeadingWords)]
    // Awesome-list style "Name: shortened title" (found on a real README).
    [InlineData("RevIN: Reversible Instance Normalization",
        "Reversible Instance Normalization for Accurate Time-Series Forecasting against Distribution Shift", TitleMatch.Subtitle)]
    [InlineData("CSDI: Conditional Score-based Diffusion for TS Imputation",
        "CSDI: Conditional Score-based Diffusion Models for Probabilistic Time Series Imputation", TitleMatch.Subtitle)]
    public void Variants_of_the_title_match(string claim, string title, TitleMatch expected) =>
        Assert.Equal(expected, ClaimMatcher.MatchTitle(claim, title));

    [Theory]
    // The title of another paper: the wrong-id case PL003 exists for.
    [InlineData("Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
        "Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, Applications, and Challenges")]
    [InlineData("Continual Learning of Large Language Models: A Comprehensive Survey", ContinualPretraining)]
    // 2410.03810's title before arXiv retitled it: the claim is stale, and the check says so.
    [InlineData("Can Mamba Always Enjoy the \"Free Lunch\"?", "Exploring the Limitations of Mamba in COPY and CoT Reasoning")]
    [InlineData("Set-Based Prompting: Provably Solving the Language Model Order Dependency Problem", "Order-Independence Without Fine Tuning")]
    [InlineData("A Survey on Structured State Space Sequence (S4) Models",
        "Advancing Intelligent Sequence Modeling: Evolution, Trade-offs, and Applications of State-Space Architectures from S4 to Mamba")]
    [InlineData("A Survey on Transformers: Efficient Attention", "A Survey on Graphs: Message Passing")]
    [InlineData("Attention Is Not All You Need", "Attention Is All You Need")]
    [InlineData("Sequence to", Seq2Seq)]
    [InlineData("Learning with Neural Networks", Seq2Seq)]
    [InlineData("Convolutional Sequence to Sequence Learning", Seq2Seq)]
    [InlineData("Language Models are Few-Shot Learners", "Language Models are Unsupervised Multitask Learners")]
    [InlineData("Time-LLM", "AutoTimes: Autoregressive Time Series Forecasters via Large Language Models")]
    [InlineData("", Seq2Seq)]
    public void Other_titles_do_not_match(string claim, string title) =>
        Assert.Equal(TitleMatch.None, ClaimMatcher.MatchTitle(claim, title));

    [Fact]
    public void No_bundled_paper_title_matches_another_ones()
    {
        var titles = RuleData.Seed.Select(r => r.Title).ToList();
        var confusions =
            from claim in titles
            from title in titles
            where claim != title && ClaimMatcher.MatchTitle(claim, title) != TitleMatch.None
            select $"{claim} ~ {title}";
        Assert.Empty(confusions);
    }

    [Fact]
    public void Every_bundled_title_matches_itself_with_a_typo_or_a_word_dropped_from_the_middle()
    {
        foreach (var title in RuleData.Seed.Select(r => r.Title).Where(t => t.Split(' ').Length >= 5))
        {
            var firstE = title.IndexOf('e', StringComparison.Ordinal);
            var typo = title[..firstE] + "a" + title[(firstE + 1)..];
            var words = title.Split(' ').ToList();
            var longest = Enumerable.Range(1, words.Count - 2).Where(i => words[i].All(char.IsLetter)).MaxBy(i => words[i].Length);
            words.RemoveAt(longest);
            var dropped = string.Join(' ', words);
            Assert.True(ClaimMatcher.MatchTitle(typo, title) != TitleMatch.None, typo);
            Assert.True(ClaimMatcher.MatchTitle(dropped, title) == TitleMatch.Fuzzy, dropped);
        }
    }

    [Theory]
    [InlineData("  Tex {\\em and} $\\alpha$-Stable  Laws ", "tex and α stable laws")]
    [InlineData("Gr\\\"obner -- Bases", "grobner bases")]
    [InlineData("I/O-Aware", "i o aware")]
    [InlineData("\"Free Lunch\"?", "free lunch")]
    [InlineData("", "")]
    public void Normalising_keeps_only_lower_case_words(string text, string expected) =>
        Assert.Equal(expected, ClaimText.Normalize(text));

    [Theory]
    [InlineData("SimpleViT", "A Simple ViT Baseline for Image Classification", null)]
    [InlineData("Simple ViT", "SimpleViT: Better Plain Baselines", null)]
    [InlineData("Mamba-360", "Mamba-360: Survey of State Space Models", null)]
    [InlineData("Mamba360", "Mamba-360: Survey of State Space Models", null)]
    [InlineData("Transformers", "Informer: Beyond Efficient Transformer", null)]
    [InlineData("Hyena", "A Survey of State Space Models", "variants such as S4nd, Hippo, Hyena and Mamba")]
    [InlineData("informer", "Informer: Beyond Efficient Transformer", null)]
    // A name with an alias in parentheses matches when either part does (a real awesome-list entry).
    [InlineData("Graph-Mamba (SAMBA)", "Graph-Mamba: Towards Long-Range Graph Sequence Modeling", "we call SAMBA")]
    [InlineData("Chimera (multi-task)", "Chimera: Effectively Modeling Multivariate Time Series", null)]
    public void Names_found_in_the_title_or_abstract_match(string name, string title, string? abstractText) =>
        Assert.True(ClaimMatcher.NameMatches(name, title, abstractText));

    [Theory]
    [InlineData("Mamba", "2404.16789")]
    [InlineData("FlashAttention", "2412.07752")]
    [InlineData("Informer", "2402.02370")]
    public void Names_absent_from_title_and_abstract_do_not_match(string name, string id)
    {
        var paper = RuleData.Paper(id);
        Assert.False(ClaimMatcher.NameMatches(name, paper.Title, paper.Abstract));
    }

    [Theory]
    [InlineData("Mamba", "2404.16112")]
    [InlineData("Mamba-360", "2404.16112")]
    [InlineData("Informer", "2012.07436")]
    [InlineData("FlashRNN", "2412.07752")]
    [InlineData("LSTMs", "1409.3215")]
    public void Names_of_bundled_papers_match(string name, string id)
    {
        var paper = RuleData.Paper(id);
        Assert.True(ClaimMatcher.NameMatches(name, paper.Title, paper.Abstract));
    }

    [Fact]
    public void A_runaway_title_field_is_compared_without_fuzzy_matching()
    {
        var runaway = string.Concat(Enumerable.Repeat("Sequence to Sequence Learning with Neural Networks ", 20_000));
        Assert.Equal(TitleMatch.LeadingWords, ClaimMatcher.MatchTitle(Seq2Seq, runaway));
        Assert.Equal(TitleMatch.None, ClaimMatcher.MatchTitle(runaway, Seq2Seq));
        Assert.Equal(TitleMatch.None, ClaimMatcher.MatchTitle(runaway + "Sequence", runaway + "Sequences"));
    }
}
