using CsCheck;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests;

/// <summary>The source map keeps runs of characters written one after another as one entry; every range of
/// the derived text still maps to the document as a map of one entry per character would map it.</summary>
public class SourceMapPropertyTests
{
    // How the next derived character was written, after the previous one's end: right after it, as an
    // escape (\n, \u00e9), skipped text in between (a command, a line's JSON quotes), or standing for nothing.
    private static readonly Gen<(int Gap, int Width)> Steps = Gen.OneOf(
        Gen.Const((0, 1)), Gen.Const((0, 1)), Gen.Const((0, 1)), Gen.Const((0, 2)), Gen.Const((0, 6)),
        Gen.Int[1, 5].Select(gap => (gap, 1)), Gen.Const((0, 0)), Gen.Int[1, 3].Select(back => (-back, 2)));

    [Fact]
    public void Maps_every_range_as_a_map_per_character_does() =>
        Gen.Select(Gen.Int[0, 10], Steps.Array[0, 60], Gen.Int[-3, 65].Array[0, 20]).Sample((emptyAt, steps, bounds) =>
        {
            var map = new SourceMap(emptyAt);
            var starts = new List<int>();
            var ends = new List<int>();
            var at = emptyAt;
            foreach (var (gap, width) in steps)
            {
                var start = Math.Max(0, at + gap);
                map.Add(start, start + width);
                starts.Add(start);
                ends.Add(start + width);
                at = start + width;
            }
            // Ranges of the derived text: an empty one may stand at its end.
            for (var i = 0; i + 1 < bounds.Length; i += 2)
            {
                var from = Math.Clamp(Math.Min(bounds[i], bounds[i + 1]), 0, starts.Count);
                var to = Math.Clamp(Math.Max(bounds[i], bounds[i + 1]), from, starts.Count);
                var decoded = TextSpan.FromBounds(from, to);
                Assert.Equal(PerCharacter(emptyAt, starts, ends, decoded), map.ToRaw(decoded));
            }
        }, iter: 5000);

    // The map as it was kept before runs: a start and an end per character.
    private static TextSpan PerCharacter(int emptyAt, List<int> starts, List<int> ends, TextSpan decoded)
    {
        var count = starts.Count;
        if (count == 0) return new TextSpan(emptyAt, 0);
        var start = Math.Clamp(decoded.Start, 0, count);
        var rawStart = start < count ? starts[start] : ends[count - 1];
        if (decoded.Length <= 0) return new TextSpan(rawStart, 0);
        var last = Math.Clamp(decoded.End - 1, start, count - 1);
        return TextSpan.FromBounds(rawStart, Math.Max(rawStart, ends[last]));
    }
}
