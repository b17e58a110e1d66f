using System.Text.RegularExpressions;

namespace PaperLens.Core.Completion;

/// <summary>What the user typed, read as completion terms: every folded word is a prefix of a title
/// word, an author surname or a year (<c>tra gu 2023</c>); a word shaped like the start of an arXiv id
/// (<c>2404.1</c>, <c>hep-th/99</c>) is a prefix of the id. All terms must match. Any text is valid;
/// FTS syntax characters are ordinary separators here.</summary>
public sealed partial record CompletionQuery(IReadOnlyList<string> Words, IReadOnlyList<string> IdPrefixes)
{
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
        return new CompletionQuery(words.Distinct(StringComparer.Ordinal).ToList(), ids);
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
