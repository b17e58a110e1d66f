using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Rules;

/// <summary>One check's view of the paper source: each id is looked up once however often it is
/// cited, and a record's title and abstract are normalised once however many claims it meets.</summary>
internal sealed class PaperLookup(IPaperSource source)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _idsByTitle;
    private readonly Dictionary<string, ArxivId?> _titled = new(StringComparer.Ordinal);

    public sealed class Entry(PaperRecord? record, bool confirmedMiss)
    {
        private NormalizedTitle? _title;
        private PaperText? _text;
        private PaperAuthors? _authors;

        public PaperRecord? Record { get; } = record;

        public bool ConfirmedMiss { get; } = confirmedMiss;

        public NormalizedTitle Title => _title ??= NormalizedTitle.Of(Record!.Title);

        public PaperText Text => _text ??= PaperText.Of(Record!.Title, Record.Abstract);

        public PaperAuthors Authors => _authors ??= PaperAuthors.Of(Record!);
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

    /// <summary>The paper whose title <paramref name="claim"/> is, other than <paramref name="except"/>
    /// (spec §2, end): a paper cited in the workspace with exactly that title, else the one paper of the
    /// source's title candidates that the claim matches best (<see cref="ClaimMatcher"/>), more than by a
    /// short name, and that the claimed first author wrote. Null when none does, or several remain.</summary>
    public ArxivId? PaperWithTitle(NormalizedTitle claim, string claimText, ArxivId except, string? claimedSurname)
    {
        if (IdWithTitle(claim, except) is { } cited) return ArxivId.Of(cited);
        var key = claim.Text + "\n" + claimedSurname;
        if (_titled.TryGetValue(key, out var known)) return known;
        var matches = source.TitleCandidates(claimText)
            .Where(r => r.Id.Canonical != except.Canonical)
            .DistinctBy(r => r.Id.Canonical)
            .Select(r => (Record: r, Match: ClaimMatcher.MatchTitle(claim, NormalizedTitle.Of(r.Title))))
            // A claim that is only another title's short name ("Deep learning" for "Deep learning: a
            // statistical viewpoint") names no paper; nor does one whose claimed first author did not write it.
            .Where(m => m.Match is not (TitleMatch.None or TitleMatch.ShortName)
                && (claimedSurname is null || PaperAuthors.Of(m.Record) is var authors && (authors.IsEmpty || !authors.IsComplete || authors.Contains(claimedSurname))))
            .ToList();
        if (matches.Count > 0)
        {
            var best = matches.Min(m => Closeness(m.Match));
            matches.RemoveAll(m => Closeness(m.Match) != best);
        }
        var found = matches.Count == 1 ? matches[0].Record.Id : null;
        _titled[key] = found;
        return found;
    }

    // Equal titles first, then a claim that is part of the title, then a fuzzy likeness.
    private static int Closeness(TitleMatch match) => match switch
    {
        TitleMatch.Exact => 0,
        TitleMatch.Fuzzy => 2,
        _ => 1,
    };

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
