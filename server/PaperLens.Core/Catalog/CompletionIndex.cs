using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaperLens.Core.Completion;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Catalog;

/// <summary>The completion index: the top papers for a typed prefix in about a millisecond, at any
/// catalog size, without sorting a large posting list at query time.</summary>
/// <remarks>
/// Every paper has a static score, the same in each of its postings (<see cref="CompletionText.Score"/>:
/// shorter titles first, then newer; derived from the id and the title, so it changes only with the
/// title, and migration 6 gave the postings of earlier catalogs theirs). Tables (migration 2):
/// <list type="bullet">
/// <item><c>completion_postings (token, score, key)</c>, clustered on that order: a paper's title words,
/// author surnames and year. One token's papers are already in score order, but a prefix spans many
/// tokens ("tra": transformer, training, trajectory…), so "top 50 for a prefix" would have SQLite read
/// and sort the whole range — hundreds of thousands of rows for a short prefix in a big catalog.</item>
/// <item><c>completion_heavy (prefix, postings)</c> and <c>completion_top (prefix, score, key)</c>: every
/// prefix whose range holds more than <see cref="HeavyThreshold"/> postings is "heavy" and keeps its top
/// <see cref="TopSize"/> papers precomputed. A light prefix is answered from its range directly (at most
/// a few thousand index rows); a heavy one by reading its short list.</item>
/// <item><c>completion_fresh (token, score, key)</c>: postings written since the top lists were built.
/// A heavy prefix's answer is its top list merged with its fresh range, so single upserts stay exact
/// without touching the lists; a write that leaves many fresh postings rebuilds the lists
/// (<see cref="MaintainAfterWrite"/>; such a write stops copying postings to fresh and marks the lists
/// stale, so a reader meanwhile falls back to reading ranges: slower, never wrong). When a paper is
/// retitled its old postings and list entries go; a list then holds fewer entries but still exactly the
/// best ones.</item>
/// <item><c>completion_staged (key, score, tokens)</c> (migration 3): a bulk import writes each paper's
/// tokens here, one row per paper appended in key order, and <see cref="MergeStaged"/> expands and sorts
/// them inside SQLite into the postings when the import completes. Inserting a dozen postings per paper
/// batch by batch, at random places in a growing B-tree, cost more than the rest of an import together.
/// Until the merge, completion answers as before the import began (an interrupted import leaves its
/// papers staged: found by search and hover, offered by completion once a rerun completes).</item>
/// </list>
/// Besides words, surnames and the year, each paper has two keys among its tokens (migration 4,
/// <see cref="CompletionText.PaperEntry"/>): its title's start (all its folded words, stop words
/// included) and its first author's surname followed by that start. They sort before every word, so a
/// key prefix is a range like a word prefix, with the same top lists and fresh postings: the papers
/// whose title starts with the typed words are one range read, whole, whatever the catalog's size.
/// How a query uses them, by class of match: CompletionIndex.Find.cs.
/// </remarks>
internal sealed partial class CompletionIndex(SqliteConnection connection, SqliteTransaction? transaction = null)
{
    public const int HeavyThreshold = 4_000;
    public const int TopSize = 200;
    private const int FreshLimit = 20_000;
    private const int MaxHeavyPrefixLength = 24;
    private const int CheckBatch = 64;
    // SQLite's default page cache (2 MiB, as a negative KiB count), the size its sorter works best with.
    private const long SortCacheKib = -2000;
    private const int MaxSorterThreads = 4;
    // For a query of several words: the driving word's range is read whole up to this many postings
    // (else its top list), and another word's range narrows the candidates up to KeySetLimit postings
    // (a few milliseconds each).
    private const int MaxRangeToSort = 20_000;
    private const int MaxPreferred = 5_000;
    private const int KeySetLimit = 40_000;
    // Sorts after every character a token can hold, so [p, p + Last) is the range of tokens starting with p.
    private const string Last = "\U0010FFFF";
    // Sorts after the keys' marks and before every word (words start with a letter or digit).
    private const string FirstWord = "0";

    internal int HeavyThresholdForTests { get; init; } = HeavyThreshold;

    /// <summary>Appends a paper's tokens (a JSON array of <see cref="CompletionText.PaperEntry"/>) to
    /// the staged postings; positional parameters: key, score, tokens.</summary>
    public const string StageSql = "INSERT OR REPLACE INTO completion_staged (key, score, tokens) VALUES (?1, ?2, ?3)";

    /// <summary>Indexes papers (new or retitled) by their <see cref="CompletionText.PaperEntry"/>.</summary>
    public void Add(IEnumerable<(long Key, long Score, IReadOnlyCollection<string> Tokens)> papers)
    {
        // Postings sorted first: inserted in index order, a batch touches each B-tree page once instead
        // of at random. Positional statements on the raw handle: a write adds a dozen per paper.
        var rows = new List<(string Token, long Score, long Key)>();
        foreach (var (key, score, tokens) in papers)
            foreach (var token in tokens) rows.Add((token, score, key));
        rows.Sort((a, b) => string.CompareOrdinal(a.Token, b.Token) is var c and not 0 ? c : a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.Key.CompareTo(b.Key));
        var stale = IsStale();
        if (!stale && FreshCount() + rows.Count > FreshLimit)
        {
            // This write will rebuild the lists when it completes: mark them stale and spare the fresh copies.
            using var mark = Command("INSERT INTO completion_heavy (prefix, postings) VALUES ('', 0)");
            mark.ExecuteNonQuery();
            stale = true;
        }
        foreach (var table in stale ? ["completion_postings"] : new[] { "completion_postings", "completion_fresh" })
        {
            using var insert = new RawStatement(connection, $"INSERT OR IGNORE INTO {table} (token, score, key) VALUES (?1, ?2, ?3)");
            foreach (var (token, score, key) in rows)
            {
                insert.Bind(1, token);
                insert.Bind(2, score);
                insert.Bind(3, key);
                insert.ExecuteInt64();
            }
        }
    }

    /// <summary>Forgets the entries of a paper as it was indexed (or staged), before it is retitled.</summary>
    public void Remove(long key, ArxivId id, string plainTitle, string plainAuthors)
    {
        var (tokens, score) = CompletionText.PaperEntry(id, plainTitle, plainAuthors);
        using (var staged = Command("DELETE FROM completion_staged WHERE key = $key"))
        {
            staged.Parameters.AddWithValue("$key", key);
            staged.ExecuteNonQuery();
        }
        foreach (var table in new[] { "completion_postings", "completion_fresh" })
        {
            using var delete = Command($"DELETE FROM {table} WHERE token = $token AND score = $score AND key = $key");
            delete.Parameters.AddWithValue("$score", score);
            delete.Parameters.AddWithValue("$key", key);
            delete.Parameters.Add("$token", SqliteType.Text);
            foreach (var token in tokens)
            {
                delete.Parameters["$token"].Value = token;
                delete.ExecuteNonQuery();
            }
        }
        using var top = Command("DELETE FROM completion_top WHERE key = $key");
        top.Parameters.AddWithValue("$key", key);
        top.ExecuteNonQuery();
    }

    /// <summary>Rebuilds the top lists when many postings arrived since they were built.</summary>
    public void MaintainAfterWrite()
    {
        if (IsStale() || FreshCount() > FreshLimit) RebuildTopLists();
    }

    /// <summary>Moves the staged tokens into the postings in one statement: SQLite expands each paper's
    /// JSON array, sorts the postings (spilling to temporary files, so memory stays bounded however many
    /// there are) and inserts them in index order (into a new catalog by way of a temporary table, so
    /// their pages end up full: <see cref="MergeRepacked"/>). A few postings also go to the fresh ones,
    /// as <see cref="Add"/> does; many rebuild the top lists.</summary>
    public void MergeStaged()
    {
        // Every paper has a token (its year), so more staged papers than FreshLimit need no counting:
        // the lists will be rebuilt. Fewer are counted posting by posting.
        using var papers = Command("SELECT count(*) FROM (SELECT 1 FROM completion_staged LIMIT $limit)");
        papers.Parameters.AddWithValue("$limit", FreshLimit + 1);
        var stagedPapers = (long)papers.ExecuteScalar()!;
        if (stagedPapers == 0) return;
        var rebuild = stagedPapers > FreshLimit || IsStale() || FreshCount() + StagedPostings() > FreshLimit;
        // SQLite sorts in memory up to the size of the page cache: under a bulk write's large cache the
        // sort was one huge in-memory sort, twice the CPU time of sorted runs merged from temporary files.
        // Nothing else runs meanwhile, so the sorter may use the other cores (a third less time on two).
        using var cacheSize = Command("PRAGMA cache_size");
        var bulkCacheSize = Convert.ToInt64(cacheSize.ExecuteScalar(), CultureInfo.InvariantCulture);
        SetCacheSize(SortCacheKib);
        SetSorterThreads(Math.Min(Environment.ProcessorCount, MaxSorterThreads) - 1);
        try
        {
            if (FewPostings(stagedPapers)) MergeRepacked(alsoFresh: !rebuild);
            else MergeInPlace(alsoFresh: !rebuild);
        }
        finally
        {
            SetCacheSize(bulkCacheSize);
            SetSorterThreads(0);
            Execute("DROP TABLE IF EXISTS temp.completion_merging");
            Execute("DROP TABLE IF EXISTS temp.completion_sorted");
        }
        if (rebuild) RebuildTopLists();
    }

    private static string SortedPostingsInsert(string into, string from) =>
        $"""
        INSERT OR IGNORE INTO {into} (token, score, key)
        SELECT token.value, staged.score, staged.key FROM {from} staged, json_each(staged.tokens) token
        ORDER BY 1, 2, 3
        """;

    private void MergeInPlace(bool alsoFresh)
    {
        // The staged rows move to a temporary table first and leave the catalog's pages free for the
        // postings: merged from where they were, their pages stayed free in the file (a tenth of it
        // after a first import). The move is a plain copy, a small part of the merge's time.
        Execute("DROP TABLE IF EXISTS temp.completion_merging");
        Execute("CREATE TEMP TABLE completion_merging AS SELECT score, key, tokens FROM main.completion_staged");
        Execute("DELETE FROM main.completion_staged");
        Execute(SortedPostingsInsert("main.completion_postings", "temp.completion_merging"));
        if (alsoFresh) Execute(SortedPostingsInsert("main.completion_fresh", "temp.completion_merging"));
    }

    // A first import fills the postings' pages: SQLite leaves an index B-tree built by sorted INSERTs
    // about 88% full (it rebalances each split leaf with its neighbours), but copies a table into an
    // empty one of the same layout page by page, packed full ("INSERT INTO t SELECT * FROM u", the
    // transfer VACUUM uses). So the postings there are (a new catalog's seed papers) and the staged
    // ones are sorted into a temporary table, and copied back into the emptied postings: an eighth of
    // their size saved for a copy that takes a fraction of the sort. The staged rows are deleted
    // before the copy, which then reuses their pages.
    private void MergeRepacked(bool alsoFresh)
    {
        Execute("DROP TABLE IF EXISTS temp.completion_sorted");
        Execute(
            """
            CREATE TEMP TABLE completion_sorted (
                token TEXT NOT NULL,
                score INTEGER NOT NULL,
                key INTEGER NOT NULL,
                PRIMARY KEY (token, score, key)
            ) WITHOUT ROWID
            """);
        Execute("INSERT INTO temp.completion_sorted SELECT * FROM main.completion_postings");
        Execute("DELETE FROM main.completion_postings");
        Execute(SortedPostingsInsert("temp.completion_sorted", "main.completion_staged"));
        if (alsoFresh) Execute(SortedPostingsInsert("main.completion_fresh", "main.completion_staged"));
        Execute("DELETE FROM main.completion_staged");
        Execute("INSERT OR IGNORE INTO main.completion_postings SELECT * FROM temp.completion_sorted");
    }

    // Fewer postings than staged papers (counted up to FreshLimit + 1, so at most a new catalog's seed
    // papers or a small catalog): with a dozen or so postings a paper, copying them twice costs little
    // against the merge.
    private bool FewPostings(long stagedPapers)
    {
        using var count = Command("SELECT count(*) FROM (SELECT 1 FROM completion_postings LIMIT $limit)");
        count.Parameters.AddWithValue("$limit", stagedPapers + 1);
        return (long)count.ExecuteScalar()! <= stagedPapers;
    }

    // The top lists lack papers added since a large write began (marked by the heavy "prefix" ''): until
    // that write completes, or after it was interrupted, prefixes are answered from their ranges.
    private bool IsStale()
    {
        using var marked = Command("SELECT EXISTS (SELECT 1 FROM completion_heavy WHERE prefix = '')");
        return (long)marked.ExecuteScalar()! != 0;
    }

    private long FreshCount()
    {
        using var count = Command("SELECT count(*) FROM (SELECT 1 FROM completion_fresh LIMIT $limit)");
        count.Parameters.AddWithValue("$limit", FreshLimit + 1);
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>Indexes every paper of a catalog whose completion index is missing or was emptied by a
    /// migration that changed the tokens: stages every paper's tokens, then merges them as an import does.</summary>
    public void BuildFromPapers()
    {
        using var select = Command("SELECT key, id, title, authors FROM papers");
        using var stage = new RawStatement(connection, StageSql);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var id = ArxivId.Of(reader.GetString(1));
            var (tokens, score) = CompletionText.PaperEntry(id, TexText.ToPlain(reader.GetString(2)), TexText.ToPlain(reader.GetString(3)));
            stage.Bind(1, reader.GetInt64(0));
            stage.Bind(2, score);
            stage.Bind(3, JsonSerializer.Serialize(tokens, CatalogJson.Default.IEnumerableString));
            stage.ExecuteInt64();
        }
        MergeStaged();
    }

    /// <summary>Finds which prefixes are heavy and precomputes their top lists; empties the fresh postings.</summary>
    public void RebuildTopLists()
    {
        foreach (var table in new[] { "completion_fresh", "completion_top", "completion_heavy" })
        {
            using var clear = Command($"DELETE FROM {table}");
            clear.ExecuteNonQuery();
        }
        var heavy = HeavyPrefixes();
        using (var insertHeavy = Command("INSERT INTO completion_heavy (prefix, postings) VALUES ($prefix, $postings)"))
        {
            insertHeavy.Parameters.Add("$prefix", SqliteType.Text);
            insertHeavy.Parameters.Add("$postings", SqliteType.Integer);
            foreach (var (prefix, postings) in heavy)
            {
                insertHeavy.Parameters["$prefix"].Value = prefix;
                insertHeavy.Parameters["$postings"].Value = postings;
                insertHeavy.ExecuteNonQuery();
            }
        }
        WriteTopLists(heavy.Select(h => h.Prefix).ToHashSet(StringComparer.Ordinal));
    }

    // One ordered pass over the distinct tokens: a prefix's range is contiguous, so one bounded heap per
    // prefix length collects the range's best papers and is written out when the range ends (reading
    // each heavy range with its own sorted query cost several times as much on 500k papers). A token
    // under a heavy prefix gives only its own best TopSize postings, read best first: the rest are
    // beaten by those, which are distinct papers under the same prefix. So the lists cost a short query
    // per token instead of a pass over every posting (7 s of a 1M-paper import, then under one).
    private void WriteTopLists(HashSet<string> heavy)
    {
        using var insert = new RawStatement(connection, "INSERT INTO completion_top (prefix, score, key) VALUES (?1, ?2, ?3)");
        var open = new TopList?[MaxHeavyPrefixLength + 1];
        var offerTo = new List<TopList>(MaxHeavyPrefixLength);
        // The lists a token's postings are offered to: those of its heavy prefixes. Lists of the
        // prefixes it no longer shares with the previous token are complete and written out.
        void Enter(string token)
        {
            offerTo.Clear();
            for (var length = 1; length <= MaxHeavyPrefixLength; length++)
            {
                var list = open[length];
                if (length > token.Length)
                {
                    list?.WriteTo(insert);
                    open[length] = null;
                    continue;
                }
                if (list is null || !token.AsSpan(0, length).SequenceEqual(list.Prefix))
                {
                    list?.WriteTo(insert);
                    var prefix = token[..length];
                    list = open[length] = new TopList(prefix, heavy.Contains(prefix));
                }
                if (list.Heavy) offerTo.Add(list);
            }
        }

        // The title and author keys (they sort before every word) have a posting or two each: one
        // ordered pass reads them, where a query per key would cost one per paper.
        using (var keys = new RawStatement(connection, "SELECT token, score, key FROM completion_postings WHERE token < ?1 ORDER BY token"))
        {
            keys.Bind(1, FirstWord);
            var current = "";
            while (keys.Step())
            {
                var token = Encoding.UTF8.GetString(keys.Utf8(0));
                if (token != current) Enter(current = token);
                foreach (var list in offerTo) list.Offer(keys.Int64(1), keys.Int64(2));
            }
        }

        using var tokens = new RawStatement(connection, "SELECT DISTINCT token FROM completion_postings WHERE token >= ?1 ORDER BY token");
        tokens.Bind(1, FirstWord);
        using var best = new RawStatement(connection, "SELECT score, key FROM completion_postings WHERE token = ?1 ORDER BY score DESC, key DESC LIMIT ?2");
        while (tokens.Step())
        {
            var token = Encoding.UTF8.GetString(tokens.Utf8(0));
            Enter(token);
            if (offerTo.Count == 0) continue;
            best.Bind(1, token);
            best.Bind(2, TopSize);
            while (best.Step())
            {
                var score = best.Int64(0);
                var key = best.Int64(1);
                foreach (var list in offerTo) list.Offer(score, key);
            }
        }
        foreach (var list in open) list?.WriteTo(insert);
    }

    private sealed class TopList(string prefix, bool heavy)
    {
        private readonly PriorityQueue<long, (long Score, long Key)> best = new();
        private readonly HashSet<long> keys = [];

        public string Prefix => prefix;

        public bool Heavy => heavy;

        public void Offer(long score, long key)
        {
            if (!heavy || keys.Contains(key)) return;
            if (best.Count < TopSize)
            {
                best.Enqueue(key, (score, key));
                keys.Add(key);
                return;
            }
            best.TryPeek(out var worst, out var worstRank);
            if ((score, key).CompareTo(worstRank) <= 0) return;
            best.DequeueEnqueue(key, (score, key));
            keys.Remove(worst);
            keys.Add(key);
        }

        public void WriteTo(RawStatement insert)
        {
            while (best.TryDequeue(out var key, out var rank))
            {
                insert.Bind(1, prefix);
                insert.Bind(2, rank.Score);
                insert.Bind(3, key);
                insert.ExecuteInt64();
            }
        }
    }

    // Tokens arrive in order, so the tokens sharing a prefix are consecutive: one running count per
    // prefix length finds every heavy prefix in a single pass.
    private List<(string Prefix, long Postings)> HeavyPrefixes()
    {
        var heavy = new List<(string, long)>();
        var current = new string?[MaxHeavyPrefixLength + 1];
        var counts = new long[MaxHeavyPrefixLength + 1];
        void Close(int length)
        {
            if (current[length] is { } prefix && counts[length] > HeavyThresholdForTests) heavy.Add((prefix, counts[length]));
            current[length] = null;
            counts[length] = 0;
        }

        using var select = Command("SELECT token, count(*) FROM completion_postings GROUP BY token ORDER BY token");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var token = reader.GetString(0);
            var postings = reader.GetInt64(1);
            for (var length = 1; length <= MaxHeavyPrefixLength; length++)
            {
                if (length > token.Length)
                {
                    Close(length);
                    continue;
                }
                if (current[length] is not { } prefix || !token.AsSpan(0, length).SequenceEqual(prefix))
                {
                    Close(length);
                    current[length] = token[..length];
                }
                counts[length] += postings;
            }
        }
        for (var length = 1; length <= MaxHeavyPrefixLength; length++) Close(length);
        return heavy;
    }

    private long StagedPostings()
    {
        using var count = Command("SELECT sum(json_array_length(tokens)) FROM completion_staged");
        return (long)count.ExecuteScalar()!;
    }

    // PRAGMA takes no parameters; the values are numbers.
    private void SetCacheSize(long kibOrPages)
    {
        using var pragma = Command("PRAGMA cache_size = " + kibOrPages.ToString(CultureInfo.InvariantCulture));
        pragma.ExecuteNonQuery();
    }

    private void SetSorterThreads(int helpers)
    {
        using var pragma = Command("PRAGMA threads = " + helpers.ToString(CultureInfo.InvariantCulture));
        pragma.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
