using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Citations;

/// <summary>What a citation points at: a paper, text that breaks spec §1, or a pandoc key no .bib entry
/// has resolved — exactly one of them, so "no id" never has to be guessed from other properties.</summary>
public abstract record CitationTarget
{
    private CitationTarget()
    {
    }

    /// <summary>A valid id, as written or through the .bib entry a pandoc key names.</summary>
    public sealed record Paper(ArxivId Id, int? Version) : CitationTarget;

    /// <summary>Id-shaped text that is no arXiv id (PL001), and why.</summary>
    public sealed record Malformed(string Reason) : CitationTarget;

    /// <summary>A pandoc key that no .bib entry resolves (yet): PL008 once the workspace is known.</summary>
    public sealed record UnresolvedKey : CitationTarget
    {
        public static readonly UnresolvedKey Instance = new();
    }

    /// <summary>The target of id-shaped text, valid or not.</summary>
    public static CitationTarget Of(IdParseResult parsed) =>
        parsed.Id is { } id ? new Paper(id, parsed.Version) : new Malformed(parsed.Error!);
}
