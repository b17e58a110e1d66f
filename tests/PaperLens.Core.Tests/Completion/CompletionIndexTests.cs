using PaperLens.Core.Catalog;
using PaperLens.Core.Completion;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Tests.Catalog;

namespace PaperLens.Core.Tests.Completion;

/// <summary>Issue 3, completion: the catalog's completion index on real SQLite files — prefixes, several
/// words, surnames, years, id prefixes, cited papers first — and the precomputed top lists giving exactly
/// the answer a full scan would.</summary>
public sealed class CompletionIndexTests : IDisposable
{
    private static readonly string[] Papers =
    [
        "1706.03762|Attention Is All You Need|Ashish Vaswani, Noam Shazeer and Niki Parmar",
        "2010.11929|An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale|Alexey Dosovitskiy, Lucas Beyer",
        "2312.00752|Mamba: Linear-Time Sequence Modeling with Selective State Spaces|Albert Gu and Tri Dao",
        "1409.3215|Sequence to Sequence Learning with Neural Networks|Ilya Sutskever, Oriol Vinyals, Quoc V. Le",
        "2106.09685|LoRA: Low-Rank Adaptation of Large Language Models|Edward J. Hu, Yelong Shen",
        "1810.04805|BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding|Jacob Devlin, Ming-Wei Chang",
        "hep-th/9901001|Traversable Wormholes in Str\\\"ing Theory|J. M\\'endez and K. Tr\\\"ager",
        "1707.06347|Proximal Policy Optimization Algorithms|John Schulman, Filip Wolski",
    ];

    private readonly CatalogTestFiles files = new();
    private readonly PaperCatalog catalog;

    public CompletionIndexTests()
    {
        catalog = PaperCatalog.Open(files.CatalogPath);
        catalog.Upsert(Papers.Select(line => Record(line)));
    }

    public void Dispose()
    {
        catalog.Dispose();
        files.Dispose();
    }

    [Fact]
    public void A_prefix_finds_the_titles_starting_with_it_first_then_the_others_shorter_titles_first()
    {
        var ids = Complete("tra");

        // BERT's title has 10 words, ViT's 12: the word typed is more of BERT's, though ViT is newer.
        Assert.Equal(["hep-th/9901001", "1810.04805", "2010.11929"], ids.Where(IsOurs));
        Assert.DoesNotContain("2312.00752", ids);
    }

    [Fact]
    public void The_paper_whose_title_starts_with_the_typed_words_comes_before_newer_ones_that_contain_them()
    {
        catalog.Upsert([
            Record("2401.00001|Learning Sequence to Sequence Models for Speech|A. Newer"),
            Record("2402.00002|On Sequence Models: to Sequence or Not|B. Newest"),
            Record("2403.00003|A Survey of Sequence to Sequence Learning|C. Latest"),
        ]);

        var ids = Complete("sequence to sequence");
        Assert.Equal(["1409.3215", "2403.00003", "2401.00001"], ids.Take(3));
        Assert.Contains("2402.00002", ids.Skip(3));
        Assert.Equal("1409.3215", Complete("Sequence-to-Sequence Learn").First());
        Assert.Equal("1706.03762", Complete("attention is all").First());
    }

    [Fact]
    public void Among_titles_starting_with_the_typed_words_the_shortest_comes_first_then_the_newest()
    {
        catalog.Upsert([
            Record("2401.00001|Attention Is All You Need for Graph Transformers|A. Newer"),
            Record("2402.00002|Attention is all it takes|B. Newest"),
            Record("2301.00003|Attention Is All You Need in Speech Separation|C. Earlier"),
        ]);

        Assert.Equal(["2402.00002", "1706.03762", "2401.00001", "2301.00003"], Complete("attention is all"));
        Assert.Equal(["1706.03762", "2401.00001", "2301.00003"], Complete("Attention is all you"));
    }

    [Fact]
    public void The_first_authors_surname_and_the_title_start_rank_the_shorter_title_first()
    {
        catalog.Upsert([Record("2401.00001|Attention Sinks in Streaming Language Models|Ashish Vaswani")]);

        Assert.Equal(["1706.03762", "2401.00001"], Complete("vaswani attention").Take(2));
        Assert.Equal(["1706.03762", "2401.00001"], Complete("attention vaswani").Take(2));
    }

    [Theory]
    [InlineData("traversable wormholes in string", "hep-th/9901001")]
    [InlineData("Traversable Wormholes in Strïng", "hep-th/9901001")]
    [InlineData("an image is worth 16x16", "2010.11929")]
    [InlineData("LoRA: low-rank", "2106.09685")]
    public void Title_starts_are_matched_folded(string query, string id) => Assert.Equal(id, Complete(query).First());

    [Fact]
    public void The_first_authors_surname_and_the_title_start_come_before_other_authors_and_scattered_words()
    {
        catalog.Upsert([
            Record("2405.00005|Self-Attention for Vision, after Vaswani|D. Other"),
            Record("2406.00006|Sparse Attention Patterns|E. First and F. Vaswani"),
        ]);

        Assert.Equal(["1706.03762", "2406.00006", "2405.00005"], Complete("vaswani attention"));
        Assert.Equal(["1706.03762", "2406.00006", "2405.00005"], Complete("attention vaswani"));
    }

    [Fact]
    public void Every_word_must_match_as_a_prefix()
    {
        Assert.Equal(["1810.04805"], Complete("transf language").Where(IsOurs));
        Assert.Equal(["1409.3215"], Complete("seq neural").Where(IsOurs));
        Assert.Empty(Complete("mamba quokka"));
    }

    [Theory]
    [InlineData("vaswani", "1706.03762")]
    [InlineData("Shaz", "1706.03762")]
    [InlineData("gu mamba", "2312.00752")]
    [InlineData("mendez", "hep-th/9901001")]
    [InlineData("träger", "hep-th/9901001")]
    [InlineData("string", "hep-th/9901001")]
    public void Author_surnames_and_accented_words_match_folded(string query, string id) =>
        Assert.Equal([id], Complete(query).Where(IsOurs));

    [Fact]
    public void A_year_and_an_id_prefix_match()
    {
        Assert.Equal(["1707.06347", "1706.03762"], Complete("2017").Where(IsOurs));
        Assert.Equal(["1706.03762"], Complete("1706.03"));
        Assert.Equal(["hep-th/9901001"], Complete("hep-th/99"));
        Assert.Equal(["2312.00752"], Complete("2312.00752v2"));
    }

    [Theory]
    [InlineData("\"tra* OR (NEAR")]
    [InlineData("tra\" AND -x:y")]
    [InlineData("* ^ : ( ) \" ' -")]
    [InlineData("")]
    [InlineData("2404.")]
    public void Text_with_search_syntax_never_throws(string query)
    {
        var matches = catalog.Complete(CompletionQuery.Parse(query), 50, []);
        Assert.True(matches.Papers.Count <= 50);
    }

    [Fact]
    public void Cited_papers_that_match_come_first_and_the_limit_is_kept()
    {
        var all = catalog.Complete(CompletionQuery.Parse("s"), 50, []).Papers.Select(p => p.Id.Canonical).ToList();
        var cited = catalog.Complete(CompletionQuery.Parse("s"), 50, ["1409.3215", "1707.06347", "2106.09685"]).Papers.Select(p => p.Id.Canonical).ToList();

        // "Sequence to Sequence…" starts with s; the other two match "s" inside (Schulman's 4-word
        // title, then Shen's 8-word one).
        Assert.Equal(["1409.3215", "1707.06347", "2106.09685"], cited.Where(IsOurs).Take(3));
        Assert.Equal("1409.3215", cited[0]);
        Assert.Equal(all.Order(), cited.Order());
        var two = catalog.Complete(CompletionQuery.Parse("s"), 2, []);
        Assert.Equal(2, two.Papers.Count);
        Assert.True(two.More);
    }

    [Fact]
    public void Top_lists_of_heavy_prefixes_give_the_same_answers_as_a_full_scan_also_after_updates()
    {
        var generated = Enumerable.Range(1, 300).Select(n =>
            $"{20 + n % 4}{1 + n % 12:D2}.{n:D5}|{Words[n % Words.Length]} {Words[n * 7 % Words.Length]} of {Words[n * 13 % Words.Length]}|A. Author{n % 17}, B. Writer").ToList();
        catalog.Upsert(generated.Select(line => Record(line)));
        using (var raw = CatalogTestFiles.Raw(files.CatalogPath))
            new CompletionIndex(raw) { HeavyThresholdForTests = 5 }.RebuildTopLists();
        string[] queries = ["t", "tr", "tra", "transformer", "s", "st", "a", "author1", "2017", "tra st", "s t a", "learn of",
            "transformers tracking", "tracking of", "author3 streams", "of state"];
        foreach (var query in queries) Assert.Equal(FullScan(query), Complete(query, limit: 10));

        // A newer paper and a retitled one, written after the lists were built.
        catalog.Upsert([Record("2512.99999|Transformers Stream Tracking|Z. Newest"), Record("2003.00003|Quokka Zoology|A. Author3, B. Writer", updated: 2030)]);
        foreach (var query in queries.Append("quokka")) Assert.Equal(FullScan(query), Complete(query, limit: 10));

        // Lists marked stale (an import under way or interrupted) are not used.
        using (var raw = CatalogTestFiles.Raw(files.CatalogPath))
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "INSERT INTO completion_heavy (prefix, postings) VALUES ('', 0); DELETE FROM completion_top WHERE prefix = 't'";
            command.ExecuteNonQuery();
        }
        foreach (var query in queries) Assert.Equal(FullScan(query), Complete(query, limit: 10));
    }

    [Fact]
    public void A_common_term_among_rare_ones_is_checked_on_the_few_candidates_and_finds_what_a_full_scan_finds()
    {
        // "writer" is an author of every filler paper: its range is read for no query below, only the
        // papers with both rare words are, and those without the author are not listed.
        var filler = Enumerable.Range(1, 1_500).Select(n =>
            $"{20 + n % 4}{1 + n % 12:D2}.{n:D5}|{Words[n % Words.Length]} {Words[n * 7 % Words.Length]} Analysis|A. Author{n % 17}, B. Writer");
        catalog.Upsert(filler.Concat(
        [
            "2301.00001|Quokka Zebra Migration|C. Writer",
            "2301.00002|Zebra Herds and Quokka Burrows|D. Writer",
            "2301.00003|Quokka Zebra Ecology|E. Reader",
            "2301.00004|Zebra Quokka Habitats|F. Reader and G. Lee",
            "2301.00005|Quokka Studies|H. Writer",
        ]).Select(line => Record(line)));

        Assert.Equal(["2301.00001", "2301.00002"], Complete("quokka zebra writer"));
        Assert.Equal(["2301.00001", "2301.00002"], Complete("writer quokka zebra"));
        foreach (var query in new[] { "quokka zebra writer", "zebra quokka writ", "writer zebra", "quokka writer", "reader zebra quokka", "lee quokka" })
            Assert.Equal(FullScan(query), Complete(query, limit: 10));
    }

    [Fact]
    public void A_catalog_from_before_completion_gets_its_index_when_opened()
    {
        catalog.Dispose();
        using (var raw = CatalogTestFiles.Raw(files.CatalogPath))
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "DROP TABLE completion_postings; DROP TABLE completion_fresh; DROP TABLE completion_heavy; DROP TABLE completion_top; PRAGMA user_version = 1";
            command.ExecuteNonQuery();
        }

        using var reopened = PaperCatalog.Open(files.CatalogPath);

        Assert.Equal(["1706.03762"], reopened.Complete(CompletionQuery.Parse("vaswani attention"), 50, []).Papers.Select(p => p.Id.Canonical));
    }

    [Fact]
    public void A_catalog_indexed_before_title_starts_is_reindexed_when_opened()
    {
        catalog.Upsert([Record("2401.00001|Learning Sequence to Sequence Models|A. Newer")]);
        catalog.Dispose();
        using (var raw = CatalogTestFiles.Raw(files.CatalogPath))
        using (var command = raw.CreateCommand())
        {
            // What a version 3 catalog holds: words, surnames and years, no keys.
            command.CommandText = "DELETE FROM completion_postings WHERE token < '0'; DELETE FROM completion_fresh WHERE token < '0'; PRAGMA user_version = 3";
            command.ExecuteNonQuery();
        }

        using var reopened = PaperCatalog.Open(files.CatalogPath);

        Assert.Equal(["1409.3215", "2401.00001"], reopened.Complete(CompletionQuery.Parse("sequence to sequence"), 50, []).Papers.Select(p => p.Id.Canonical).Take(2));
    }

    [Fact]
    public void A_catalog_ranked_newest_first_is_reranked_when_opened()
    {
        catalog.Upsert([Record("2401.00001|Attention Is All You Need for Graph Transformers|A. Newer")]);
        catalog.Dispose();
        using (var raw = CatalogTestFiles.Raw(files.CatalogPath))
        using (var command = raw.CreateCommand())
        {
            // What a version 5 catalog holds: scores of recency alone.
            command.CommandText = """
                UPDATE completion_postings SET score = score % 1000000000000;
                UPDATE completion_fresh SET score = score % 1000000000000;
                UPDATE completion_top SET score = score % 1000000000000;
                PRAGMA user_version = 5
                """;
            command.ExecuteNonQuery();
        }

        using var reopened = PaperCatalog.Open(files.CatalogPath);

        Assert.Equal(["1706.03762", "2401.00001"], reopened.Complete(CompletionQuery.Parse("attention is all"), 50, []).Papers.Select(p => p.Id.Canonical));
    }

    private static readonly string[] Words =
        ["Transformers", "Tracking", "Streams", "Learning", "State", "Stable", "Attention", "Adaptive", "Transfer", "Sparse", "Training", "Trees", "Astronomy"];

    private List<string> Complete(string query, int limit = 50) =>
        catalog.Complete(CompletionQuery.Parse(query), limit, []).Papers.Select(p => p.Id.Canonical).ToList();

    // Every paper, classified by the same rule and sorted by class, title length and recency: what the index must return.
    private List<string> FullScan(string query)
    {
        var parsed = CompletionQuery.Parse(query);
        CompletionClass? Rank(PaperRecord p)
        {
            var title = Text.TexText.ToPlain(p.Title);
            var authors = Text.TexText.ToPlain(p.Authors);
            return CompletionRank.Classify(parsed, p.Id.Canonical, CompletionText.Words(title).ToList(),
                CompletionText.Surnames(authors).ToList(), p.Id.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return catalog.FindMany(AllIds()).Values
            .Select(p => (Paper: p, Rank: Rank(p)))
            .Where(p => p.Rank is not null)
            .OrderBy(p => p.Rank)
            .ThenBy(p => CompletionText.Words(Text.TexText.ToPlain(p.Paper.Title)).Count())
            .ThenByDescending(p => CompletionText.Recency(p.Paper.Id))
            .Select(p => p.Paper)
            .Take(10)
            .Select(p => p.Id.Canonical)
            .ToList();
    }

    private IEnumerable<ArxivId> AllIds()
    {
        using var raw = CatalogTestFiles.Raw(files.CatalogPath);
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT id FROM papers";
        using var reader = command.ExecuteReader();
        var ids = new List<ArxivId>();
        while (reader.Read()) ids.Add(ArxivId.Of(reader.GetString(0)));
        return ids;
    }

    private static bool IsOurs(string id) => Papers.Any(p => p.StartsWith(id + "|", StringComparison.Ordinal));

    private static PaperRecord Record(string line) => Record(line, updated: 2025);

    private static PaperRecord Record(string line, int updated)
    {
        var parts = line.Split('|');
        var id = ArxivId.Of(parts[0]);
        return new PaperRecord
        {
            Id = id,
            Title = parts[1],
            Authors = parts[2],
            Abstract = "We study " + parts[1] + ". It works.",
            Versions = [new PaperVersion(1, new DateTimeOffset(id.Year, id.Month, 1, 0, 0, 0, TimeSpan.Zero))],
            UpdateDate = new DateOnly(updated, 1, 1),
            Source = RecordSource.ArxivApi,
            FetchedAt = new DateTimeOffset(updated, 1, 2, 0, 0, 0, TimeSpan.Zero),
        };
    }
}
