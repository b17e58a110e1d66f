using CsCheck;
using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Bibtex;

/// <summary>Bad input never throws out of the scanner, and every range it returns lies in the scanned range.</summary>
public class BibtexPropertyTests
{
    // Text built from BibTeX's own punctuation and words, so that generated input reaches deep into the parser.
    private static readonly Gen<string> BibtexLike = Gen.OneOfConst(
            "@", "@article", "@string", "@comment", "@preamble", "{", "}", "(", ")", "\"", ",", "=", "#", "%",
            "\n", " ", "key", "title", "eprint", "archivePrefix", "arXiv", "2312.00752", "2313.00752", "jan",
            "\\'", "\\\"o", "$\\alpha$", "--", "~", "https://arxiv.org/abs/1706.03762", "abs/", "CoRR", "journal", "volume")
        .Array[0, 60]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<string> AnyText = Gen.String[Gen.Char, 0, 200];

    [Fact]
    public void Never_throws_and_keeps_ranges_inside_the_scanned_range()
    {
        Gen.Select(Gen.OneOf(BibtexLike, AnyText), Gen.Int[0, 10], Gen.Int[0, 10]).Sample((text, cutStart, cutEnd) =>
        {
            var start = Math.Min(cutStart, text.Length);
            var end = Math.Max(start, text.Length - cutEnd);
            var result = BibtexScanner.Scan(text, start, end);
            bool Inside(TextSpan span) => span.Start >= start && span.End <= end && span.Length >= 0;
            return result.Citations.All(c => Inside(c.Span) && (c.Claim is null || Inside(c.Claim.Span)))
                && result.Entries.All(e => Inside(e.Span) && Inside(e.KeySpan))
                && result.Problems.All(p => Inside(p.Span) && p.Span.Length > 0);
        }, iter: 5_000);
    }

    [Fact]
    public void Problems_and_entries_do_not_overlap()
    {
        BibtexLike.Sample(text =>
        {
            var result = BibtexScanner.Scan(text, 0, text.Length);
            var spans = result.Entries.Select(e => e.Span).Concat(result.Problems.Select(p => p.Span)).OrderBy(s => s.Start).ToList();
            return spans.Zip(spans.Skip(1)).All(pair => pair.First.End <= pair.Second.Start);
        }, iter: 2_000);
    }

    [Fact]
    public void TexText_never_throws() =>
        Gen.OneOf(BibtexLike, AnyText).Sample(text => TexText.ToPlain(text) is not null, iter: 5_000);

    private static readonly Gen<string> Key = Gen.String[Gen.Char["abcXYZ019:_-./+"], 1, 20];
    private static readonly Gen<string> FieldName = Gen.String[Gen.Char['a', 'z'], 1, 12];
    // Any text but unbalanced braces and an '@' starting a line: the parser takes "\n@type{" inside a value
    // for the next entry after a missing '}' (see BibtexParser.FindClosing).
    private static readonly Gen<string> Words = Gen.String[Gen.Char["abc XYZ 0123,.:;=#%\\'\"\n"], 0, 30];
    private static readonly Gen<string> Value = Gen.OneOf(Words, Gen.Select(Words, Words, (a, b) => a + "{" + b + "}"));

    [Fact]
    public void Well_formed_entries_read_back_exactly()
    {
        Gen.Select(Key, Gen.Select(FieldName, Value).Array[0, 6], Gen.Bool).Sample((key, fields, braces) =>
        {
            var distinct = fields.DistinctBy(f => f.Item1).ToList();
            var body = string.Join(",\n  ", distinct.Select(f => $"{f.Item1} = {{{f.Item2}}}"));
            var text = braces ? $"junk @ text\n@misc{{{key},\n  {body}\n}}\n" : $"@misc({key}, {body})";
            var result = BibtexScanner.Scan(text, 0, text.Length);
            var entry = Assert.Single(result.Entries);
            Assert.Empty(result.Problems);
            Assert.Equal(key, entry.Key);
            Assert.Equal(key, text.Substring(entry.KeySpan.Start, entry.KeySpan.Length));
            Assert.Equal(distinct.ToDictionary(f => f.Item1, f => f.Item2), entry.Fields);
        }, iter: 2_000);
    }

    [Theory]
    [InlineData("@article{k, title = {")]
    [InlineData("@article{k, title = \"")]
    [InlineData("{")]
    [InlineData("@")]
    [InlineData("@a{")]
    // Speed is the benchmark's business; this proves a pathological megabyte finishes and is reported.
    public void A_one_megabyte_line_is_read_to_the_end(string prefix)
    {
        var text = prefix + new string('{', 500_000) + string.Concat(Enumerable.Repeat("@a{k x}", 70_000));
        var result = BibtexScanner.Scan(text, 0, text.Length);
        Assert.NotNull(TexText.ToPlain(text));
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void A_megabyte_field_of_tex_braced_prefixes_is_read_to_its_id()
    {
        var text = "@misc{k, note = {" + string.Concat(Enumerable.Repeat("{Ar{X}iv} ", 100_000)) + "Ar{X}iv:1706.03762}}";
        var citation = Assert.Single(BibtexScanner.Scan(text, 0, text.Length).Citations);
        Assert.Equal("1706.03762", citation.Id?.Canonical);
        Assert.Equal(text.Length - "1706.03762}}".Length, citation.Span.Start);
    }

    [Fact]
    public void Each_of_many_unterminated_entries_is_its_own_problem()
    {
        var text = string.Concat(Enumerable.Repeat("@article{k, title = {never closed\n", 30_000));
        var result = BibtexScanner.Scan(text, 0, text.Length);
        Assert.Equal(30_000, result.Problems.Count);
    }
}
