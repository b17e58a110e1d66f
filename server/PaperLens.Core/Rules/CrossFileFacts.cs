using System.Collections.Immutable;
using PaperLens.Core.Citations;

namespace PaperLens.Core.Rules;

/// <summary>What the rules read across documents, summarised for the workspace so that a change of one
/// document updates it by that document's difference alone: the cite keys the workspace's .bib files define
/// (PL008 in every other document), whether it has a .bib at all (whether a Markdown <c>@name</c> is a key
/// or prose), and the titles of the papers it cites (a mismatching title claim is "the title of arXiv:X"
/// when X is cited anywhere, spec §2). Immutable: <see cref="Apply"/> returns the next summary and the facts
/// whose value changed.</summary>
internal sealed class CrossFileFacts
{
    // A key -> how many .bib documents define it (case ignored, as BibTeX does).
    private readonly ImmutableDictionary<string, int> _keyDefinitions;
    private readonly int _bibliographies;
    // A cited paper's canonical id -> its normalised title and how many documents cite it; only papers the
    // catalog has a title for, the only ones a claim can be the title of.
    private readonly ImmutableDictionary<string, CitedTitle> _citedTitles;
    // A normalised title -> the cited papers with that title, in ordinal order of their ids.
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _citedByTitle;

    private CrossFileFacts(
        ImmutableDictionary<string, int> keyDefinitions,
        int bibliographies,
        ImmutableDictionary<string, CitedTitle> citedTitles,
        ImmutableDictionary<string, ImmutableArray<string>> citedByTitle)
    {
        _keyDefinitions = keyDefinitions;
        _bibliographies = bibliographies;
        _citedTitles = citedTitles;
        _citedByTitle = citedByTitle;
    }

    private sealed record CitedTitle(string Title, int Documents);

    public static CrossFileFacts Empty { get; } = new(
        ImmutableDictionary.Create<string, int>(StringComparer.OrdinalIgnoreCase), 0,
        ImmutableDictionary.Create<string, CitedTitle>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal));

    /// <summary>The workspace has at least one .bib document.</summary>
    public bool HasBibliography => _bibliographies > 0;

    /// <summary>A .bib document of the workspace has an entry with this key.</summary>
    public bool Defines(string key) => _keyDefinitions.ContainsKey(key);

    /// <summary>The canonical id of the paper cited in the workspace whose normalised title is
    /// <paramref name="title"/> (the first in ordinal order when several are); null when none is.</summary>
    public string? FirstCitedWithTitle(string title) => _citedByTitle.TryGetValue(title, out var ids) ? ids[0] : null;

    /// <summary>The summary after documents changed, and the facts whose value changed.</summary>
    /// <param name="changes">Each changed document as it was (null: it is new) and as it is (null: it is gone).</param>
    /// <param name="papers">Has looked up the ids the documents cite now.</param>
    public (CrossFileFacts Facts, FactSet Changed) Apply(IEnumerable<(ScannedDocument? Before, ScannedDocument? After)> changes, PaperLookup papers)
    {
        var keys = _keyDefinitions.ToBuilder();
        var cited = _citedTitles.ToBuilder();
        var byTitle = _citedByTitle.ToBuilder();
        var bibliographies = _bibliographies;
        var touchedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var touchedTitles = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (before, after) in changes)
        {
            if (before is not null && CiteKeyResolver.IsBibliography(before)) bibliographies--;
            if (after is not null && CiteKeyResolver.IsBibliography(after)) bibliographies++;

            var keysBefore = KeysOf(before);
            var keysNow = KeysOf(after);
            foreach (var key in keysBefore.Where(k => !keysNow.Contains(k)))
            {
                touchedKeys.Add(key);
                if (keys[key] == 1) keys.Remove(key);
                else keys[key]--;
            }
            foreach (var key in keysNow.Where(k => !keysBefore.Contains(k)))
            {
                touchedKeys.Add(key);
                keys[key] = keys.GetValueOrDefault(key) + 1;
            }

            var idsBefore = IdsOf(before);
            var idsNow = IdsOf(after);
            foreach (var id in idsBefore.Where(i => !idsNow.Contains(i)))
            {
                if (!cited.TryGetValue(id, out var entry)) continue;
                if (entry.Documents > 1)
                {
                    cited[id] = entry with { Documents = entry.Documents - 1 };
                    continue;
                }
                cited.Remove(id);
                touchedTitles.Add(entry.Title);
                var rest = byTitle[entry.Title].Remove(id);
                if (rest.IsEmpty) byTitle.Remove(entry.Title);
                else byTitle[entry.Title] = rest;
            }
            foreach (var id in idsNow.Where(i => !idsBefore.Contains(i)))
            {
                if (cited.TryGetValue(id, out var entry))
                {
                    cited[id] = entry with { Documents = entry.Documents + 1 };
                    continue;
                }
                if (papers.TitleOf(id) is not { } title) continue;
                cited[id] = new CitedTitle(title, 1);
                touchedTitles.Add(title);
                var ids = byTitle.GetValueOrDefault(title, []);
                var at = ids.BinarySearch(id, StringComparer.Ordinal);
                byTitle[title] = ids.Insert(at < 0 ? ~at : at, id);
            }
        }

        var next = new CrossFileFacts(keys.ToImmutable(), bibliographies, cited.ToImmutable(), byTitle.ToImmutable());
        var changed = new FactSet(
            touchedKeys.Where(k => Defines(k) != next.Defines(k)).ToHashSet(StringComparer.OrdinalIgnoreCase),
            HasBibliography != next.HasBibliography,
            touchedTitles.Where(t => FirstCitedWithTitle(t) != next.FirstCitedWithTitle(t)).ToHashSet(StringComparer.Ordinal));
        return (next, changed.IsEmpty ? FactSet.None : changed);
    }

    private static HashSet<string> KeysOf(ScannedDocument? document) =>
        document is not null && CiteKeyResolver.IsBibliography(document)
            ? document.BibEntries.Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];

    private static HashSet<string> IdsOf(ScannedDocument? document) =>
        document is null ? [] : document.Citations.Select(c => c.Id?.Canonical).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
