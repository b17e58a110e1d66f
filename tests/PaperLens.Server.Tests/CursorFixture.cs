namespace PaperLens.Server.Tests;

/// <summary>Fixture text with the cursor marked <c>$0</c> (rust-analyzer style): the text without the
/// marker and the cursor's zero-based line and UTF-16 character.</summary>
public sealed record CursorFixture(string Text, int Line, int Character)
{
    public static CursorFixture Parse(string marked)
    {
        var at = marked.IndexOf("$0", StringComparison.Ordinal);
        if (at < 0) throw new FormatException("no $0 cursor in the fixture");
        var text = marked.Remove(at, 2);
        var before = text[..at];
        var line = before.Count(c => c == '\n');
        var character = at - (before.LastIndexOf('\n') + 1);
        return new CursorFixture(text, line, character);
    }

    public (int Line, int Character) Cursor => (Line, Character);
}
