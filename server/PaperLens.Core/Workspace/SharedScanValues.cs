using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ArxivId> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Canonical, int? Version), CitationTarget.Paper> _papers = new();

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
        var rawText = Text(citation.RawText);
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
        var id = Id(paper.Id);
        return _papers.GetOrAdd((id.Canonical, paper.Version), ReferenceEquals(id, paper.Id) ? paper : new CitationTarget.Paper(id, paper.Version));
    }

    /// <summary>The workspace's instance of the id; its canonical text is also the one copy of an id written
    /// as it is (no version), the usual raw text.</summary>
    private ArxivId Id(ArxivId id)
    {
        var shared = _ids.GetOrAdd(id.Canonical, id);
        if (ReferenceEquals(shared, id)) _texts.TryAdd(id.Canonical, id.Canonical);
        return shared;
    }

    private string Text(string text) => _texts.GetOrAdd(text, text);
}
