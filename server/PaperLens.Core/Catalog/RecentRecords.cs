namespace PaperLens.Core.Catalog;

/// <summary>The records a catalog was last asked for one by one (a hover, an abstract, a completion's
/// documentation: papers being shown), so that showing one again reads nothing of a catalog of millions:
/// bounded, the least recently asked for leaves first, and emptied when the catalog's content changes.
/// Not thread-safe: the catalog uses it under its lock.</summary>
internal sealed class RecentRecords(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<PaperRecord>> _byId = new(StringComparer.Ordinal);
    // Most recently asked for first.
    private readonly LinkedList<PaperRecord> _order = new();
    private CatalogVersion _version;

    public PaperRecord? Get(string canonicalId, CatalogVersion version)
    {
        if (version != _version)
        {
            _byId.Clear();
            _order.Clear();
            _version = version;
            return null;
        }
        if (!_byId.TryGetValue(canonicalId, out var node)) return null;
        _order.Remove(node);
        _order.AddFirst(node);
        return node.Value;
    }

    /// <summary>Keeps a record read at <paramref name="version"/> (the version <see cref="Get"/> was just asked at).</summary>
    public void Add(PaperRecord record, CatalogVersion version)
    {
        if (version != _version || _byId.ContainsKey(record.Id.Canonical)) return;
        if (_byId.Count >= capacity)
        {
            _byId.Remove(_order.Last!.Value.Id.Canonical);
            _order.RemoveLast();
        }
        _byId.Add(record.Id.Canonical, _order.AddFirst(record));
    }
}
