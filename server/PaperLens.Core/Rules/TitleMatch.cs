namespace PaperLens.Core.Rules;

/// <summary>How a title claim relates to a paper's title (spec §2, end). Anything but
/// <see cref="None"/> is a match.</summary>
public enum TitleMatch
{
    None,
    /// <summary>Equal after normalising.</summary>
    Exact,
    /// <summary>The short name before the title's first colon (<c>Informer</c>).</summary>
    ShortName,
    /// <summary>A leading run of at least three words of the title.</summary>
    LeadingWords,
    /// <summary>The same short name with another subtitle, or a subtitle added in the claim
    /// (<c>Name: subtitle</c> for a title <c>Name</c>).</summary>
    Subtitle,
    /// <summary>Close: typos, a dropped or added word, words split or joined.</summary>
    Fuzzy,
}
