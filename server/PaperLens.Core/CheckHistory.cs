namespace PaperLens.Core;

/// <summary>The newest workspace check of a session, whichever analysis made it. An analysis made while the
/// check of an earlier state was still running has no check to start from; when its own is asked for, the one
/// finished meanwhile is the place to start, so a session's first whole check is the only one made whole.
/// Until then, the newest facts a document was checked alone against, which the next state's start from.</summary>
public sealed class CheckHistory
{
    private Analysis.Basis? _latest;
    private Analysis.FactsBasis? _latestFacts;

    public Analysis.Basis? Latest => Volatile.Read(ref _latest);

    internal void Record(Analysis.Basis check)
    {
        Volatile.Write(ref _latest, check);
        // Later states update the check; the facts would only hold memory.
        Volatile.Write(ref _latestFacts, null);
    }

    internal Analysis.FactsBasis? LatestFacts => Volatile.Read(ref _latestFacts);

    internal void Record(Analysis.FactsBasis facts) => Volatile.Write(ref _latestFacts, facts);
}
