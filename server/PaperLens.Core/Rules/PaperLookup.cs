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
    // The catalog's answer for a title claim, by the id it is claimed for: the paper cited under the claim is never its answer.
    private readonly Dictionary<string, Dictionary<(string Claim, string? Surname), ArxivId?>> _titled = new(StringComparer.Ordinal);

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

    /// <summary>Looks many ids up at once, so a check of thousands of papers is two queries, not thousands;
    /// what <paramref name="earlier"/>, a lookup of the same source in the same state, holds of them is
    /// taken from it instead.</summary>
    public void Prefetch(IEnumerable<ArxivId> ids, PaperLookup? earlier = null)
    {
        var missing = new List<ArxivId>();
        foreach (var id in ids)
        {
            if (_entries.ContainsKey(id.Canonical)) continue;
            if (earlier is not null && earlier._entries.TryGetValue(id.Canonical, out var known))
            {
                _entries.Add(id.Canonical, known);
                if (earlier._titled.TryGetValue(id.Canonical, out var claims)) _titled.Add(id.Canonical, new(claims));
            }
            else missing.Add(id);
        }
        missing = missing.DistinctBy(id => id.Canonical).ToList();
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
        if (!_titled.TryGetValue(except.Canonical, out var answers)) _titled.Add(except.Canonical, answers = []);
        if (answers.TryGetValue((claim.Text, claimedSurname), out var known)) return known;
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
        answers[(claim.Text, claimedSurname)] = found;
        return found;
    }

    // Equal titles first, then a claim that is part of the title, then a fuzzy likeness.
    private static int Closeness(TitleMatch match) => match switch
    {
        TitleMatch.Exact => 0,
        TitleMatch.Fuzzy => 2,
        _ => 1,
    };

}
