using CsCheck;
using PaperLens.Core.Text;
using Xunit;

namespace PaperLens.Core.Tests;

public class LineMapTests
{
    // Runs of one character decide the line lengths: short, exactly at the byte a length is kept in, and
    // long; blocks of 32 lines and more; every terminator, a \r\n split by nothing, a text ending in one.
    private static readonly Gen<string> Texts =
        Gen.OneOf(Gen.Const("\n"), Gen.Const("\r"), Gen.Const("\r\n"), Gen.Const("x"), Gen.String[Gen.Char["a"], 250, 260], Gen.String[Gen.Char["b"], 1, 40])
            .Array[0, 120]
            .Select(parts => string.Concat(parts));

    [Fact]
    public void Every_offset_line_start_line_end_and_position_is_that_of_the_text_read_line_by_line()
    {
        Texts.Sample(text =>
        {
            var (starts, ends) = Lines(text);
            var map = new LineMap(text);
            Assert.Equal(starts.Count, map.LineCount);
            Assert.Equal(text.Length, map.TextLength);
            for (var line = 0; line < starts.Count; line++)
            {
                Assert.Equal(starts[line], map.LineStart(line));
                Assert.Equal(ends[line], map.LineEnd(line));
                Assert.Equal(ends[line], map.GetOffset(line, int.MaxValue / 2));
                Assert.Equal(starts[line], map.GetOffset(line, -3));
            }
            for (var offset = 0; offset <= text.Length; offset++)
            {
                var line = starts.FindLastIndex(s => s <= offset);
                Assert.Equal((line, offset - starts[line]), map.GetPosition(offset));
            }
            Assert.Equal((starts.Count - 1, text.Length - starts[^1]), map.GetPosition(text.Length + 5));
            Assert.Equal((0, 0), map.GetPosition(-1));
            Assert.Equal(text.Length, map.GetOffset(starts.Count, 0));
            Assert.Equal(0, map.GetOffset(-1, 4));
        }, iter: 300);
    }

    [Fact]
    public void A_line_of_a_million_characters_among_short_ones_keeps_its_length()
    {
        var text = "short\r\n" + new string('x', 1_000_000) + "\nend";
        var map = new LineMap(text);
        Assert.Equal((1, 999_999), map.GetPosition(7 + 999_999));
        Assert.Equal(7 + 1_000_000, map.LineEnd(1));
        Assert.Equal(5, map.LineEnd(0));
        Assert.Equal((2, 1), map.GetPosition(text.Length - 2));
    }

    // The reference: each line's start and where its content ends, found one character at a time.
    private static (List<int> Starts, List<int> Ends) Lines(string text)
    {
        var starts = new List<int> { 0 };
        var ends = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\n')) continue;
            ends.Add(i);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            starts.Add(i + 1);
        }
        ends.Add(text.Length);
        return (starts, ends);
    }
}
