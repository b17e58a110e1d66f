using System.Globalization;
using Humanizer;

namespace PaperLens.Core.Presentation;

/// <summary>Dates as people read them: "Apr 24, 2024 (1 year ago)".</summary>
public static class DateText
{
    public static string Calendar(DateTimeOffset date) =>
        date.UtcDateTime.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Age(DateTimeOffset date, DateTimeOffset now) =>
        date.UtcDateTime.Humanize(utcDate: true, dateToCompareAgainst: now.UtcDateTime, culture: CultureInfo.InvariantCulture);

    public static string WithAge(DateTimeOffset date, DateTimeOffset now) => $"{Calendar(date)} ({Age(date, now)})";
}
