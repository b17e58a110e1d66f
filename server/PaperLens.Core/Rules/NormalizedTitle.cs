namespace PaperLens.Core.Rules;

/// <summary>A title or title claim in comparable form, computed once per text so a title compared
/// with many claims is normalised once.</summary>
public sealed class NormalizedTitle
{
    private NormalizedTitle(string text, string? head)
    {
        Text = text;
        Words = ClaimText.Words(text);
        Head = head;
        HeadWords = head is null ? null : ClaimText.Words(head);
    }

    public string Text { get; }

    public string[] Words { get; }

    /// <summary>The normalised part before the first colon, or null.</summary>
    public string? Head { get; }

    public string[]? HeadWords { get; }

    public bool IsEmpty => Text.Length == 0;

    public static NormalizedTitle Of(string title) => new(ClaimText.Normalize(title), ClaimText.NormalizedHead(title));
}
