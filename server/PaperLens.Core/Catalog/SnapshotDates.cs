using System.Globalization;

namespace PaperLens.Core.Catalog;

/// <summary>The two date forms of the snapshot layout: version dates in RFC 1123
/// (<c>Mon, 2 Apr 2007 19:18:42 GMT</c>) and <c>update_date</c> as <c>YYYY-MM-DD</c>.</summary>
internal static class SnapshotDates
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Parses <c>[Ddd, ]d Mmm yyyy HH:mm:ss GMT</c>. The weekday is not checked against the
    /// date: it carries nothing the rest does not, and a wrong one is no reason to drop a record.</summary>
    public static bool TryParseRfc1123(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        text = text.Trim();
        var comma = text.IndexOf(',');
        if (comma >= 0) text = text[(comma + 1)..].TrimStart();

        Span<Range> parts = stackalloc Range[6];
        var count = text.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count != 5) return false;
        var zone = text[parts[4]];
        if (!zone.Equals("GMT", StringComparison.OrdinalIgnoreCase) && !zone.Equals("UT", StringComparison.OrdinalIgnoreCase)
            && !zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) && !zone.Equals("Z", StringComparison.OrdinalIgnoreCase)
            && !zone.SequenceEqual("+0000"))
            return false;

        var month = -1;
        for (var i = 0; i < MonthNames.Length; i++)
            if (text[parts[1]].Equals(MonthNames[i], StringComparison.OrdinalIgnoreCase)) month = i + 1;
        if (month < 0) return false;
        if (!int.TryParse(text[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return false;
        if (!int.TryParse(text[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!TimeOnly.TryParseExact(text[parts[3]], "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return false;
        if (year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateTimeOffset(new DateOnly(year, month, day), time, TimeSpan.Zero);
        return true;
    }

    public static bool TryParseUpdateDate(ReadOnlySpan<char> text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
