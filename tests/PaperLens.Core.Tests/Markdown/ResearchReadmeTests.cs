using System.Runtime.CompilerServices;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning.Markdown;

namespace PaperLens.Core.Tests.Markdown;

/// <summary>A README modelled on a real research repository (tests/fixtures/markdown/research-readme.md):
/// badges, an HTML header, a table of papers, a news list with prose anchors, author-year references,
/// reference definitions, code blocks and the closing bibtex block. Every citation it holds, once, with
/// exactly the claims spec §2 allows — nicknames and prose link text are never title claims.</summary>
public class ResearchReadmeTests
{
    private static string Read([CallerFilePath] string thisFile = "") =>
        File.ReadAllText(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "fixtures", "markdown", "research-readme.md")));

    [Fact]
    public void Yields_each_citation_once_with_its_claim()
    {
        var text = Read();
        var document = MarkdownScanner.Scan("README.md", text);
        (string Id, ClaimKind? Claim, CitationRole Role)[] expected =
        [
            ("2312.00752", null, CitationRole.Inline),             // HTML header anchor around a badge
            ("2405.21060", null, CitationRole.Inline),             // badge link
            ("2405.21060", ClaimKind.Title, CitationRole.Inline),  // news: link text is the title
            ("2312.00752", ClaimKind.Name, CitationRole.Inline),   // [Mamba](…)
            ("2111.00396", null, CitationRole.Inline),             // <a …>have found</a>
            ("2111.00396", ClaimKind.Title, CitationRole.Inline),  // table: title link
            ("2212.14052", ClaimKind.Name, CitationRole.Inline),   // table: <a href=… target=…>H3</a>
            ("2302.10866v3", null, CitationRole.Inline),           // table: [paper](…pdf)
            ("2012.07436", ClaimKind.Name, CitationRole.Inline),   // table: [Informer](…)
            ("1706.03762", ClaimKind.Title, CitationRole.Inline),  // author-year entry, bare prefix
            ("2312.00752", ClaimKind.Title, CitationRole.Inline),  // author-year entry, linked id
            ("2205.14135", ClaimKind.Name, CitationRole.Inline),   // - FlashAttention: URL
            ("2307.08691", null, CitationRole.Inline),             // autolink in a block quote
            ("2307.08621", ClaimKind.Title, CitationRole.ReferenceDefinition), // definition title
            ("2312.00752", null, CitationRole.Inline),             // bash comment
            ("2312.00752", null, CitationRole.Inline),             // python comment (the string is no citation)
            ("2312.00752", ClaimKind.Title, CitationRole.BibEntry), // bibtex block
            ("2405.21060", ClaimKind.Title, CitationRole.BibEntry),
        ];
        Assert.Equal(expected, document.Citations.Select(c => (c.RawText, c.Claim?.Kind, c.Role)).ToArray());
        Assert.All(document.Citations, c => Assert.Equal(c.RawText, text.Substring(c.Span.Start, c.Span.Length)));
        Assert.Equal(["mamba", "mamba2"], document.BibEntries.Select(e => e.Key));
    }

    [Fact]
    public void Title_claims_are_the_titles_as_written()
    {
        var text = Read();
        var titles = MarkdownScanner.Scan("README.md", text).Citations
            .Where(c => c.Claim is { Kind: ClaimKind.Title } && c.Role != CitationRole.BibEntry)
            .Select(c => c.Claim!)
            .ToList();
        Assert.Equal(
        [
            "Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality",
            "Efficiently Modeling Long Sequences with Structured State Spaces",
            "Attention Is All You Need",
            "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
            "Retentive Network: A Successor to Transformer for Large Language Models",
        ], titles.Select(t => t.Text));
        Assert.All(titles, t => Assert.Equal(t.Text, text.Substring(t.Span.Start, t.Span.Length)));
    }
}
