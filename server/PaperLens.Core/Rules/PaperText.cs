namespace PaperLens.Core.Rules;

/// <summary>A paper's title and abstract in the forms name claims are looked up in: normalised with
/// spaces removed, so a name's own spacing does not matter, and as words, for a name's words one by
/// one and for the words an acronym abbreviates.</summary>
public sealed class PaperText
{
    private PaperText(string spaceless, string[] words)
    {
        Spaceless = spaceless;
        Words = words;
        WordSet = new HashSet<string>(words, StringComparer.Ordinal);
    }

    public string Spaceless { get; }

    /// <summary>The normalised words of the title, then of the abstract.</summary>
    public IReadOnlyList<string> Words { get; }

    public IReadOnlySet<string> WordSet { get; }

    public static PaperText Of(string title, string? abstractText)
    {
        var normalizedTitle = ClaimText.Normalize(title);
        var normalizedAbstract = ClaimText.Normalize(abstractText ?? "");
        return new(ClaimMatcher.Spaceless(normalizedTitle) + " " + ClaimMatcher.Spaceless(normalizedAbstract),
            [.. ClaimText.Words(normalizedTitle), .. ClaimText.Words(normalizedAbstract)]);
    }
}
