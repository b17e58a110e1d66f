using System.Text;
using CsCheck;
using PaperLens.Core.Catalog;

namespace PaperLens.Core.Tests.Catalog;

public class Utf8LineReaderTests
{
    [Fact]
    public void Lines_come_back_without_their_breaks_a_BOM_or_a_final_newline()
    {
        Assert.Equal(["a", "", "b", "c"], ReadAll("\uFEFFa\r\n\nb\nc"u8.ToArray(), 1 << 20));
    }

    [Fact]
    public void A_line_over_the_limit_is_skipped_and_flagged_and_the_next_one_is_read()
    {
        var text = "short\n" + new string('x', 5000) + "\nafter\n" + new string('y', 5000);

        Assert.Equal(["short", "<too long>", "after", "<too long>"], ReadAll(Encoding.UTF8.GetBytes(text), 1024));
    }

    [Fact]
    public void Any_text_splits_into_the_same_lines_as_string_split()
    {
        Gen.String[Gen.Char["ab\n\u00e9"], 0, 3000].Select(Gen.Int[16, 5000])
            .Sample((text, limit) =>
            {
                var expected = text.Split('\n').Select(l => Encoding.UTF8.GetByteCount(l) >= limit ? "<too long>" : l).ToList();
                if (text.EndsWith('\n') || text.Length == 0) expected.RemoveAt(expected.Count - 1);
                Assert.Equal(expected, ReadAll(Encoding.UTF8.GetBytes(text), limit));
            }, iter: 300);
    }

    private static List<string> ReadAll(byte[] bytes, int limit)
    {
        var reader = new Utf8LineReader(new MemoryStream(bytes), limit);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line, out var tooLong)) lines.Add(tooLong ? "<too long>" : Encoding.UTF8.GetString(line));
        return lines;
    }
}
