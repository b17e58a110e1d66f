using System.Runtime.CompilerServices;
using PaperLens.Core.Scanning.Code;

namespace PaperLens.Core.Tests.Code;

/// <summary>Spec §3, source code: one realistic file per language in tests/fixtures/code, with every
/// comment and docstring kind of that language marked «…» where a citation must be found, and string
/// literals, escaped markers and bare numbers that must not be.</summary>
public class CodeFixtureFileTests
{
    public static TheoryData<string> FixtureFiles() =>
        new(Directory.EnumerateFiles(FixtureDirectory()).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Finds_exactly_the_marked_citations(string fileName)
    {
        var fixture = Fixture.Parse(File.ReadAllText(Path.Combine(FixtureDirectory(), fileName)));
        var language = SourceLanguages.FromFileName(fileName);
        Assert.NotNull(language);

        var found = CodeScanner.Scan(fixture.Text, 0, fixture.Text.Length, language).Citations.Select(c => c.Span).ToList();

        Assert.Equal(fixture.Ranges, found);
    }

    [Fact]
    public void Every_comment_family_has_a_fixture_file()
    {
        var syntaxes = Directory.EnumerateFiles(FixtureDirectory())
            .Select(f => SourceLanguages.FromFileName(f)?.Syntax)
            .ToHashSet();
        Assert.All(Enum.GetValues<CommentSyntax>(), s => Assert.Contains(s, syntaxes));
    }

    private static string FixtureDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "fixtures", "code"));
}
