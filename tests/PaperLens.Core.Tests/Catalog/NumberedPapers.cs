using System.Globalization;
using System.Text;

namespace PaperLens.Testing;

/// <summary>Synthetic snapshot lines for import tests (linked into the CLI tests too). Paper n has the id
/// 1801.nnnnn (newer for larger n; no bundled paper is from that month), a title word no other paper
/// has (<see cref="UniqueWord"/>), and the word "resumable" that all share.</summary>
internal static class NumberedPapers
{
    public static string Line(int n) =>
        $$"""{"id":"{{Id(n)}}","authors":"A. Writer and B. Reader","title":"Resumable import of {{UniqueWord(n)}}","versions":[{"version":"v1","created":"Thu, 4 Jan 2018 10:00:00 GMT"}],"update_date":"2018-01-04"}""" + "\n";

    public static string Id(int n) => "1801." + n.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Letters only, so that each is one whole token, and all of one length, so that none is a
    /// prefix of another: 1 -> "zqbaaa", 2 -> "zqcaaa", ...</summary>
    public static string UniqueWord(int n)
    {
        var word = new StringBuilder("zq");
        for (var (rest, digit) = (n, 0); digit < 4; rest /= 26, digit++) word.Append((char)('a' + rest % 26));
        return word.ToString();
    }

    /// <summary>Papers 1 to <paramref name="papers"/>, one line each.</summary>
    public static void Write(TextWriter writer, int papers)
    {
        for (var n = 1; n <= papers; n++) writer.Write(Line(n));
    }
}
