using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Collects what a Markdown scan finds. Each id range is one citation: the same text reached
/// twice (a URL that is both link and text) is kept once, the first way it was reached.</summary>
internal sealed class CitationSink
{
    private readonly List<Citation> _citations = [];
    private readonly HashSet<TextSpan> _spans = [];

    public List<BibEntry> Entries { get; } = [];

    public List<SyntaxProblem> Problems { get; } = [];

    public List<string> Bibliographies { get; } = [];

    public List<IgnoreComment> Ignores { get; } = [];

    /// <summary>The stretches where comments are written otherwise than as HTML: code blocks, front matter,
    /// reference definitions.</summary>
    public List<(TextSpan Span, CommentStyle Style)> CommentStretches { get; } = [];

    public void Add(Citation citation)
    {
        if (_spans.Add(citation.Span)) _citations.Add(citation);
    }

    public ScannedDocument ToDocument(string path) =>
        new(path, _citations.OrderBy(c => c.Span.Start).ToList(), Entries, Problems, Bibliographies)
        {
            Ignores = Ignores.OrderBy(i => i.Covers.Start).ToList(),
            // In document order, as an edit's rescan splices them (MarkdownRescan).
            Comments = new DocumentComments(CommentStyle.Html, CommentStretches.OrderBy(s => s.Span.Start).ToList()),
        };
}
