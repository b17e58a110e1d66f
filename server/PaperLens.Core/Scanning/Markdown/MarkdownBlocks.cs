using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>The top-level blocks of a scanned Markdown document, in source order, and its link reference
/// definitions: what <see cref="MarkdownRescan"/> needs to scan the document's next version only around
/// the edit. Markdig gathers every definition into one group block and every footnote into another at the
/// end of the document, whatever their place; the groups are left out of <see cref="Starts"/>, the
/// definitions kept by their own ranges; a document with footnotes has no map (it is scanned whole).</summary>
internal sealed class MarkdownBlocks
{
    private MarkdownBlocks(int[] starts, int[] ends, TextSpan[] definitions, IReadOnlySet<string> labels)
    {
        Starts = starts;
        Ends = ends;
        Definitions = definitions;
        Labels = labels;
    }

    /// <summary>Where each top-level block starts.</summary>
    public int[] Starts { get; }

    /// <summary>Where each top-level block ends (exclusive).</summary>
    public int[] Ends { get; }

    /// <summary>The link reference definitions, wherever they are.</summary>
    public TextSpan[] Definitions { get; }

    /// <summary>Their labels, reduced by <see cref="ReduceLabel"/>.</summary>
    public IReadOnlySet<string> Labels { get; }

    public int Count => Starts.Length;

    /// <summary>The map of a parsed document; null when its blocks are not in source order as Markdig's
    /// own (footnotes, or anything else moved).</summary>
    public static MarkdownBlocks? Of(MarkdownDocument document, int textLength)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        foreach (var block in document)
        {
            if (block is LinkReferenceDefinitionGroup) continue;
            if (block is FootnoteGroup) return null;
            if (SourceLines.ToRange(block.Span, textLength) is not { } span) return null;
            if (starts.Count > 0 && span.Start < ends[^1]) return null;
            starts.Add(span.Start);
            ends.Add(span.End);
        }
        var definitions = new List<TextSpan>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (SourceLines.ToRange(definition.Span, textLength) is not { } span) return null;
            definitions.Add(span);
            if (definition.Label is { } label) labels.Add(ReduceLabel(label));
        }
        return new MarkdownBlocks([.. starts], [.. ends], [.. definitions], labels);
    }

    /// <summary>The map after an edit: the blocks before <paramref name="first"/> as they were, the
    /// <paramref name="window"/>'s in their place, and those from <paramref name="next"/> on (where the
    /// window ended, <paramref name="windowEnd"/>, before the edit) moved by <paramref name="delta"/>;
    /// definitions are never in the window.</summary>
    public MarkdownBlocks Splice(int first, int next, IReadOnlyList<TextSpan> window, int windowEnd, int delta)
    {
        var starts = new List<int>(Count + window.Count);
        var ends = new List<int>(Count + window.Count);
        for (var k = 0; k < first; k++)
        {
            starts.Add(Starts[k]);
            ends.Add(Ends[k]);
        }
        foreach (var span in window)
        {
            starts.Add(span.Start);
            ends.Add(span.End);
        }
        for (var k = next; k < Count; k++)
        {
            starts.Add(Starts[k] + delta);
            ends.Add(Ends[k] + delta);
        }
        var definitions = Definitions.Select(d => d.Start >= windowEnd ? d.Shift(delta) : d).ToArray();
        return new MarkdownBlocks([.. starts], [.. ends], definitions, Labels);
    }

    /// <summary>A label as compared when deciding whether bracketed text may be a reference to it: case
    /// (either way round), whitespace and backslashes ignored, so that every text Markdig would match
    /// reduces alike; texts it would not match may too, which only costs a whole scan.</summary>
    public static string ReduceLabel(ReadOnlySpan<char> label)
    {
        var reduced = new System.Text.StringBuilder(label.Length);
        foreach (var c in label)
            if (!char.IsWhiteSpace(c) && c != '\\') reduced.Append(char.ToUpperInvariant(char.ToLowerInvariant(c)));
        return reduced.ToString();
    }
}
