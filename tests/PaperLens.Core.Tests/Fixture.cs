using PaperLens.Core.Text;

namespace PaperLens.Core.Tests;

/// <summary>Test data as marked text: <c>«…»</c> marks an expected range (nesting not allowed) and
/// <c>$0</c> the cursor. The markers are removed from <see cref="Text"/>; spans are offsets into it.</summary>
public sealed record Fixture(string Text, IReadOnlyList<TextSpan> Ranges, int? Cursor)
{
    public static Fixture Parse(string marked)
    {
        var text = new System.Text.StringBuilder();
        var ranges = new List<TextSpan>();
        int? open = null, cursor = null;
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i] == '«') { open = text.Length; continue; }
            if (marked[i] == '»') { ranges.Add(TextSpan.FromBounds(open ?? throw new FormatException("» without «"), text.Length)); open = null; continue; }
            if (marked[i] == '$' && i + 1 < marked.Length && marked[i + 1] == '0') { cursor = text.Length; i++; continue; }
            text.Append(marked[i]);
        }
        if (open is not null) throw new FormatException("« without »");
        return new Fixture(text.ToString(), ranges, cursor);
    }

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}
