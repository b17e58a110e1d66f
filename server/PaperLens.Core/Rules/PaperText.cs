namespace PaperLens.Core.Rules;

/// <summary>A paper's title and abstract in the form name claims are looked up in: normalised, with
/// spaces removed so a name's own spacing does not matter.</summary>
public sealed class PaperText
{
    private PaperText(string spaceless) => Spaceless = spaceless;

    public string Spaceless { get; }

    public static PaperText Of(string title, string? abstractText) =>
        new(ClaimMatcher.Spaceless(ClaimText.Normalize(title)) + " " + ClaimMatcher.Spaceless(ClaimText.Normalize(abstractText ?? "")));
}
