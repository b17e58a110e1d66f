using System.Security.Cryptography;
using System.Text;
using PaperLens.Core.Rules;
using PaperLens.Core.Text;

namespace PaperLens.Core.Gate;

/// <summary>What a baseline records of a finding (spec §5): its file, rule and paper, and the text of its
/// line — not the line's number, so that lines added or removed above it leave it recorded. The text is
/// normalised (trimmed, each run of white space one space), so re-indenting or re-wrapping spaces keeps it too.</summary>
public sealed record BaselineKey(string Path, string Code, string? Id, string Text) : IComparable<BaselineKey>
{
    // A minified or generated line can be a megabyte long; the baseline keeps its start and a hash of the rest.
    private const int LongestText = 200;
    private const int KeptOfLongText = 160;

    public static BaselineKey Of(string path, string code, string? id, ReadOnlySpan<char> line)
    {
        var normalised = Normalise(line);
        if (normalised.Length > LongestText)
            normalised = $"{normalised[..KeptOfLongText]}… sha256:{Hash(normalised)}";
        return new BaselineKey(path, code, id, normalised);
    }

    /// <summary>The key of a finding in the document whose text (and its line map) is given: its first line's text.</summary>
    public static BaselineKey For(Diagnostic finding, string text, LineMap lines)
    {
        var line = lines.GetPosition(finding.Span.Start).Line;
        // Clamped: the text is read again after the scan, and the file may have changed meanwhile.
        var start = Math.Min(lines.LineStart(line), text.Length);
        var end = Math.Clamp(lines.LineEnd(line), start, text.Length);
        return Of(finding.Path, finding.Code, finding.Id?.Canonical, text.AsSpan(start, end - start));
    }

    /// <summary>The key as a SARIF partial fingerprint: a hash of its parts, stable across commits as long as
    /// the key is (GitHub code scanning tracks an alert by it).</summary>
    public string Fingerprint => Hash($"{Path}\0{Code}\0{Id}\0{Text}");

    public int CompareTo(BaselineKey? other)
    {
        if (other is null) return 1;
        var order = string.CompareOrdinal(Path, other.Path);
        if (order == 0) order = string.CompareOrdinal(Code, other.Code);
        if (order == 0) order = string.CompareOrdinal(Id, other.Id);
        return order != 0 ? order : string.CompareOrdinal(Text, other.Text);
    }

    private static string Normalise(ReadOnlySpan<char> line)
    {
        var text = new StringBuilder(line.Length);
        foreach (var part in line.Trim().ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(part);
        }
        return text.ToString();
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
