using CsCheck;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Tests.Identifiers;

/// <summary>Spec §1: the three schemes, versions, the canonical form, and why malformed ids are malformed.</summary>
public class ArxivIdParserTests
{
    [Theory]
    [InlineData("0704.0001", "0704.0001", null, ArxivScheme.NewFourDigit)]
    [InlineData("1412.9999v3", "1412.9999", 3, ArxivScheme.NewFourDigit)]
    [InlineData("1501.00001", "1501.00001", null, ArxivScheme.NewFiveDigit)]
    [InlineData("2312.00752V2", "2312.00752", 2, ArxivScheme.NewFiveDigit)]
    [InlineData("hep-th/9901001", "hep-th/9901001", null, ArxivScheme.Old)]
    [InlineData("HEP-TH/9901001v2", "hep-th/9901001", 2, ArxivScheme.Old)]
    [InlineData("math.AG/0601001", "math/0601001", null, ArxivScheme.Old)]
    [InlineData("cond-mat/0703999", "cond-mat/0703999", null, ArxivScheme.Old)]
    [InlineData("hep-th/9108001", "hep-th/9108001", null, ArxivScheme.Old)]
    public void Valid_ids_have_a_canonical_form_and_keep_the_version(string text, string canonical, int? version, ArxivScheme scheme)
    {
        var result = ArxivIdParser.Parse(text);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(canonical, result.Id!.Canonical);
        Assert.Equal(version, result.Version);
        Assert.Equal(scheme, result.Id.Scheme);
    }

    [Theory]
    [InlineData("2313.00752", "month 13 does not exist")]
    [InlineData("2300.00752", "month 00 does not exist")]
    [InlineData("1206.12345", "four-digit number")]
    [InlineData("1501.0001", "five-digit number")]
    [InlineData("0612.1234", "start in April 2007")]
    [InlineData("2312.00000", "out of range")]
    [InlineData("2312.00752v0", "versions start at v1")]
    [InlineData("foo-th/9901001", "unknown archive 'foo-th'")]
    [InlineData("hep-th/0813001", "month 13")]
    [InlineData("hep-th/1201001", "1991 to 2007")]
    [InlineData("hep-th/990100", "seven digits")]
    [InlineData("astro-ph/9101001", "before it")]
    [InlineData("hep-th/9107999", "before it")]
    [InlineData("hep-th/0704001", "end in March 2007")]
    [InlineData("math/0712001", "end in March 2007")]
    [InlineData("math.A1/0601001", "subject class")]
    public void Malformed_ids_say_why(string text, string reason)
    {
        var result = ArxivIdParser.Parse(text);
        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void Format_then_parse_gives_back_the_same_id_and_version()
    {
        var newIds = Gen.Select(Gen.Int[7, 26], Gen.Int[1, 12], Gen.Int[1, 99999], Gen.Int[0, 30].Select(v => v == 0 ? (int?)null : v))
            .Where(t => t.Item1 * 100 + t.Item2 >= 704 && (t.Item1 * 100 + t.Item2 >= 1501 || t.Item3 <= 9999))
            .Select(t => (Text: $"{t.Item1:00}{t.Item2:00}." + (t.Item1 * 100 + t.Item2 >= 1501 ? $"{t.Item3:00000}" : $"{t.Item3:0000}"), Version: t.Item4));
        var oldIds = Gen.Select(Gen.OneOfConst(LegacyArchives.All.ToArray()), Gen.OneOf(Gen.Int[91, 99], Gen.Int[0, 7]), Gen.Int[1, 12], Gen.Int[1, 999], Gen.Int[0, 30].Select(v => v == 0 ? (int?)null : v))
            .Where(t => !(t.Item2 == 91 && t.Item3 < 8) && !(t.Item2 == 7 && t.Item3 > 3))
            .Select(t => (Text: $"{t.Item1}/{t.Item2:00}{t.Item3:00}{t.Item4:000}", Version: t.Item5));

        Gen.OneOf(newIds, oldIds).Sample(sample =>
        {
            var first = ArxivIdParser.Parse(sample.Text + (sample.Version is { } v ? $"v{v}" : ""));
            Assert.True(first.IsValid, $"{sample.Text}: {first.Error}");
            var again = ArxivIdParser.Parse(first.Id!.WithVersion(first.Version));
            Assert.Equal(first.Id, again.Id);
            Assert.Equal(sample.Version, again.Version);
            Assert.Equal(sample.Text.ToLowerInvariant(), again.Id!.Canonical);
        });
    }

    [Fact]
    public void Never_throws_on_arbitrary_text() =>
        Gen.String.Sample(text => ArxivIdParser.Parse(text));
}
