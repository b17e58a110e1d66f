using CsCheck;
using PaperLens.Core.Scanning.Code;

namespace PaperLens.Core.Tests.Code;

/// <summary>Bad input never throws and never hangs: arbitrary text in every language, any range, 1 MB lines.</summary>
public class CodeScannerPropertyTests
{
    private static readonly SourceLanguage[] Languages =
        Enum.GetValues<CommentSyntax>().Select(s => new SourceLanguage(s.ToString()) { Syntax = s }).ToArray();

    // The pieces every lexer reacts to, plus citations and broken text (invalid UTF-8 decodes to U+FFFD;
    // lone surrogates come from bad UTF-16).
    private static readonly string[] Tokens =
    [
        "#", "//", "/*", "*/", "--", "-", "--[[", "]]", "[==[", "]==]", "[[", "%", "%{", "%}", "#{", "{-", "-}", "#=", "=#",
        "\"", "'", "`", "\"\"\"", "'''", "r#\"", "\"#", "#\"", "R\"x(", ")x\"", "@\"", "$\"", "\\", "\\%", "\\url{", "\\verb|",
        "\n", "\r", "\r\n", " ", "\t", "=begin", "=end", "=pod", "=cut", "$#", "${#", "(", ")", "[", "]", "{", "}", "/", "*", ":",
        "x", "return", "arXiv:", "2312.00752", "v2", "https://arxiv.org/abs/", "10.48550/arXiv.", "\"Attention Is All You Need\" ",
        "Gu, A. (2023). Title Words Here. ", "- Mamba: ", "[Title Words Here", "](", ">`_", "<", " - ", "\uFFFD", "\uD800", "\uDC00", "é", "😀",
    ];

    // Mostly syntax-dense token soup, sometimes arbitrary UTF-16.
    private static readonly Gen<string> Source = Gen.Frequency(
        (4, Gen.OneOfConst(Tokens).Array[0, 80].Select(string.Concat)),
        (1, Gen.String));

    [Fact]
    public void Never_throws_and_reports_only_spans_inside_the_range() =>
        Gen.Select(Source, Gen.Int[0, 400], Gen.Int[0, 400], Gen.OneOfConst(Languages)).Sample((text, a, b, language) =>
        {
            var start = Math.Min(Math.Min(a, b), text.Length);
            var end = Math.Min(Math.Max(a, b), text.Length);
            foreach (var citation in CodeScanner.Scan(text, start, end, language).Citations)
            {
                Assert.InRange(citation.Span.Start, start, end);
                Assert.InRange(citation.Span.End, citation.Span.Start, end);
                if (citation.Claim is { } claim)
                {
                    Assert.InRange(claim.Span.Start, start, end);
                    Assert.InRange(claim.Span.End, claim.Span.Start, end);
                }
            }
        }, iter: 20_000);

    [Fact]
    public void A_citation_inside_a_closed_string_literal_is_never_reported()
    {
        // Content with no quote, backslash or line break cannot end the literal early.
        var content = Gen.OneOfConst(" ", "x", "#", "//", "/*", "--", "%", "arXiv:", "2312.00752", "https://arxiv.org/abs/", "(", "{")
            .Array[0, 30].Select(string.Concat);
        var languages = new[] { "python", "r", "julia", "ruby", "c", "csharp", "java", "js", "go", "rust", "swift", "kotlin", "scala", "lua", "haskell", "matlab" }
            .Select(n => SourceLanguages.FromName(n)!).ToArray();
        Gen.Select(content, Gen.OneOfConst(languages)).Sample((inner, language) =>
        {
            var text = $"value = call(\"{inner}\")";
            Assert.Empty(CodeScanner.Scan(text, 0, text.Length, language).Citations);
        }, iter: 5_000);
    }

    [Fact]
    // Speed is measured by the benchmark, not here: this proves every lexer reads adversarial long
    // lines to the end and still finds the citation there.
    public void Long_adversarial_lines_are_read_to_the_end()
    {
        // Each line is built to defeat one lexer's look-ahead or look-behind if it were not bounded.
        string[] patterns =
        [
            "arXiv:2312.00752 ", "// [" + new string('T', 200) + "](arxiv.org/abs/2312.00752) ", "# `" + new string('T', 200) + " <arxiv.org/abs/2312.00752>`_ - ", "(/(/", "'\\", "x'", "#", "\"", "--[", "[=", "%{ ", "\\verb", "R\"", "r##", "$#", "{-", "/*", "\"\"\"", "=",
        ];
        foreach (var pattern in patterns)
        {
            // A marker at the end keeps every lexer reading to the end of the line.
            var line = string.Concat(Enumerable.Repeat(pattern, 250_000 / pattern.Length)) + " arXiv:2312.00752";
            foreach (var language in Languages)
                Assert.All(CodeScanner.Scan(line, 0, line.Length, language).Citations, c => Assert.InRange(c.Span.End, 0, line.Length));
        }
    }
}
