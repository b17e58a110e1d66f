using PaperLens.Core.Catalog;

namespace PaperLens.Core.Tests.Catalog;

public class SnapshotDatesTests
{
    [Theory]
    [InlineData("Mon, 2 Apr 2007 12:02:40 GMT", 2007, 4, 2, 12, 2, 40)]
    [InlineData("Tue, 24 Jul 2007 20:10:27 GMT", 2007, 7, 24, 20, 10, 27)]
    [InlineData("Thu, 29 Aug 2012 23:00:00 GMT", 2012, 8, 29, 23, 0, 0)]
    [InlineData("2 Apr 2007 12:02:40 GMT", 2007, 4, 2, 12, 2, 40)]
    [InlineData("Sat, 29 Feb 2020 00:00:01 UTC", 2020, 2, 29, 0, 0, 1)]
    public void RFC_1123_dates_parse_as_UTC_whatever_the_weekday_says(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(SnapshotDates.TryParseRfc1123(text, out var value));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mon, 31 Apr 2007 12:02:40 GMT")]
    [InlineData("Mon, 2 Foo 2007 12:02:40 GMT")]
    [InlineData("Mon, 2 Apr 2007 25:02:40 GMT")]
    [InlineData("Mon, 2 Apr 2007 12:02:40 CEST")]
    [InlineData("2007-04-02T12:02:40Z")]
    public void Anything_else_does_not(string text)
    {
        Assert.False(SnapshotDates.TryParseRfc1123(text, out _));
    }

    [Theory]
    [InlineData("2008-11-26", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2023-13-01", false)]
    [InlineData("2023-1-01", false)]
    [InlineData("26/11/2008", false)]
    public void Update_dates_are_YYYY_MM_DD(string text, bool valid)
    {
        Assert.Equal(valid, SnapshotDates.TryParseUpdateDate(text, out var date));
        if (valid) Assert.Equal(text, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
