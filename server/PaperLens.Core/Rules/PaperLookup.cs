using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Rules;

/// <summary>One check's view of the paper source: each id is looked up once however often it is
/// cited, and a record's title and abstract are normalised once however many claims it meets.</summary>
internal sealed class PaperLookup(IPaperSource source)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _idsByTitle;

    public sealed class Entry(PaperRecord? record, bool confirmedMiss)
    {
        private NormalizedTitle? _title;
        private PaperText? _text;

        public PaperRecord? Record { get; } = record;

        public bool ConfirmedMiss { get; } = confirmedMiss;

        public NormalizedTitle Title => _title ??= NormalizedTitle.Of(Record!.Title);

        public PaperText Text => _text ??= PaperText.Of(Record!.Title, Record.Abstract);
    }

    /// <summary>Looks many ids up at once, so a check of thousands of papers is two queries, not thousands.</summary>
    public void Prefetch(IEnumerable<ArxivId> ids)
    {
        var missing = ids.Where(id => !_entries.ContainsKey(id.Canonical)).DistinctBy(id => id.Canonical).ToList();
        if (missing.Count == 0) return;
        var records = source.FindMany(missing);
        var misses = source.ConfirmedMisses(missing.Where(id => !records.ContainsKey(id)));
        foreach (var id in missing)
            _entries[id.Canonical] = new Entry(records.GetValueOrDefault(id), misses.Contains(id));
    }

    public Entry Get(ArxivId id)
    {
        if (_entries.TryGetValue(id.Canonical, out var entry)) return entry;
        var record = source.Find(id);
        entry = new Entry(record, record is null && source.IsConfirmedMiss(id));
        _entries.Add(id.Canonical, entry);
        return entry;
    }

    /// <summary>The id of a paper looked up so far whose title is exactly <paramref name="title"/>
    /// (normalised), other than <paramref name="except"/>: the paper a mismatching claim really names.
    /// Indexed on first use, so a workspace with many papers and many mismatches stays linear.</summary>
    public string? IdWithTitle(NormalizedTitle title, ArxivId except)
    {
        _idsByTitle ??= BuildTitleIndex();
        return _idsByTitle.TryGetValue(title.Text, out var id) && id != except.Canonical ? id : null;
    }

    private Dictionary<string, string> BuildTitleIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (entry.Record is not null && !entry.Title.IsEmpty) index.TryAdd(entry.Title.Text, canonical);
        }
        return index;
    }
}
