using System.Runtime.CompilerServices;
using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;
using PaperLens.Core.Scanning.Latex;

namespace PaperLens.Core.Rules;

public enum KeyStatus
{
    /// <summary>A .bib entry has the key (it may or may not carry an arXiv id).</summary>
    Resolved,
    /// <summary>Bibliographies exist but none has the key, or a LaTeX <c>\cite</c> names it: PL008.</summary>
    Unresolved,
    /// <summary>Neither the workspace nor the Markdown document has a bibliography, so <c>@name</c> is
    /// prose (a README's @mention), not a broken citation.</summary>
    NoBibliography,
}

/// <summary>The outcome of looking up one key: the entry and the document holding it (a .bib file, or the
/// LaTeX document whose <c>\bibitem</c> it is).</summary>
public sealed record KeyLookup(KeyStatus Status, BibEntry? Entry, string? BibliographyPath);

/// <summary>Resolves citation keys (spec §2.4) — pandoc keys in Markdown, the <c>\cite</c> family's in
/// LaTeX — through the workspace's .bib documents. A LaTeX document's own <c>\bibitem</c>s come first;
/// then the files a document declares (front matter <c>bibliography:</c>, <c>\bibliography{}</c>,
/// <c>\addbibresource{}</c>; relative to the document); then every .bib of the workspace. Keys compare
/// ignoring case, as BibTeX does.</summary>
public sealed class CiteKeyResolver
{
    private readonly List<(string Path, Dictionary<string, BibEntry> Entries)> _bibliographies = [];
    private readonly Dictionary<string, int> _indexByPath = new(StringComparer.Ordinal);
    // A LaTeX document's \bibitems by key, built once per document the first time one of its keys is looked up.
    private readonly ConditionalWeakTable<ScannedDocument, Dictionary<string, BibEntry>> _bibItems = new();

    public CiteKeyResolver(IReadOnlyList<ScannedDocument> documents)
    {
        foreach (var document in documents.Where(IsBibliography).OrderBy(d => d.Path, StringComparer.Ordinal))
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
        var latex = LatexScanner.Reads(document.Path);
        if (latex && BibItems(document).TryGetValue(key, out var item))
            return new KeyLookup(KeyStatus.Resolved, item, document.Path);
        foreach (var index in DeclaredBibliographies(document))
        {
            if (_bibliographies[index].Entries.TryGetValue(key, out var entry))
                return new KeyLookup(KeyStatus.Resolved, entry, _bibliographies[index].Path);
        }
        foreach (var (path, entries) in _bibliographies)
        {
            if (entries.TryGetValue(key, out var entry)) return new KeyLookup(KeyStatus.Resolved, entry, path);
        }
        return new KeyLookup(WithoutEntry(document, HasBibliography), null, null);
    }

    /// <summary>A .bib document, whose entries resolve the keys of every document of the workspace.</summary>
    public static bool IsBibliography(ScannedDocument document) => DocumentScanner.IsBibtex(document.Path);

    /// <summary>What a key of <paramref name="document"/> that no entry has is: a broken citation, or, in
    /// Markdown where neither the document nor the workspace has a bibliography, prose.</summary>
    public static KeyStatus WithoutEntry(ScannedDocument document, bool workspaceHasBibliography) =>
        // A \cite is never prose: its key is a citation whether or not a bibliography exists.
        LatexScanner.Reads(document.Path) || workspaceHasBibliography || document.Bibliographies.Count > 0
            ? KeyStatus.Unresolved
            : KeyStatus.NoBibliography;

    /// <summary>The keys the document resolves itself, before any .bib: a LaTeX document's <c>\bibitem</c>s.</summary>
    public static IReadOnlySet<string> OwnKeys(ScannedDocument document) =>
        LatexScanner.Reads(document.Path) && document.BibEntries.Count > 0
            ? document.BibEntries.Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : NoKeys;

    private static readonly IReadOnlySet<string> NoKeys = new HashSet<string>();

    /// <summary>The entries a key of <paramref name="document"/> may resolve to, in the order they are
    /// searched, each key once: its own <c>\bibitem</c>s, the files it declares, every other .bib.</summary>
    public IEnumerable<(BibEntry Entry, string Path)> EntriesFor(ScannedDocument document)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (LatexScanner.Reads(document.Path))
            foreach (var item in document.BibEntries)
                if (seen.Add(item.Key)) yield return (item, document.Path);
        var declared = DeclaredBibliographies(document).ToList();
        foreach (var index in declared.Concat(Enumerable.Range(0, _bibliographies.Count).Except(declared)))
            foreach (var entry in _bibliographies[index].Entries.Values)
                if (seen.Add(entry.Key)) yield return (entry, _bibliographies[index].Path);
    }

    private Dictionary<string, BibEntry> BibItems(ScannedDocument document) => _bibItems.GetValue(document, static d =>
    {
        var items = new Dictionary<string, BibEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in d.BibEntries) items.TryAdd(item.Key, item);
        return items;
    });

    /// <summary>The document's citations with keys resolved: a key whose entry has an arXiv id
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

    /// <summary>The key a citation names (<c>gu2023</c> for <c>@gu2023</c> and <c>\cite{gu2023}</c>).</summary>
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
