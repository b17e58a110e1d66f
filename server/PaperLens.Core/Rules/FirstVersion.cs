using System.Globalization;
using System.Text.RegularExpressions;
using PaperLens.Core.Catalog;

namespace PaperLens.Core.Rules;

/// <summary>When a paper first appeared on arXiv (spec §2, PL014): the month of its v1 in the record,
/// else the month its id was given (every id carries its YYMM). Of the two, the earlier: a claim is
/// only wrong when it predates both.</summary>
public readonly partial record struct FirstVersion(int Year, int Month)
{
    /// <summary>The earliest year a correct citation may give: a paper submitted in the last days of
    /// December is announced, and its id numbered, in January (arXiv:2101.00027, submitted 31 Dec 2020).</summary>
    public int EarliestYear => Month == 1 ? Year - 1 : Year;

    public string Text => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(Month) + " " + Year.ToString(CultureInfo.InvariantCulture);

    public static FirstVersion Of(PaperRecord record)
    {
        var fromId = new FirstVersion(record.Id.Year, record.Id.Month);
        if (record.Submitted is not { } v1) return fromId;
        var fromRecord = new FirstVersion(v1.UtcDateTime.Year, v1.UtcDateTime.Month);
        return (fromRecord.Year, fromRecord.Month).CompareTo((fromId.Year, fromId.Month)) < 0 ? fromRecord : fromId;
    }

    [GeneratedRegex(@"(?<![\d.])(?:19|20)\d\d(?![\d.])")]
    private static partial Regex Years();

    /// <summary>The years a journal reference mentions ("Phys. Rev. D 76, 013009 (2007)").</summary>
    public static IEnumerable<int> YearsIn(string text) =>
        Years().Matches(text).Select(m => int.Parse(m.ValueSpan, CultureInfo.InvariantCulture));
}
