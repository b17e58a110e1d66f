using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaperLens.Core.Completion;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Catalog;

/// <summary>The query side of the completion index: papers by <see cref="CompletionClass"/>, each class
/// from the index part that finds it whole.</summary>
/// <remarks>
/// <list type="number">
/// <item>Title starts: the range of the title-start keys that begin with the typed words (its top list
/// and fresh postings when the prefix is heavy), so every such paper is found, in score order, in a
/// range read or a list read. Most typed titles stop here: their first words are already specific.</item>
/// <item>First author's surname and title start: the range of the first-author keys, for each typed
/// word taken as the surname; complete in the same way.</item>
/// <item>The rest (phrases inside a title, other authors, scattered words), only while the first two
/// classes hold fewer than the list: the candidates of the scattered terms (<see cref="Candidates"/>) in
/// score order, each checked against its title by <see cref="CompletionRank.Classify"/>, until enough
/// phrase matches are found or <see cref="MaxChecked"/> candidates were read; then the answer says
/// more may match. The candidates are the rarest term's range narrowed by the other terms' ranges
/// (<see cref="Narrowed"/>), or, once they are few, by each candidate's own words: the same papers
/// either way, so a term's range of up to <see cref="KeySetLimit"/> postings is read only when that
/// costs less than reading the candidates.</item>
/// </list>
/// Papers cited in the workspace are matched in memory (they are few) and classified the same way.
/// </remarks>
internal sealed partial class CompletionIndex
{
    // Candidates checked against their titles per query, a few milliseconds of reads at most.
    private const int MaxChecked = 256;
    // Keys cut to their length share a range with keys that go on differently; the titles decide.
    private const int MaxCutRange = 2_000;
    // Each typed word in turn is tried as the first author's surname, for queries up to this long.
    private const int MaxSurnameTries = 4;
    // Reading and splitting a candidate paper costs about as much as reading this many postings.
    private const int PaperReadCost = 128;

    private readonly Dictionary<string, (long Postings, bool Heavy)> sizes = new(StringComparer.Ordinal);

    /// <summary>Up to <paramref name="limit"/> keys of papers matching <paramref name="query"/>, best
    /// class first (<see cref="CompletionClass"/>), the <paramref name="preferredIds"/> first within a
    /// class, then by score (<see cref="CompletionText.Score"/>: shorter titles, then newer); and whether more match.</summary>
    public (IReadOnlyList<long> Keys, bool More) Find(CompletionQuery query, int limit, IReadOnlyCollection<string> preferredIds)
    {
        var ranked = new RankedKeys();
        foreach (var (key, rank, score) in Preferred(query, preferredIds)) ranked.Add(key, rank, score, cited: true);
        if (query.IsEmpty) return ranked.Take(limit, more: false);

        var enough = limit + 1;
        var more = false;
        if (query.IdPrefixes.Count == 0)
        {
            more |= AddRange(ranked, CompletionText.TitleStartKey(query.Phrase), query, CompletionClass.TitleStart, enough);
            if (ranked.AtLeast(CompletionClass.TitleStart) >= enough) return ranked.Take(limit, more: true);
            foreach (var (surname, others) in SurnameFirst(query.Phrase))
                more |= AddRange(ranked, CompletionText.AuthorTitleKey(surname, others), query, CompletionClass.FirstAuthorAndTitleStart, enough);
            if (ranked.AtLeast(CompletionClass.FirstAuthorAndTitleStart) >= enough) return ranked.Take(limit, more: true);
        }
        more |= AddOthers(ranked, query, enough);
        return ranked.Take(limit, more);
    }

    // Each word as the surname, the others, in order, as the start of the title.
    private static IEnumerable<(string Surname, List<string> Others)> SurnameFirst(IReadOnlyList<string> phrase)
    {
        if (phrase.Count is < 2 or > MaxSurnameTries) yield break;
        for (var i = 0; i < phrase.Count; i++)
            if (phrase[i].Length > 1) yield return (phrase[i], phrase.Where((_, j) => j != i).ToList());
    }

    // A key's range: the papers in it, in the class given. A key cut to its length stands for the
    // papers whose keys share the cut start, and their titles say which match. Returns whether the
    // range may hold more than was added.
    private bool AddRange(RankedKeys ranked, (string Key, bool Cut) prefix, CompletionQuery query, CompletionClass rank, int enough)
    {
        if (!prefix.Cut)
        {
            var (postings, complete) = Best(prefix.Key, enough);
            foreach (var (key, score) in postings) ranked.Add(key, rank, score, cited: false);
            return !complete;
        }
        var (candidates, whole) = Best(prefix.Key, MaxCutRange);
        var added = 0;
        foreach (var paper in Read(candidates))
        {
            if (paper.Classify(query) is not { } found || found > rank) continue;
            if (added == enough) return true;
            ranked.Add(paper.Key, found, paper.Score, cited: false);
            added++;
        }
        return !whole;
    }

    // Everything else, from the candidates of the scattered terms in score order. A single word or a
    // single id prefix is matched by the index itself, so nothing is read.
    private bool AddOthers(RankedKeys ranked, CompletionQuery query, int enough)
    {
        var scattered = query.Scattered;
        var single = query.Phrase.Count + query.IdPrefixes.Count == 1;
        var (keys, exhaustive, toCheck) = Candidates(scattered, enough + ranked.Total, single);
        if (single)
        {
            var rank = query.Phrase.Count == 1 ? CompletionClass.Phrase : CompletionClass.TitleStart;
            foreach (var (key, score) in keys)
            {
                if (ranked.Total >= enough) return true;
                ranked.Add(key, rank, score, cited: false);
            }
            return !exhaustive;
        }
        var checkedPapers = 0;
        var phrases = 0;
        foreach (var paper in Read(keys))
        {
            // A candidate without a word the index did not check is not one: it is skipped uncounted, as if
            // the index had left it out.
            if (toCheck.Words.Count > 0 && !toCheck.Matches(paper.Id.Canonical, paper.Tokens)) continue;
            if (phrases + ranked.AtLeast(CompletionClass.FirstAuthorAndTitleStart) >= enough || checkedPapers++ == MaxChecked) return true;
            if (paper.Classify(query) is not { } found) continue;
            ranked.Add(paper.Key, found, paper.Score, cited: false);
            if (found == CompletionClass.Phrase) phrases++;
        }
        return !exhaustive;
    }

    private IEnumerable<(long Key, CompletionClass Rank, long Score)> Preferred(CompletionQuery query, IReadOnlyCollection<string> preferredIds)
    {
        // Cited papers are matched one by one; a workspace citing more than this (a mirror of a
        // bibliography, a generated tree) would cost every keystroke that much, so it ranks by score alone.
        if (preferredIds.Count is 0 or > MaxPreferred) return [];
        using var select = Command("SELECT key, id, title, authors FROM papers WHERE id IN (SELECT value FROM json_each($ids))");
        select.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(preferredIds, CatalogJson.Default.IEnumerableString));
        var found = new List<(long, CompletionClass, long)>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var paper = Paper.Of(reader);
            if (query.IsEmpty) found.Add((paper.Key, CompletionClass.TitleStart, paper.Score));
            else if (paper.Classify(query) is { } rank) found.Add((paper.Key, rank, paper.Score));
        }
        return found;
    }

    // A prefix's range ($prefix to $end) sorted best first, a paper once, up to $limit.
    private const string RangeBestFirst =
        """
        SELECT key, score FROM completion_postings WHERE token >= $prefix AND token < $end
        GROUP BY score, key ORDER BY score DESC, key DESC LIMIT $limit
        """;

    // The postings of a prefix's range, best first, up to enough of them, and whether that is all:
    // a heavy prefix from its top list and the fresh postings, a light one by sorting its range.
    private (List<(long Key, long Score)> Postings, bool Complete) Best(string prefix, int enough)
    {
        using var heavy = Command("SELECT EXISTS (SELECT 1 FROM completion_heavy WHERE prefix = $prefix)");
        heavy.Parameters.AddWithValue("$prefix", prefix);
        var listed = (long)heavy.ExecuteScalar()! != 0 && !IsStale() && enough <= TopSize;
        using var select = Command(listed
            ? """
              SELECT key, score FROM (
                  SELECT score, key FROM completion_top WHERE prefix = $prefix
                  UNION
                  SELECT score, key FROM completion_fresh WHERE token >= $prefix AND token < $end)
              ORDER BY score DESC, key DESC LIMIT $limit
              """
            : RangeBestFirst);
        select.Parameters.AddWithValue("$prefix", prefix);
        select.Parameters.AddWithValue("$end", prefix + Last);
        select.Parameters.AddWithValue("$limit", enough);
        var postings = ReadScored(select);
        return (postings, !listed && postings.Count < enough);
    }

    // Candidate keys of the scattered terms in score order, whether they are every paper the driving
    // term matches, and the terms the index did not check (a query whose papers must each have a
    // word starting with every one of them, checked on the paper's own words). The driving term is the
    // one with the fewest postings; only when a single term was typed is every candidate a match of
    // one class, so that the best few suffice: a phrase whose stop words leave one scattered term ("of
    // state") is checked on each candidate, and its matches may be far down the term's range.
    private (IEnumerable<(long Key, long Score)> Keys, bool Exhaustive, CompletionQuery ToCheck) Candidates(CompletionQuery query, int enough, bool single)
    {
        var none = new CompletionQuery([], []);
        if (query.Words.Count == 0)
        {
            using var byId = Command("SELECT key, id FROM papers WHERE id >= $prefix AND id < $end ORDER BY id DESC LIMIT $limit");
            var prefix = query.IdPrefixes.MaxBy(p => p.Length)!;
            byId.Parameters.AddWithValue("$prefix", prefix);
            byId.Parameters.AddWithValue("$end", prefix + Last);
            var exhaustiveLimit = single ? enough : -1;
            byId.Parameters.AddWithValue("$limit", exhaustiveLimit);
            var keys = new List<(long, long)>();
            using (var reader = byId.ExecuteReader())
                while (reader.Read()) keys.Add((reader.GetInt64(0), CompletionText.Recency(ArxivId.Of(reader.GetString(1)))));
            return (keys, exhaustiveLimit < 0 || keys.Count < enough, none);
        }

        var driver = query.Words.MinBy(w => Size(w).Postings)!;
        var (postings, heavy) = Size(driver);
        if (!IsStale() && (single ? heavy : postings > MaxRangeToSort))
        {
            using var top = Command(
                """
                SELECT key, score FROM (
                    SELECT score, key FROM completion_top WHERE prefix = $prefix
                    UNION
                    SELECT score, key FROM completion_fresh WHERE token >= $prefix AND token < $end)
                ORDER BY score DESC, key DESC
                """);
            top.Parameters.AddWithValue("$prefix", driver);
            top.Parameters.AddWithValue("$end", driver + Last);
            var (listed, toCheck) = Narrowed(ReadScored(top), query, driver);
            return (listed, false, new CompletionQuery(toCheck, []));
        }

        if (single)
        {
            using var range = Command(RangeBestFirst);
            range.Parameters.AddWithValue("$prefix", driver);
            range.Parameters.AddWithValue("$end", driver + Last);
            range.Parameters.AddWithValue("$limit", enough);
            var best = ReadScored(range);
            return (best, best.Count < enough, none);
        }

        // The whole range is needed, so it is read in index order and only the candidates that the other
        // terms leave are sorted: SQLite took five times as long to sort a range as to read it.
        var (candidates, left) = Narrowed(Postings(driver), query, driver);
        candidates.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : b.Key.CompareTo(a.Key));
        // A paper is in the range once per word of its that starts with the driving term.
        var distinct = candidates.Where((c, i) => i == 0 || c != candidates[i - 1]);
        return (distinct, true, new CompletionQuery(left, []));
    }

    // The candidates that have a word starting with each other term, as far as the index is worth
    // reading for it, and the terms left to check on the papers themselves. Terms are taken rarest
    // first, each narrowing the candidates; once the candidates are few, reading the papers (which
    // the caller does anyway for the first of them) costs less than reading a term's range.
    private (List<(long Key, long Score)> Candidates, List<string> ToCheck) Narrowed(List<(long Key, long Score)> candidates, CompletionQuery query, string driver)
    {
        var left = new List<string>();
        // A term with more than KeySetLimit postings is left to the candidate's class (Classify), and
        // a candidate without it is counted among those checked, as it always was.
        foreach (var word in query.Words.Where(w => w != driver && Size(w).Postings <= KeySetLimit).OrderBy(w => Size(w).Postings))
        {
            var postings = Size(word).Postings;
            if ((long)candidates.Count * PaperReadCost < postings)
            {
                left.Add(word);
                continue;
            }
            var wanted = candidates.Select(c => c.Key).ToHashSet();
            var found = new HashSet<long>();
            using var keys = new RawStatement(connection, "SELECT key FROM completion_postings WHERE token >= ?1 AND token < ?2");
            keys.Bind(1, word);
            keys.Bind(2, word + Last);
            while (keys.Step())
            {
                var key = keys.Int64(0);
                if (wanted.Contains(key)) found.Add(key);
            }
            candidates = candidates.Where(c => found.Contains(c.Key)).ToList();
        }
        return (candidates, left);
    }

    // A prefix's postings in index order (by token, then score).
    private List<(long Key, long Score)> Postings(string prefix)
    {
        var postings = new List<(long, long)>((int)Math.Min(Size(prefix).Postings, MaxRangeToSort));
        using var range = new RawStatement(connection, "SELECT key, score FROM completion_postings WHERE token >= ?1 AND token < ?2");
        range.Bind(1, prefix);
        range.Bind(2, prefix + Last);
        while (range.Step()) postings.Add((range.Int64(0), range.Int64(1)));
        return postings;
    }

    // How many postings a prefix's range holds (recorded for a heavy prefix, counted for a light one,
    // whose range is short by definition), and whether it has a top list; asked once per query.
    private (long Postings, bool Heavy) Size(string prefix)
    {
        if (sizes.TryGetValue(prefix, out var known)) return known;
        using var heavy = Command("SELECT postings FROM completion_heavy WHERE prefix = $prefix");
        heavy.Parameters.AddWithValue("$prefix", prefix);
        if (heavy.ExecuteScalar() is long postings) return sizes[prefix] = (postings, true);
        using var count = Command("SELECT count(*) FROM completion_postings WHERE token >= $prefix AND token < $end");
        count.Parameters.AddWithValue("$prefix", prefix);
        count.Parameters.AddWithValue("$end", prefix + Last);
        return sizes[prefix] = ((long)count.ExecuteScalar()!, false);
    }

    // The papers of the candidates, in their order, read a batch at a time.
    private IEnumerable<Paper> Read(IEnumerable<(long Key, long Score)> candidates)
    {
        foreach (var batch in candidates.Chunk(CheckBatch))
        {
            using var select = Command("SELECT key, id, title, authors FROM papers WHERE key IN (SELECT value FROM json_each($keys))");
            select.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(batch.Select(c => c.Key), CatalogJson.Default.IEnumerableInt64));
            var papers = new Dictionary<long, Paper>(batch.Length);
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    var paper = Paper.Of(reader);
                    papers[paper.Key] = paper;
                }
            }
            foreach (var (key, _) in batch)
                if (papers.TryGetValue(key, out var paper)) yield return paper;
        }
    }

    private static List<(long Key, long Score)> ReadScored(SqliteCommand command)
    {
        var postings = new List<(long, long)>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) postings.Add((reader.GetInt64(0), reader.GetInt64(1)));
        return postings;
    }

    /// <summary>A candidate as <see cref="CompletionRank"/> reads it.</summary>
    private sealed record Paper(long Key, ArxivId Id, long Score, List<string> TitleWords, List<string> Surnames)
    {
        // Columns: key, id, title, authors.
        public static Paper Of(SqliteDataReader reader)
        {
            var id = ArxivId.Of(reader.GetString(1));
            var titleWords = CompletionText.Words(TexText.ToPlain(reader.GetString(2))).ToList();
            return new Paper(reader.GetInt64(0), id, CompletionText.Score(id, titleWords.Count), titleWords,
                CompletionText.Surnames(TexText.ToPlain(reader.GetString(3))).ToList());
        }

        /// <summary>The words a term may start, as the index holds them (<see cref="CompletionRank.Tokens"/>).</summary>
        public IReadOnlyCollection<string> Tokens => field ??= CompletionRank.Tokens(TitleWords, Surnames, Year);

        private string Year => Id.Year.ToString(CultureInfo.InvariantCulture);

        public CompletionClass? Classify(CompletionQuery query) =>
            CompletionRank.Classify(query, Id.Canonical, TitleWords, Surnames, Year);
    }
}
