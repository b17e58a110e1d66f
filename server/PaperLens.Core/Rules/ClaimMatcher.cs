using F23.StringSimilarity;
using PaperLens.Core.Text;

namespace PaperLens.Core.Rules;

/// <summary>Decides whether what an author wrote beside a citation fits the paper (spec §2, end):
/// title claims for PL003, name claims for PL012. Errs towards "matches": a false warning on a
/// correct citation costs more trust than a missed one.</summary>
public static class ClaimMatcher
{
    /// <summary>Similarity of the two texts with spaces removed (F23 normalised Levenshtein) above
    /// which they match however the words are split: "Pre-Trained Time-Series" and "Pretrained
    /// Timeseries". Set from real variants (see ClaimMatcherTests): a typo or a hyphen scores above
    /// 0.97, "Attention Is Not All You Need" against "Attention Is All You Need" 0.875, the closest
    /// pair of different bundled seed titles 0.51.</summary>
    public const double SpacelessSimilarityThreshold = 0.9;

    /// <summary>Word edits a claim may differ by, per word of the longer text: a dropped word in a
    /// five-word title is allowed, in a four-word title only a dropped "an" or "of".</summary>
    public const double WordEditBudgetPerWord = 0.2;

    private const int MinimumLeadingWords = 3;

    private const int MaximumFuzzyWords = 200;

    // A short name before the colon names the work; authors rewrite the subtitle after it between
    // versions ("FlashRNN: Optimizing Traditional RNNs…" became "FlashRNN: I/O-Aware Optimization…").
    private const int MaximumShortNameWords = 4;

    // Small words whose presence hardly changes which paper is meant.
    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "via", "with", "from", "and", "or", "as",
        "into", "is", "are", "its", "s",
    };

    // A negation turns a title into a rebuttal of it ("Attention Is Not All You Need"), never a typo.
    private static readonly HashSet<string> NegationWords = new(StringComparer.Ordinal) { "not", "no", "non", "without" };

    private static readonly Damerau WordDistance = new();
    private static readonly NormalizedLevenshtein CharacterSimilarity = new();

    public static TitleMatch MatchTitle(string claim, string title) =>
        MatchTitle(NormalizedTitle.Of(claim), NormalizedTitle.Of(title));

    public static TitleMatch MatchTitle(NormalizedTitle claim, NormalizedTitle title)
    {
        if (claim.IsEmpty || title.IsEmpty) return TitleMatch.None;
        if (claim.Text == title.Text) return TitleMatch.Exact;
        if (title.Head is not null && claim.Text == title.Head) return TitleMatch.ShortName;
        if (claim.Words.Length >= MinimumLeadingWords && StartsWith(title.Words, claim.Words)) return TitleMatch.LeadingWords;
        if (claim.Head is not null && claim.Head == title.Text) return TitleMatch.Subtitle;
        if (AreClose(claim.Text, claim.Words, title.Text, title.Words)) return TitleMatch.Fuzzy;
        if (title.HeadWords is not null && AreClose(claim.Text, claim.Words, title.Head!, title.HeadWords)) return TitleMatch.Fuzzy;
        if (claim.HeadWords is not null && AreClose(claim.Head!, claim.HeadWords, title.Text, title.Words)) return TitleMatch.Fuzzy;
        if (claim.Head is not null && claim.Head == title.Head && claim.HeadWords!.Length <= MaximumShortNameWords) return TitleMatch.Subtitle;
        // "RevIN: Reversible Instance Normalization": a name, then the title's opening words.
        if (claim.HeadWords is { Length: <= MaximumShortNameWords } nameWords && claim.Words.Length - nameWords.Length >= MinimumLeadingWords
            && StartsWith(title.Words, claim.Words[nameWords.Length..]))
            return TitleMatch.Subtitle;
        return TitleMatch.None;
    }

    /// <summary>Whether a name claim (<c>[SimpleViT](…)</c>) appears in the title or abstract (spec §2):
    /// whole, after normalising and with spaces removed on both sides (<c>SimpleViT</c> in "Simple ViT",
    /// <c>Mamba360</c> in "Mamba-360"), or word by word, each significant word found and an acronym
    /// counting for the words it abbreviates (<c>Selective SSMs</c> in "selective state space models").
    /// A plural matches its singular.</summary>
    public static bool NameMatches(string name, string title, string? abstractText) =>
        NameMatches(name, PaperText.Of(title, abstractText));

    public static bool NameMatches(string name, PaperText paper)
    {
        // "Graph-Mamba (SAMBA)": a name and its alias; either one found is enough.
        var open = name.IndexOf('(');
        if (open > 0 && name.TrimEnd().EndsWith(')'))
            return NameMatches(name[..open], paper) || NameMatches(name[(open + 1)..name.LastIndexOf(')')], paper);
        var wanted = Spaceless(ClaimText.Normalize(name));
        if (wanted.Length == 0) return true;
        return ContainsOrSingular(paper.Spaceless, wanted) || EveryWordAppears(name, paper);
    }

    private static bool ContainsOrSingular(string haystack, string wanted)
    {
        if (haystack.Contains(wanted, StringComparison.Ordinal)) return true;
        if (wanted.Length > 3 && wanted.EndsWith("es", StringComparison.Ordinal)
            && haystack.Contains(wanted[..^2], StringComparison.Ordinal)) return true;
        return wanted.Length > 3 && wanted[^1] == 's' && haystack.Contains(wanted[..^1], StringComparison.Ordinal);
    }

    private static bool EveryWordAppears(string name, PaperText paper)
    {
        var significant = 0;
        foreach (var token in name.Split([' ', '\t', '\n', '\r', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Acronym.Letters(token.Trim(',', ';', '.', '!', '?', '"', '\'')) is { Length: >= 2 } letters
                && (Acronym.AbbreviatesSomeRun(letters, paper.Words) || paper.WordSet.Contains(letters)))
            {
                significant++;
                continue;
            }
            foreach (var word in ClaimText.Words(ClaimText.Normalize(token)))
            {
                if (MinorWords.Contains(word)) continue;
                if (!WordAppears(word, paper.WordSet)) return false;
                significant++;
            }
        }
        return significant > 0;
    }

    private static bool WordAppears(string word, IReadOnlySet<string> words) =>
        words.Contains(word)
        || word.Length > 3 && word.EndsWith("es", StringComparison.Ordinal) && words.Contains(word[..^2])
        || word.Length > 3 && word[^1] == 's' && words.Contains(word[..^1])
        || words.Contains(word + "s");

    internal static string Spaceless(string normalized) => normalized.Replace(" ", "", StringComparison.Ordinal);

    private static bool StartsWith(string[] words, string[] prefix)
    {
        if (prefix.Length > words.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (words[i] != prefix[i]) return false;
        }
        return true;
    }

    private static bool AreClose(string a, string[] aWords, string b, string[] bWords)
    {
        // No real title is this long; a runaway BibTeX field must not cost quadratic time.
        if (Math.Max(aWords.Length, bWords.Length) > MaximumFuzzyWords) return false;
        var budget = Math.Max(aWords.Length, bWords.Length) * WordEditBudgetPerWord;
        // Each word one side has more costs at least a minor word's half.
        var withinBudget = Math.Abs(aWords.Length - bWords.Length) * 0.5 <= budget
            && WordEditCost(aWords, bWords, budget) <= budget;
        if (withinBudget) return true;
        if (Math.Min(aWords.Length, bWords.Length) < MinimumLeadingWords) return false;
        var spacelessA = Spaceless(a);
        var spacelessB = Spaceless(b);
        if (spacelessA == spacelessB) return true;
        var lengthRatio = (double)Math.Min(spacelessA.Length, spacelessB.Length) / Math.Max(spacelessA.Length, spacelessB.Length);
        return lengthRatio >= SpacelessSimilarityThreshold
            && CharacterSimilarity.Similarity(spacelessA, spacelessB) >= SpacelessSimilarityThreshold;
    }

    /// <summary>Word-level edit distance where a typo costs a quarter, a minor word half and a
    /// negation two; stops early once every path exceeds <paramref name="budget"/>.</summary>
    private static double WordEditCost(string[] a, string[] b, double budget)
    {
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        for (var j = 1; j <= b.Length; j++) previous[j] = previous[j - 1] + Weight(b[j - 1]);
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + Weight(a[i - 1]);
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + SubstitutionCost(a[i - 1], b[j - 1]);
                var delete = previous[j] + Weight(a[i - 1]);
                var insert = current[j - 1] + Weight(b[j - 1]);
                current[j] = Math.Min(substitute, Math.Min(delete, insert));
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            if (rowMinimum > budget) return rowMinimum;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static double Weight(string word) =>
        NegationWords.Contains(word) ? 2 : MinorWords.Contains(word) ? 0.5 : 1;

    private static double SubstitutionCost(string a, string b)
    {
        if (a == b) return 0;
        var shorter = Math.Min(a.Length, b.Length);
        var typos = shorter >= 8 ? 2 : 1;
        if (shorter >= 4 && !IsNumber(a) && !IsNumber(b) && MayBeWithin(a, b, typos) && WordDistance.Distance(a, b) <= typos) return 0.25;
        return Math.Max(Weight(a), Weight(b));
    }

    // A title claim meets up to twenty candidate titles, word against word: most pairs are ruled out here,
    // without the edit distance. An edit changes the length by at most one, and what letters one word has
    // that the other lacks by at most two (a transposition by none), so neither can exceed what the edits allow.
    private static bool MayBeWithin(string a, string b, int edits)
    {
        if (Math.Abs(a.Length - b.Length) > edits) return false;
        Span<int> counts = stackalloc int[128];
        foreach (var c in a)
        {
            if (c >= counts.Length) return true;
            counts[c]++;
        }
        foreach (var c in b)
        {
            if (c >= counts.Length) return true;
            counts[c]--;
        }
        var unmatched = 0;
        foreach (var count in counts) unmatched += Math.Abs(count);
        return unmatched <= 2 * edits;
    }

    // "Mamba-360" and "Mamba-720", or "GPT-3" and "GPT-4", are different things, not typos.
    private static bool IsNumber(string word) => word.All(char.IsAsciiDigit);
}
