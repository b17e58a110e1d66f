namespace PaperLens.Core.Rules;

/// <summary>Names of cross-file facts (<see cref="CrossFileFacts"/>): cite keys (case ignored), whether the
/// workspace has a .bib at all, and normalised titles of cited papers. A document's check records the facts
/// it read; an update of the workspace names the facts whose value changed; a document is checked again
/// when the two overlap.</summary>
internal sealed record FactSet(IReadOnlySet<string> Keys, bool Bibliography, IReadOnlySet<string> Titles)
{
    public static FactSet None { get; } = new(new HashSet<string>(StringComparer.OrdinalIgnoreCase), false, new HashSet<string>(StringComparer.Ordinal));

    public bool IsEmpty => Keys.Count == 0 && !Bibliography && Titles.Count == 0;

    public bool Overlaps(FactSet other) =>
        Bibliography && other.Bibliography || Overlap(Keys, other.Keys) || Overlap(Titles, other.Titles);

    // Both sets of a kind share a comparer; the smaller is walked.
    private static bool Overlap(IReadOnlySet<string> one, IReadOnlySet<string> other) =>
        one.Count <= other.Count ? other.Overlaps(one) : one.Overlaps(other);

    /// <summary>Collects the facts one document's check reads.</summary>
    public sealed class Recorder
    {
        private HashSet<string>? _keys;
        private HashSet<string>? _titles;
        private bool _bibliography;

        public void Key(string key) => (_keys ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(key);

        public void Bibliography() => _bibliography = true;

        public void Title(string title) => (_titles ??= new HashSet<string>(StringComparer.Ordinal)).Add(title);

        public FactSet ToSet() => _keys is null && _titles is null && !_bibliography
            ? None
            : new FactSet(_keys ?? None.Keys, _bibliography, _titles ?? None.Titles);
    }
}
