namespace PaperLens.Core.Scanning.Markdown;

/// <summary>A source range that Markdig (or the HTML reader) says is text: literal text, a code span, or
/// text between HTML tags. <paramref name="Owner"/> is the index of the link whose text it is, or -1.</summary>
internal readonly record struct TextZone(int Start, int End, int Owner, bool IsCode);
