using System.Collections.Immutable;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Rules;
using PaperLens.Core.Workspace;

namespace PaperLens.Core.Index;

/// <summary>An immutable snapshot of everything the workspace cites, keyed by absolute path. Every
/// change produces a new snapshot, so readers (hover, completion, an <see cref="Analysis"/> and its
/// check) never see a half-applied edit and never need a lock.</summary>
public sealed class WorkspaceIndex
{
    // How many edits back ChangedSince looks: beyond that, a check compares every document.
    private const int StepsKept = 256;

    private readonly Lazy<ILookup<string, (IndexedDocument Document, Citation Citation)>> _byId;
    private readonly Step _step;

    private WorkspaceIndex(ImmutableSortedDictionary<string, IndexedDocument> documents, Step step)
    {
        Documents = documents;
        _step = step;
        _byId = new Lazy<ILookup<string, (IndexedDocument, Citation)>>(() => documents.Values
            .SelectMany(d => Resolved(d).Select(c => (Document: d, Citation: c)))
            .Where(p => p.Citation.Id is not null)
            .ToLookup(p => p.Citation.Id!.Canonical, StringComparer.Ordinal));
    }

    public static WorkspaceIndex Empty { get; } = new(ImmutableSortedDictionary.Create<string, IndexedDocument>(StringComparer.Ordinal), Step.Root);

    public ImmutableSortedDictionary<string, IndexedDocument> Documents { get; }

    /// <summary>A workspace walk's result, its relative paths made absolute under the scan's root.</summary>
    public WorkspaceIndex WithScan(WorkspaceScan scan)
    {
        var builder = Documents.ToBuilder();
        foreach (var scanned in scan.Documents)
        {
            var path = System.IO.Path.Combine(scan.Root, scanned.Path);
            // An open document's text is newer than the file on disk.
            if (builder.TryGetValue(path, out var open) && open.Text is not null) continue;
            builder[path] = new IndexedDocument(scanned with { Path = path }, scan.LineMapFor(scanned.Path), null, null);
        }
        return new WorkspaceIndex(builder.ToImmutable(), Step.Root);
    }

    public WorkspaceIndex With(IndexedDocument document) => new(Documents.SetItem(document.Path, document), _step.Then(document.Path));

    public WorkspaceIndex Without(string path) => Documents.ContainsKey(path) ? new(Documents.Remove(path), _step.Then(path)) : this;

    /// <summary>The paths of the only documents that may differ from <paramref name="earlier"/>'s, when this
    /// snapshot was made from it by a few hundred single-document changes at most; null when that is not known
    /// (it was not, or a whole scan came between), and every document must be compared.</summary>
    internal IReadOnlySet<string>? ChangedSince(WorkspaceIndex earlier)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var step = _step; ; step = step.Parent!)
        {
            if (ReferenceEquals(step, earlier._step)) return paths;
            if (step.Path is not { } path) return null;
            paths.Add(path);
        }
    }

    /// <summary>One change that made a snapshot from the one before: the path it set or removed. A chain of
    /// them leads back to a root (the empty index, a whole scan, or the oldest step kept).</summary>
    private sealed class Step(Step? parent, string? path, int depth)
    {
        public static Step Root => new(null, null, 0);

        public Step? Parent { get; } = parent;

        /// <summary>Null for a root.</summary>
        public string? Path { get; } = path;

        public Step Then(string changed) => depth < StepsKept ? new Step(this, changed, depth + 1) : new Step(Root, changed, 1);
    }

    public IndexedDocument? Get(string path) => Documents.GetValueOrDefault(path);

    /// <summary>The citation whose id contains <paramref name="offset"/>, else whose whole text (the
    /// <c>arXiv:</c> prefix, the URL) or claim does.</summary>
    public Citation? CitationAt(IndexedDocument document, int offset)
    {
        var citations = Resolved(document);
        return citations.FirstOrDefault(c => c.Span.Contains(offset))
            ?? citations.FirstOrDefault(c => c.Extent?.Contains(offset) == true)
            ?? citations.FirstOrDefault(c => c.Claim?.Span.Contains(offset) == true);
    }

    /// <summary>Every place in the workspace citing the paper, whatever the form; pandoc keys resolved.</summary>
    public IEnumerable<(IndexedDocument Document, Citation Citation)> CitationsOf(ArxivId id) => _byId.Value[id.Canonical];

    /// <summary>The canonical ids cited anywhere in the workspace, built once per snapshot.</summary>
    public IReadOnlySet<string> CitedIds => _citedIds ??= _byId.Value.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    private IReadOnlySet<string>? _citedIds;

    /// <summary>The document's citations with pandoc keys resolved through the workspace's .bib entries.</summary>
    public IReadOnlyList<Citation> Resolved(IndexedDocument document) =>
        document.Scan.Citations.Any(c => c.Form == CitationForm.CiteKey)
            ? Resolver.Resolve(document.Scan)
            : document.Scan.Citations;

    /// <summary>The .bib entry a pandoc key citation of <paramref name="document"/> names, by the rule the
    /// check resolves keys with (<see cref="CiteKeyResolver"/>: case ignored, the front matter's
    /// bibliographies first), so an editor feature never lands elsewhere than the check looked.</summary>
    public KeyLookup LookupKey(IndexedDocument document, Citation citation) =>
        Resolver.Lookup(document.Scan, CiteKeyResolver.KeyOf(citation));

    /// <summary>The entries a key of <paramref name="document"/> may name, in the order the check searches them
    /// (<see cref="CiteKeyResolver.EntriesFor"/>), each key once.</summary>
    public IEnumerable<BibEntry> KeyEntries(IndexedDocument document) => Resolver.EntriesFor(document.Scan).Select(e => e.Entry);

    private CiteKeyResolver Resolver => _resolver ??= new CiteKeyResolver(Documents.Values.Select(d => d.Scan).ToList());

    private CiteKeyResolver? _resolver;
}
