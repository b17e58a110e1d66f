using System.Collections.Immutable;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Rules;

/// <summary>One check's view of the paper source: each id is looked up once however often it is
/// cited, and a record's title and abstract are normalised once however many claims it meets. The check
/// of an edit starts from the lookup of the check before it (<see cref="Prefetch"/>), so typing in a
/// document does not look its papers up again.</summary>
internal sealed class PaperLookup(IPaperSource source)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    // The papers a title claim (with its claimed first author) may name, each with how close it is, whatever id
    // the claim is written beside: a workspace repeats a claim under many ids, and each answer only leaves its own
    // cited paper out. Immutable, so the check of an edit shares the whole of its predecessor's without a copy.
    private ImmutableDictionary<(string Claim, string? Surname), ImmutableArray<(ArxivId Id, int Closeness)>> _titleMatches =
        ImmutableDictionary<(string, string?), ImmutableArray<(ArxivId, int)>>.Empty;

    public sealed class Entry(PaperRecord? record, bool confirmedMiss)
    {
        // A workspace cites tens of thousands of papers a small catalog lacks, and such an entry has
        // nothing of its own to keep: one of each kind serves them all.
        private static readonly Entry Unknown = new(null, confirmedMiss: false);
        private static readonly Entry Missed = new(null, confirmedMiss: true);

        private NormalizedTitle? _title;
        private PaperText? _text;
        private PaperAuthors? _authors;

        public PaperRecord? Record { get; } = record;

        public bool ConfirmedMiss { get; } = confirmedMiss;

        public NormalizedTitle Title => _title ??= NormalizedTitle.Of(Record!.Title);

        public PaperText Text => _text ??= PaperText.Of(Record!.Title, Record.Abstract);

        public PaperAuthors Authors => _authors ??= PaperAuthors.Of(Record!);

        public static Entry Of(PaperRecord? record, bool confirmedMiss) =>
            record is not null ? new(record, confirmedMiss) : confirmedMiss ? Missed : Unknown;
    }

    /// <summary>Looks many ids up at once, so a check of thousands of papers is two queries, not thousands;
    /// what <paramref name="earlier"/>, a lookup of the same source in the same state, holds of them is
    /// taken from it instead.</summary>
    public void Prefetch(IEnumerable<ArxivId> ids, PaperLookup? earlier = null)
    {
        if (earlier is not null && _titleMatches.IsEmpty) _titleMatches = earlier._titleMatches;
        var missing = new List<ArxivId>();
        foreach (var id in ids)
        {
            if (_entries.ContainsKey(id.Canonical)) continue;
            if (earlier is not null && earlier._entries.TryGetValue(id.Canonical, out var known)) _entries.Add(id.Canonical, known);
            else missing.Add(id);
        }
        missing = missing.DistinctBy(id => id.Canonical).ToList();
        if (missing.Count == 0) return;
        var records = source.FindMany(missing);
        var misses = source.ConfirmedMisses(missing.Where(id => !records.ContainsKey(id)));
        foreach (var id in missing)
            _entries[id.Canonical] = Entry.Of(records.GetValueOrDefault(id), misses.Contains(id));
    }

    public Entry Get(ArxivId id)
    {
        if (_entries.TryGetValue(id.Canonical, out var entry)) return entry;
        var record = source.Find(id);
        entry = Entry.Of(record, record is null && source.IsConfirmedMiss(id));
        _entries.Add(id.Canonical, entry);
        return entry;
    }

    /// <summary>The normalised title of the paper, when the source has one: what a title claim elsewhere may be.</summary>
    public string? TitleOf(string canonicalId)
    {
        var entry = _entries.GetValueOrDefault(canonicalId) ?? Get(ArxivId.Of(canonicalId));
        return entry.Record is not null && !entry.Title.IsEmpty ? entry.Title.Text : null;
    }

    /// <summary>The paper of the source's title candidates whose title <paramref name="claim"/> is, other
    /// than <paramref name="except"/> (spec §2, end): the one the claim matches best
    /// (<see cref="ClaimMatcher"/>), more than by a short name, and that the claimed first author wrote.
    /// Null when none does, or several remain. The papers cited in the workspace are asked first, by the
    /// check (<see cref="CrossFileFacts.FirstCitedWithTitle"/>).</summary>
    public ArxivId? PaperWithTitle(NormalizedTitle claim, string claimText, ArxivId except, string? claimedSurname)
    {
        var key = (claim.Text, claimedSurname);
        if (!_titleMatches.TryGetValue(key, out var matches))
        {
            matches = source.TitleCandidates(claimText)
                .DistinctBy(r => r.Id.Canonical)
                .Select(r => (Record: r, Match: ClaimMatcher.MatchTitle(claim, NormalizedTitle.Of(r.Title))))
                // A claim that is only another title's short name ("Deep learning" for "Deep learning: a
                // statistical viewpoint") names no paper; nor does one whose claimed first author did not write it.
                .Where(m => m.Match is not (TitleMatch.None or TitleMatch.ShortName)
                    && (claimedSurname is null || PaperAuthors.Of(m.Record) is var authors && (authors.IsEmpty || !authors.IsComplete || authors.Contains(claimedSurname))))
                .Select(m => (m.Record.Id, Closeness(m.Match)))
                .ToImmutableArray();
            _titleMatches = _titleMatches.Add(key, matches);
        }
        var others = matches.Where(m => m.Id.Canonical != except.Canonical).ToList();
        if (others.Count == 0) return null;
        var best = others.Min(m => m.Closeness);
        var closest = others.Where(m => m.Closeness == best).ToList();
        return closest.Count == 1 ? closest[0].Id : null;
    }

    // Equal titles first, then a claim that is part of the title, then a fuzzy likeness.
    private static int Closeness(TitleMatch match) => match switch
    {
        TitleMatch.Exact => 0,
        TitleMatch.Fuzzy => 2,
        _ => 1,
    };

}
