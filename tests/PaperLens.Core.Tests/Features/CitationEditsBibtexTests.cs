using PaperLens.Core.Bibliography;
using PaperLens.Core.Catalog;
using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning;
using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Features;

/// <summary>The quick fix that writes the catalog's title into a .bib field escapes it as every entry
/// PaperLens writes is escaped: a title with unbalanced braces, '%', '@' or a TeX umlaut leaves the entry,
/// and the one after it, parsing — braced, double-braced or quoted.</summary>
public sealed class CitationEditsBibtexTests
{
    private const string Hostile = "Sch{\\\"o}n \"Quoted\" {unbalanced: 100% @misc{x, of $n$ } nodes";

    private sealed class OnePaper : IPaperSource
    {
        public PaperRecord? Find(ArxivId id) => id.Canonical == "2312.00752"
            ? new PaperRecord { Id = id, Title = Hostile, Authors = "A. Author", Versions = [new PaperVersion(1, null)] }
            : null;

        public bool IsConfirmedMiss(ArxivId id) => false;
    }

    [Theory]
    [InlineData("title = {Wrong Title}")]
    [InlineData("title = {{Wrong Title}}")]
    [InlineData("title = \"Wrong Title\"")]
    [InlineData("title = \"{Wrong Title}\"")]
    public void A_hostile_title_written_by_the_fix_keeps_the_file_parsing(string field)
    {
        var text = $"@misc{{a, {field}, eprint = {{2312.00752}}, archivePrefix = {{arXiv}}}}\n@misc{{b, title = {{Next}}}}\n";
        var document = DocumentScanner.Scan("refs.bib", text);
        var citation = document.Citations.Single();
        var papers = new OnePaper();
        var findings = Checker.Check([document], papers, RuleSettings.Default).Where(f => f.Span == citation.Span).ToList();
        var edit = new CitationEdits("refs.bib", text, papers).For(citation, findings).Single(e => e.Kind == CitationEditKind.QuickFix);

        var fixedText = text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..];

        var scan = BibtexScanner.Scan(fixedText, 0, fixedText.Length);
        Assert.Empty(scan.Problems);
        Assert.Equal(["a", "b"], scan.Entries.Select(e => e.Key));
        Assert.Equal("2312.00752", scan.Entries[0].Id!.Canonical);
        Assert.Equal(field.Contains("{{", StringComparison.Ordinal) || field.Contains("\"{", StringComparison.Ordinal), scan.Entries[0].Title!.StartsWith('{'));
        Assert.DoesNotContain(Checker.Check([DocumentScanner.Scan("refs.bib", fixedText)], papers, RuleSettings.Default), f => f.Code == RuleCatalog.TitleMismatch.Code);
        Assert.Equal(TexText.ToPlain(BibtexText.Braced(Hostile)), TexText.ToPlain(scan.Entries[0].Title!));
    }
}
