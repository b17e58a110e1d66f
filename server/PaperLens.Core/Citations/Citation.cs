using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Citations;

/// <summary>Where a citation stands in its document, which matters for the duplicate rule (PL007).</summary>
public enum CitationRole : byte
{
    /// <summary>A citation in running text, a comment or a link.</summary>
    Inline,
    /// <summary>A BibTeX entry (in a .bib file or a bibtex code block).</summary>
    BibEntry,
    /// <summary>A Markdown reference definition (<c>[label]: url "title"</c>).</summary>
    ReferenceDefinition,
}

/// <summary>One citation found in one document. <see cref="Span"/> covers the id as written (with its
/// version) — for a URL, only the id part — or, for a pandoc key, the key.</summary>
public sealed record Citation
{
    public required TextSpan Span { get; init; }

    /// <summary>The whole citation as written — <c>arXiv:2312.00752</c>, the full URL — when it is more
    /// than <see cref="Span"/>; an editor's cursor on the prefix is on the citation too.</summary>
    public TextSpan? Extent { get; init; }

    public required CitationForm Form { get; init; }

    /// <summary>The id-shaped text as written (<c>2312.00752v2</c>); for a pandoc key, the key.</summary>
    public required string RawText { get; init; }

    /// <summary>What the citation points at; <see cref="Id"/>, <see cref="Version"/> and
    /// <see cref="IsMalformed"/> read it.</summary>
    public required CitationTarget Target { get; init; }

    /// <summary>The paper cited, when the target is one.</summary>
    public ArxivId? Id => (Target as CitationTarget.Paper)?.Id;

    /// <summary>The version cited, when the target is a paper and a version was written.</summary>
    public int? Version => (Target as CitationTarget.Paper)?.Version;

    /// <summary>Why the id breaks spec §1 (PL001), or null.</summary>
    public string? MalformedReason => (Target as CitationTarget.Malformed)?.Reason;

    /// <summary>The title or name claim written beside the citation (spec §2), or null.</summary>
    public Claim? Claim { get; init; }

    /// <summary>The authors and year written beside the citation (spec §2), or null.</summary>
    public AuthorYearClaim? AuthorYear { get; init; }

    public CitationRole Role { get; init; } = CitationRole.Inline;

    /// <summary>The BibTeX entry key or reference-definition label, for definitions.</summary>
    public string? Label
    {
        get => _rare is string label ? label : (_rare as Rare)?.Label;
        init => _rare = value is null && _rare is null ? null : Rare.Compact(Rare.Of(_rare) with { Label = value });
    }

    /// <summary>Zero-based notebook cell index, for citations in .ipynb files.</summary>
    public int? Cell
    {
        get => (_rare as Rare)?.Cell;
        init => _rare = value is null && _rare is null ? null : Rare.Compact(Rare.Of(_rare) with { Cell = value });
    }

    /// <summary>Zero-based line within the cell's source, for citations in .ipynb files: the notebook's
    /// own line says little when a cell's source is one JSON string.</summary>
    public int? CellLine
    {
        get => (_rare as Rare)?.CellLine;
        init => _rare = value is null && _rare is null ? null : Rare.Compact(Rare.Of(_rare) with { CellLine = value });
    }

    /// <summary>Another paper the same BibTeX entry names (PL015), or null.</summary>
    public ConflictingId? ConflictingId
    {
        get => (_rare as Rare)?.ConflictingId;
        init => _rare = value is null && _rare is null ? null : Rare.Compact(Rare.Of(_rare) with { ConflictingId = value });
    }

    // A workspace holds hundreds of thousands of citations and few are definitions, notebook cells or
    // conflicting entries: those fields are one object absent from the rest, and a definition's label
    // alone (every .bib entry's) is that string itself, so each citation is smaller. A change makes a
    // new one, since a copy made by `with` shares it.
    private readonly object? _rare;

    private sealed record Rare(string? Label, int? Cell, int? CellLine, ConflictingId? ConflictingId)
    {
        private static readonly Rare None = new(null, null, null, null);

        public static Rare Of(object? rare) => rare switch
        {
            Rare fields => fields,
            string label => None with { Label = label },
            _ => None,
        };

        public static object? Compact(Rare rare) =>
            rare with { Label = null } == None ? rare.Label : rare;
    }

    public bool IsMalformed => Target is CitationTarget.Malformed;

    /// <summary>The citation with every range passed through <paramref name="map"/>: for citations found
    /// in a copy of the text (a long line's visible text, a notebook cell, a BibTeX value without its
    /// braces) whose offsets must point into the document.</summary>
    public Citation MapSpans(Func<TextSpan, TextSpan> map) => this with
    {
        Span = map(Span),
        Extent = Extent is { } extent ? map(extent) : null,
        Claim = Claim is { } claim ? claim with { Span = map(claim.Span) } : null,
        AuthorYear = AuthorYear is { } authorYear
            ? authorYear with
            {
                AuthorsSpan = authorYear.AuthorsSpan is { } authors ? map(authors) : null,
                YearSpan = authorYear.YearSpan is { } year ? map(year) : null,
            }
            : null,
        ConflictingId = ConflictingId is { } other ? other with { Span = map(other.Span) } : null,
    };
}
