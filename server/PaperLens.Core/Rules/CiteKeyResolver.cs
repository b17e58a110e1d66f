using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;

namespace PaperLens.Core.Rules;

public enum KeyStatus
{
    /// <summary>A .bib entry has the key (it may or may not carry an arXiv id).</summary>
    Resolved,
    /// <summary>Bibliographies exist but none has the key: PL008.</summary>
    Unresolved,
    /// <summary>Neither the workspace nor the document has a bibliography, so <c>@name</c> is prose
    /// (a README's @mention), not a broken citation.</summary>
    NoBibliography,
}

/// <summary>The outcome of looking up one pandoc key: the entry and the .bib document holding it.</summary>
public sealed record KeyLookup(KeyStatus Status, BibEntry? Entry, string? BibliographyPath);

/// <summary>Resolves pandoc citation keys (spec §2.4) through the workspace's .bib documents. A
/// Markdown document's front matter <c>bibliography:</c> files (relative to the document) are
/// searched first, then every .bib of the workspace. Keys compare ignoring case, as BibTeX does.</summary>
public sealed class CiteKeyResolver
{
    private readonly List<(string Path, Dictionary<string, BibEntry> Entries)> _bibliographies = [];
    private readonly Dictionary<string, int> _indexByPath = new(StringComparer.Ordinal);

    public CiteKeyResolver(IReadOnlyList<ScannedDocument> documents)
    {
        foreach (var document in documents.Where(d => DocumentScanner.IsBibtex(d.Path)).OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var entries = new Dictionary<string, BibEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in document.BibEntries) entries.TryAdd(entry.Key, entry);
            _indexByPath.TryAdd(NormalizePath(document.Path), _bibliographies.Count);
            _bibliographies.Add((document.Path, entries));
        }
    }

    /// <summary>The workspace has at least one .bib document.</summary>
    public bool HasBibliography => _bibliographies.Count > 0;

    public KeyLookup Lookup(ScannedDocument document, string key)
    {
        foreach (var index in DeclaredBibliographies(document))
        {
            if (_bibliographies[index].Entries.TryGetValue(key, out var entry))
                return new KeyLookup(KeyStatus.Resolved, entry, _bibliographies[index].Path);
        }
        foreach (var (path, entries) in _bibliographies)
        {
            if (entries.TryGetValue(key, out var entry)) return new KeyLookup(KeyStatus.Resolved, entry, path);
        }
        return new KeyLookup(HasBibliography || document.Bibliographies.Count > 0 ? KeyStatus.Unresolved : KeyStatus.NoBibliography, null, null);
    }

    /// <summary>The document's citations with pandoc keys resolved: a key whose entry has an arXiv id
    /// takes the entry's id and version; a key whose entry has none is dropped (it cites something,
    /// but no arXiv paper); an unresolved key stays, without an id.</summary>
    public IReadOnlyList<Citation> Resolve(ScannedDocument document)
    {
        if (!document.Citations.Any(c => c.Form == CitationForm.CiteKey)) return document.Citations;
        var resolved = new List<Citation>(document.Citations.Count);
        foreach (var citation in document.Citations)
        {
            if (citation.Target is not CitationTarget.UnresolvedKey)
            {
                resolved.Add(citation);
                continue;
            }
            var lookup = Lookup(document, KeyOf(citation));
            if (lookup.Entry is { Id: { } id } entry) resolved.Add(citation with { Target = new CitationTarget.Paper(id, entry.Version) });
            else if (lookup.Status != KeyStatus.Resolved) resolved.Add(citation);
        }
        return resolved;
    }

    /// <summary>The key a pandoc citation names (<c>gu2023</c> for <c>@gu2023</c>).</summary>
    public static string KeyOf(Citation citation) => citation.RawText.TrimStart('@');

    private IEnumerable<int> DeclaredBibliographies(ScannedDocument document)
    {
        if (document.Bibliographies.Count == 0) yield break;
        var directory = DirectoryOf(NormalizePath(document.Path));
        foreach (var declared in document.Bibliographies)
        {
            var path = NormalizePath(declared.Trim());
            if (!IsRooted(path) && directory.Length > 0) path = NormalizePath(directory + "/" + path);
            if (_indexByPath.TryGetValue(path, out var index)) yield return index;
        }
    }

    private static bool IsRooted(string path) => path.StartsWith('/') || path.Length > 1 && path[1] == ':';

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>'/' separators with '.' and '..' segments resolved, so <c>notes/../refs.bib</c> and
    /// <c>refs.bib</c> are one file.</summary>
    private static string NormalizePath(string path)
    {
        var rooted = path.StartsWith('/') || path.StartsWith('\\');
        var segments = new List<string>();
        foreach (var segment in path.Split('/', '\\'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == ".." && segments.Count > 0 && segments[^1] != "..") segments.RemoveAt(segments.Count - 1);
            else segments.Add(segment);
        }
        var joined = string.Join('/', segments);
        return rooted ? "/" + joined : joined;
    }
}
