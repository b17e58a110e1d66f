namespace PaperLens.Core;

/// <summary>The newest workspace check of a session, whichever analysis made it. An analysis made while the
/// check of an earlier state was still running has no check to start from; when its own is asked for, the one
/// finished meanwhile is the place to start, so a session's first whole check is the only one made whole.</summary>
public sealed class CheckHistory
{
    private Analysis.Basis? _latest;

    public Analysis.Basis? Latest => Volatile.Read(ref _latest);

    internal void Record(Analysis.Basis check) => Volatile.Write(ref _latest, check);
}
