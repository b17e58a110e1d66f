using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Workspace;

/// <summary>One copy of each id, cited paper and repeated text across the documents of one workspace scan.
/// Each scanner makes its own objects for what it reads, and a workspace cites the same papers, titles
/// and .bib fields over and over: kept for the whole check or the whole editor session, those copies were
/// most of the scan's memory. The documents read the same (values are equal, only shared); the table is
/// dropped with the scan, so an editor session holds no text the workspace no longer has.</summary>
internal sealed class SharedScanValues
{
    // Tables of one slot per hash, read and written without locks: the scanning threads share values all
    // through the scan, and a dictionary's locks made one wait for the other (4% of the check's CPU). A
    // race lost or a slot taken by another value only leaves one more copy of an equal value.
    private readonly string?[] _texts;
    // The targets by id and version; an id's unversioned target holds the workspace's one instance of it.
    private readonly CitationTarget.Paper?[] _papers;

    /// <param name="slots">How many values each table holds, a power of two: about the distinct ids a
    /// workspace cites.</param>
    public SharedScanValues(int slots)
    {
        _texts = new string?[slots];
        _papers = new CitationTarget.Paper?[slots];
    }

    /// <summary>The document with its values replaced by the shared ones and its lists cut to their length.</summary>
    public ScannedDocument Share(ScannedDocument document) => document with
    {
        Citations = Each(document.Citations, Share),
        BibEntries = Each(document.BibEntries, Share),
        Problems = Each(document.Problems, problem => problem),
        Bibliographies = Each(document.Bibliographies, Text),
        Ignores = Each(document.Ignores, ignore => ignore),
    };

    private static T[] Each<T>(IReadOnlyList<T> list, Func<T, T> share)
    {
        if (list.Count == 0) return [];
        var shared = new T[list.Count];
        for (var i = 0; i < shared.Length; i++) shared[i] = share(list[i]);
        return shared;
    }

    private Citation Share(Citation citation)
    {
        var target = citation.Target is CitationTarget.Paper paper ? Share(paper) : citation.Target;
        // An id written as it is (no version, no other spelling) is the id's own text, with no lookup.
        var rawText = target is CitationTarget.Paper { Id.Canonical: var canonical } && string.Equals(canonical, citation.RawText, StringComparison.Ordinal)
            ? canonical
            : Text(citation.RawText);
        var claim = citation.Claim is { } written && Text(written.Text) is var text && !ReferenceEquals(text, written.Text)
            ? written with { Text = text }
            : citation.Claim;
        var authorYear = citation.AuthorYear is { Authors: { } authors } claimed && Text(authors) is var names && !ReferenceEquals(names, authors)
            ? claimed with { Authors = names }
            : citation.AuthorYear;
        var label = citation.Label is { } key ? Text(key) : null;
        var conflicting = citation.ConflictingId is { } other && Id(other.Id) is var otherId && !ReferenceEquals(otherId, other.Id)
            ? other with { Id = otherId }
            : citation.ConflictingId;
        if (ReferenceEquals(target, citation.Target) && ReferenceEquals(rawText, citation.RawText) && ReferenceEquals(claim, citation.Claim)
            && ReferenceEquals(authorYear, citation.AuthorYear) && ReferenceEquals(label, citation.Label) && ReferenceEquals(conflicting, citation.ConflictingId))
            return citation;
        return citation with { Target = target, RawText = rawText, Claim = claim, AuthorYear = authorYear, Label = label, ConflictingId = conflicting };
    }

    private BibEntry Share(BibEntry entry) => entry with
    {
        Key = Text(entry.Key),
        Id = entry.Id is { } id ? Id(id) : null,
        Fields = entry.Fields is BibFields fields ? fields.WithValues(Text) : entry.Fields,
    };

    private CitationTarget.Paper Share(CitationTarget.Paper paper)
    {
        var canonical = paper.Id.Canonical;
        var hash = canonical.GetHashCode();
        ref var unversionedSlot = ref _papers[hash & (_papers.Length - 1)];
        var unversioned = Volatile.Read(ref unversionedSlot);
        if (unversioned is not { Version: null } || !string.Equals(unversioned.Id.Canonical, canonical, StringComparison.Ordinal))
        {
            unversioned = paper.Version is null ? paper : new CitationTarget.Paper(paper.Id, null);
            Volatile.Write(ref unversionedSlot, unversioned);
        }
        if (paper.Version is not { } version) return unversioned;
        ref var versionedSlot = ref _papers[HashCode.Combine(hash, version) & (_papers.Length - 1)];
        var versioned = Volatile.Read(ref versionedSlot);
        if (versioned is null || versioned.Version != version || !ReferenceEquals(versioned.Id, unversioned.Id))
        {
            versioned = ReferenceEquals(paper.Id, unversioned.Id) ? paper : new CitationTarget.Paper(unversioned.Id, version);
            Volatile.Write(ref versionedSlot, versioned);
        }
        return versioned;
    }

    private ArxivId Id(ArxivId id) => Share(new CitationTarget.Paper(id, null)).Id;

    private string Text(string text)
    {
        ref var slot = ref _texts[text.GetHashCode() & (_texts.Length - 1)];
        var known = Volatile.Read(ref slot);
        if (known is not null && string.Equals(known, text, StringComparison.Ordinal)) return known;
        Volatile.Write(ref slot, text);
        return text;
    }
}
