using CsCheck;
using PaperLens.Core.Citations;
using PaperLens.Core.Rules;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Rules;

/// <summary>Properties of claim matching and of the check on arbitrary text: bad input never throws.</summary>
public class ClaimMatcherPropertyTests
{
    private static readonly Gen<string> Words =
        Gen.OneOf(Gen.Const("Mamba"), Gen.Const("state"), Gen.Const("Space"), Gen.Const("of"), Gen.Const("Gr\\\"obner"),
                Gen.Const("Time-Series"), Gen.Const("{LSTM}"), Gen.Const("Café"), Gen.Const("$\\alpha$"), Gen.String[1, 8])
            .Array[1, 12].Select(words => string.Join(' ', words));

    [Fact]
    public void Normalising_is_idempotent_and_leaves_only_lower_case_words() =>
        Gen.OneOf(Gen.String, Words).Sample(text =>
        {
            var normalized = ClaimText.Normalize(text);
            Assert.Equal(normalized, ClaimText.Normalize(normalized));
            Assert.DoesNotContain("  ", normalized);
            Assert.True(normalized.Length == 0 || normalized[0] != ' ' && normalized[^1] != ' ');
            Assert.All(normalized, c => Assert.True(c == ' ' || char.IsLetterOrDigit(c) && !char.IsUpper(c)));
        });

    [Fact]
    public void Every_title_matches_itself_and_its_own_words() =>
        Words.Sample(title =>
        {
            if (ClaimText.Normalize(title).Length == 0) return;
            Assert.NotEqual(TitleMatch.None, ClaimMatcher.MatchTitle(title, title));
            Assert.NotEqual(TitleMatch.None, ClaimMatcher.MatchTitle("\"" + title.Replace(" ", "\n   ", StringComparison.Ordinal) + ".\"", title));
            Assert.True(ClaimMatcher.NameMatches(title, "Preface " + title + " and more", null));
        });

    [Fact]
    public void Matching_arbitrary_text_never_throws() =>
        Gen.Select(Gen.String, Gen.String).Sample((claim, title) =>
        {
            ClaimMatcher.MatchTitle(claim, title);
            ClaimMatcher.NameMatches(claim, title, claim);
        });

    [Fact]
    public void The_check_never_throws_on_arbitrary_documents() =>
        Gen.Select(Gen.String[0, 40], Gen.String[0, 20], Gen.String[0, 200]).Sample((path, bibliography, text) =>
        {
            var document = Documents.FromText(path, text) with { Bibliographies = [bibliography] };
            var key = Documents.KeyCitation(bibliography, new TextSpan(0, 0));
            var withKey = document with { Citations = [.. document.Citations, key], Problems = [new SyntaxProblem(new TextSpan(0, 0), text)] };
            var bib = Documents.Bib(path + ".bib", Documents.Entry(bibliography, "2404.16112"));
            Checker.Check([withKey, bib, ScannedDocument.Empty(bibliography)], FakePaperSource.WithFixtures(), RuleSettings.Default);
        }, iter: 300);
}
