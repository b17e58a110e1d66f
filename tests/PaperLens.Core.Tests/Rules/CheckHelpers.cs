using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Rules;

namespace PaperLens.Core.Tests.Rules;

internal static class CheckHelpers
{
    public static IReadOnlyList<Diagnostic> Check(IPaperSource papers, params ScannedDocument[] documents) =>
        Checker.Check(documents, papers, RuleSettings.Default);

    public static IReadOnlyList<Diagnostic> CheckText(string text, IPaperSource? papers = null) =>
        Check(papers ?? FakePaperSource.WithFixtures(), Documents.FromText("notes.md", text));

    /// <summary>The findings on <paramref name="text"/> read as a Markdown file, links and all.</summary>
    public static IReadOnlyList<Diagnostic> CheckMarkdown(string text, IPaperSource? papers = null) =>
        Check(papers ?? FakePaperSource.WithFixtures(), PaperLens.Core.Scanning.Markdown.MarkdownScanner.Scan("notes.md", text));

    public static Diagnostic Only(this IReadOnlyList<Diagnostic> diagnostics, string code) =>
        Assert.Single(diagnostics, d => d.Code == code);

    public static void None(this IReadOnlyList<Diagnostic> diagnostics, string code) =>
        Assert.DoesNotContain(diagnostics, d => d.Code == code);

    /// <summary>A source that knows the fixture papers, with <paramref name="change"/> applied to one.</summary>
    public static FakePaperSource WithPaper(string id, Func<PaperRecord, PaperRecord> change) =>
        new(RuleData.All.Values.Select(r => r.Id.Canonical == id ? change(r) : r));
}
