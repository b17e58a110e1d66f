using System.Text.RegularExpressions;

namespace PaperLens.Core.Completion;

/// <summary>What the user typed, read as completion terms: every folded word is a prefix of a title
/// word, an author surname or a year (<c>tra gu 2023</c>); a word shaped like the start of an arXiv id
/// (<c>2404.1</c>, <c>hep-th/99</c>) is a prefix of the id. All terms must match. Any text is valid;
/// FTS syntax characters are ordinary separators here.</summary>
public sealed partial record CompletionQuery(IReadOnlyList<string> Words, IReadOnlyList<string> IdPrefixes)
{
    // Words that say little scattered through a title; in a phrase or at its start they count.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "on", "or", "the", "to", "via", "vs", "we", "with",
    };

    private readonly IReadOnlyList<string>? phrase;

    /// <summary>The folded words in the order typed, repeats kept ("sequence to sequence"): what a
    /// title starts with or contains as a phrase. <see cref="Words"/> when not parsed from text.</summary>
    public IReadOnlyList<string> Phrase
    {
        get => phrase ?? Words;
        init => phrase = value;
    }

    /// <summary>The terms a paper must match with its words scattered: <see cref="Words"/> without the
    /// stop words, except the last word typed (maybe the start of a longer one) and unless all are.</summary>
    public CompletionQuery Scattered
    {
        get
        {
            var last = Phrase.Count > 0 ? Phrase[^1] : null;
            var kept = Words.Where(w => w == last || !StopWords.Contains(w)).ToList();
            return kept.Count == Words.Count || kept.Count == 0 ? this : new CompletionQuery(kept, IdPrefixes);
        }
    }

    public bool IsEmpty => Words.Count == 0 && IdPrefixes.Count == 0;

    /// <summary>Characters typed, the measure of how selective the query can be.</summary>
    public int Length => Words.Sum(w => w.Length) + IdPrefixes.Sum(p => p.Length);

    public static CompletionQuery Parse(string text)
    {
        var words = new List<string>();
        var ids = new List<string>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IdPrefix().Match(raw) is { Success: true } id) ids.Add(id.Groups["id"].Value.ToLowerInvariant());
            else words.AddRange(CompletionText.Words(raw));
        }
        return new CompletionQuery(words.Distinct(StringComparer.Ordinal).ToList(), ids) { Phrase = words };
    }

    /// <summary>Whether a paper with these tokens and this id matches every term.</summary>
    public bool Matches(string canonicalId, IReadOnlyCollection<string> paperTokens) =>
        IdPrefixes.All(p => canonicalId.StartsWith(p, StringComparison.Ordinal))
        && Words.All(w => paperTokens.Any(t => t.StartsWith(w, StringComparison.Ordinal)));

    // New-style ids from four digits on (a four-digit number 1900-2099 is read as a year), old-style
    // ids once the slash is typed; a version suffix is dropped.
    [GeneratedRegex(@"^(?<id>(?:\d{4}\.\d{0,5}|(?!19\d\d$|20\d\d$)\d{4}|[a-zA-Z-]+(?:\.[a-zA-Z]{2})?/\d{0,7}))(?:v\d*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPrefix();
}
