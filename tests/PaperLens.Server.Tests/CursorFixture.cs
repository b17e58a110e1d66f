using PaperLens.Core.Tests;
using PaperLens.Core.Text;

namespace PaperLens.Server.Tests;

/// <summary>Fixture text with the cursor marked <c>$0</c> (rust-analyzer style, parsed by the core tests'
/// <see cref="Fixture"/>): the text without the marker and the cursor's zero-based line and UTF-16 character.</summary>
public sealed record CursorFixture(string Text, int Line, int Character)
{
    public static CursorFixture Parse(string marked)
    {
        var fixture = Fixture.Parse(marked);
        var cursor = fixture.Cursor ?? throw new FormatException("no $0 cursor in the fixture");
        var (line, character) = new LineMap(fixture.Text).GetPosition(cursor);
        return new CursorFixture(fixture.Text, line, character);
    }

    public (int Line, int Character) Cursor => (Line, Character);
}
