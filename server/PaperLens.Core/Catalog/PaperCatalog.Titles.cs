using PaperLens.Core.Rules;

namespace PaperLens.Core.Catalog;

/// <summary>Which papers a title claim may name, from the full-text index the catalog already has (no
/// column or index of its own: the catalog must stay compact at arXiv's full size). The claim's words
/// that the index knows are looked up together in the title column, rarest first; a misspelt word is
/// simply unknown to the index and left out. The caller confirms candidates with its own matching.</summary>
public sealed partial class PaperCatalog
{
    private const int TitleCandidateLimit = 20;

    private const int CommonWordPapers = 100_000;

    private const int RarestWordsTogether = 5;

    private readonly TitleWordCounts titleWordCounts = new();

    public IReadOnlyList<PaperRecord> TitleCandidates(string title)
    {
        var words = ClaimText.Words(ClaimText.Normalize(title)).Distinct(StringComparer.Ordinal).Take(64).ToList();
        if (words.Count == 0) return [];
        return Run(() =>
        {
            var known = KnownTitleWords(words);
            if (known.Count == 0) return [];
            // More words than these add little to singling a title out, and each costs its postings.
            var found = TitlesWith(AllOf(known.Take(RarestWordsTogether)));
            if (found.Count > 0 || known.Count < 3) return found;
            // The claim adds a word the title lacks, or misspells one into another real word: any two of
            // the three rarest words, so one of them may be the odd one.
            var (a, b, c) = (Quoted(known[0]), Quoted(known[1]), Quoted(known[2]));
            return TitlesWith($"({a} AND {b}) OR ({a} AND {c}) OR ({b} AND {c})");
        });
    }

    /// <summary>The words that occur in some title, rarest first. At arXiv's size nearly every title word is in
    /// thousands of titles, so only true counts tell the rare ones apart (they decide which titles are
    /// candidates, and the rarer the words the fewer postings the queries read); counted once per catalog
    /// state (<see cref="TitleWordCounts"/>) and only up to <see cref="CommonWordPapers"/>, past which a word
    /// is never among the rarest of a title.</summary>
    private List<string> KnownTitleWords(List<string> words)
    {
        var version = CurrentVersion();
        using var command = Command("SELECT count(*) FROM (SELECT 1 FROM papers_fts WHERE papers_fts MATCH $match LIMIT $cap)");
        var match = command.Parameters.Add("$match", Microsoft.Data.Sqlite.SqliteType.Text);
        command.Parameters.AddWithValue("$cap", CommonWordPapers);
        var counts = new List<(string Word, long Papers)>();
        foreach (var word in words)
        {
            var papers = titleWordCounts.Of(word, version, w =>
            {
                match.Value = "title : " + Quoted(w);
                return command.ExecuteScalar() is long n ? n : 0;
            });
            if (papers > 0) counts.Add((word, papers));
        }
        return counts.OrderBy(c => c.Papers).ThenBy(c => c.Word, StringComparer.Ordinal).Select(c => c.Word).ToList();
    }

    private static string AllOf(IEnumerable<string> words) => string.Join(" AND ", words.Select(Quoted));

    // A quoted FTS5 string is one token to match, whatever its characters; a quote is doubled.
    private static string Quoted(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The papers whose title matches <paramref name="query"/> (an FTS5 expression), best first.</summary>
    private List<PaperRecord> TitlesWith(string query)
    {
        using var command = Command(
            $"""
            SELECT {QualifiedColumns} FROM papers_fts JOIN papers p ON p.key = papers_fts.rowid
            WHERE papers_fts MATCH $match
            ORDER BY bm25(papers_fts, 1.0, 0.0, 0.0, 0.0), p.id
            LIMIT $limit
            """);
        command.Parameters.AddWithValue("$match", "title : (" + query + ")");
        command.Parameters.AddWithValue("$limit", TitleCandidateLimit);
        using var reader = command.ExecuteReader();
        var records = new List<PaperRecord>();
        while (reader.Read()) records.Add(PaperRowCodec.Decode(PaperRow.Read(reader, 0)));
        return records;
    }
}
