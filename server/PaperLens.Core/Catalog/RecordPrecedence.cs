namespace PaperLens.Core.Catalog;

/// <summary>Decides whether an incoming record replaces the catalog's record of the same paper.</summary>
internal static class RecordPrecedence
{
    /// <summary>arXiv's own records (bundled, snapshot, API) always beat a record read from a .bib file;
    /// otherwise the newer record wins: later update date, then more versions known, then a complete
    /// history over a partial one, then the later fetch. A full tie keeps the stored record, so that
    /// importing the same files again, in any order, changes nothing.</summary>
    public static bool Replaces(PaperRecord incoming, PaperRecord existing)
    {
        var incomingFromBib = incoming.Source == RecordSource.Bibtex;
        var existingFromBib = existing.Source == RecordSource.Bibtex;
        if (incomingFromBib != existingFromBib) return existingFromBib;

        var byDate = Nullable.Compare(incoming.UpdateDate, existing.UpdateDate);
        if (byDate != 0) return byDate > 0;
        var byVersion = (incoming.LatestVersion ?? 0).CompareTo(existing.LatestVersion ?? 0);
        if (byVersion != 0) return byVersion > 0;
        if (incoming.VersionsComplete != existing.VersionsComplete) return incoming.VersionsComplete;
        return incoming.FetchedAt > existing.FetchedAt;
    }
}
