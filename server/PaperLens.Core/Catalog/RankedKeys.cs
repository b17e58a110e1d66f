using PaperLens.Core.Completion;

namespace PaperLens.Core.Catalog;

/// <summary>The papers a completion query has found so far, each in its best class: listed by class,
/// then those cited in the workspace, then by score (<see cref="CompletionText.Score"/>).</summary>
internal sealed class RankedKeys
{
    private readonly Dictionary<long, (CompletionClass Rank, bool Cited, long Score)> found = [];
    private readonly int[] counts = new int[Enum.GetValues<CompletionClass>().Length];

    public int Total => found.Count;

    /// <summary>Papers found in <paramref name="rank"/> or a better class.</summary>
    public int AtLeast(CompletionClass rank) => counts.Take((int)rank + 1).Sum();

    /// <summary>Adds a paper, or improves the class of one already found; returns whether it is new.</summary>
    public bool Add(long key, CompletionClass rank, long score, bool cited)
    {
        if (!found.TryGetValue(key, out var known))
        {
            found[key] = (rank, cited, score);
            counts[(int)rank]++;
            return true;
        }
        var best = rank < known.Rank ? rank : known.Rank;
        counts[(int)known.Rank]--;
        counts[(int)best]++;
        found[key] = (best, cited || known.Cited, score);
        return false;
    }

    /// <summary>The first <paramref name="limit"/> keys, and whether more match: more were found, or
    /// <paramref name="more"/> (the search stopped before it had seen every match).</summary>
    public (IReadOnlyList<long> Keys, bool More) Take(int limit, bool more)
    {
        var keys = found
            .OrderBy(f => f.Value.Rank)
            .ThenByDescending(f => f.Value.Cited)
            .ThenByDescending(f => f.Value.Score)
            .ThenByDescending(f => f.Key)
            .Take(limit)
            .Select(f => f.Key)
            .ToList();
        return (keys, more || found.Count > limit);
    }
}
