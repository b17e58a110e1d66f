using PaperLens.Core.Catalog;

namespace PaperLens.Core.Presentation;

public static class PaperDates
{
    /// <summary>The v1 date; when the record lists only v1 and not its date (the bundled seed),
    /// the record's update date is that of v1.</summary>
    public static DateTimeOffset? Submitted(PaperRecord paper)
    {
        if (paper.Submitted is { } created) return created;
        if (paper.Versions.Count <= 1 && paper.UpdateDate is { } updated)
            return new DateTimeOffset(updated.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return null;
    }
}
