using System.Globalization;

namespace PaperLens.Core.Identifiers;

/// <summary>The outcome of reading id-shaped text: either a valid id (with the cited version, if any)
/// or the reason the text breaks spec §1.</summary>
public readonly record struct IdParseResult(ArxivId? Id, int? Version, string? Error)
{
    public bool IsValid => Id is not null;
}

/// <summary>Validates arXiv identifiers against spec §1. Input is id-shaped text as it appears in a
/// citation (<c>2312.00752v2</c>, <c>hep-th/9901001</c>, <c>math.AG/0601001</c>); the scanners decide
/// what is id-shaped, this decides whether it is valid.</summary>
public static class ArxivIdParser
{
    public static IdParseResult Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var (bodyLength, version, versionError) = SplitVersion(text);
        if (versionError is not null) return Fail(versionError);
        var body = text[..bodyLength];

        var slash = body.IndexOf('/');
        return slash >= 0 ? ParseOld(body[..slash], body[(slash + 1)..], version) : ParseNew(body, version);
    }

    private static (int BodyLength, int? Version, string? Error) SplitVersion(ReadOnlySpan<char> text)
    {
        var v = text.LastIndexOfAny('v', 'V');
        if (v <= 0 || v == text.Length - 1 || !IsAllDigits(text[(v + 1)..])) return (text.Length, null, null);
        var digits = text[(v + 1)..];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            return (text.Length, null, $"version 'v{digits}' does not exist (versions start at v1)");
        return (v, n, null);
    }

    private static IdParseResult ParseNew(ReadOnlySpan<char> body, int? version)
    {
        var dot = body.IndexOf('.');
        if (dot != 4 || !IsAllDigits(body[..4]) || !IsAllDigits(body[5..]))
            return Fail($"'{body}' is not an arXiv id (expected YYMM.NNNNN)");
        var yy = Two(body, 0);
        var mm = Two(body, 2);
        var number = body[5..];
        if (mm is < 1 or > 12) return Fail($"month {mm:00} does not exist (YYMM must have a month 01-12)");
        var yymm = yy * 100 + mm;
        if (yymm < 704) return Fail($"new-style ids start in April 2007 (0704); {body[..4]} would need the old archive/YYMMNNN form");
        var fiveDigit = yymm >= 1501;
        var expected = fiveDigit ? 5 : 4;
        if (number.Length != expected)
        {
            return Fail(fiveDigit
                ? $"ids from 2015 on have a five-digit number, '{number}' has {number.Length}"
                : $"ids from 0704 to 1412 have a four-digit number, '{number}' has {number.Length}");
        }
        if (IsAllZero(number)) return Fail($"number {number} is out of range (numbers start at 1)");
        var id = new ArxivId(body.ToString(), fiveDigit ? ArxivScheme.NewFiveDigit : ArxivScheme.NewFourDigit, 2000 + yy, mm);
        return new IdParseResult(id, version, null);
    }

    private static IdParseResult ParseOld(ReadOnlySpan<char> archivePart, ReadOnlySpan<char> number, int? version)
    {
        var dot = archivePart.IndexOf('.');
        var archive = (dot >= 0 ? archivePart[..dot] : archivePart).ToString().ToLowerInvariant();
        if (dot >= 0)
        {
            var subject = archivePart[(dot + 1)..];
            if (subject.Length != 2 || !char.IsAsciiLetter(subject[0]) || !char.IsAsciiLetter(subject[1]))
                return Fail($"'{archivePart}' has a malformed subject class (expected archive.SC, e.g. math.AG)");
        }
        if (!LegacyArchives.All.Contains(archive)) return Fail($"unknown archive '{archive}' (not one of arXiv's pre-2007 archives)");
        if (number.Length != 7 || !IsAllDigits(number))
            return Fail($"old-style ids have seven digits after the archive (YYMMNNN), '{number}' has {number.Length}");
        var yy = Two(number, 0);
        var mm = Two(number, 2);
        if (mm is < 1 or > 12) return Fail($"month {mm:00} does not exist (YYMM must have a month 01-12)");
        if (yy is > 7 and < 91) return Fail($"old-style ids run from 1991 to 2007, '{number[..2]}' is outside");
        if (yy == 91 && mm < 8) return Fail($"arXiv started in August 1991 (9108); {number[..4]} is before it");
        if (yy == 7 && mm > 3) return Fail($"old-style ids end in March 2007 (0703); from 0704 on ids are YYMM.NNNN");
        if (IsAllZero(number[4..])) return Fail($"number {number[4..]} is out of range (numbers start at 001)");
        var year = yy >= 91 ? 1900 + yy : 2000 + yy;
        var id = new ArxivId($"{archive}/{number}", ArxivScheme.Old, year, mm);
        return new IdParseResult(id, version, null);
    }

    private static IdParseResult Fail(string reason) => new(null, null, reason);

    private static int Two(ReadOnlySpan<char> s, int at) => (s[at] - '0') * 10 + (s[at + 1] - '0');

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsAllZero(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (c != '0') return false;
        return true;
    }
}
