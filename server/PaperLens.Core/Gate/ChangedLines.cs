using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperLens.Core.Gate;

/// <summary>The lines a change brought, per file (paths relative to the workspace root, with '/'), for
/// <c>check --changed</c> (spec §5): the new side of <c>git diff --unified=0</c>'s hunks, and every line of
/// the files git does not track yet. A deleted line brings nothing to report; a renamed file's unchanged
/// lines are not changed.</summary>
public sealed partial class ChangedLines
{
    // Null: every line of the file (an untracked one).
    private readonly Dictionary<string, List<(int First, int Last)>?> _files;

    private ChangedLines(Dictionary<string, List<(int First, int Last)>?> files) => _files = files;

    /// <summary>How many files have changed lines.</summary>
    public int FileCount => _files.Count;

    /// <param name="diff">The output of <c>git diff --unified=0 --src-prefix=a/ --dst-prefix=b/</c>.</param>
    /// <param name="untracked">Files git does not track, every line of which is new.</param>
    public static ChangedLines Read(string diff, IEnumerable<string> untracked)
    {
        var files = new Dictionary<string, List<(int First, int Last)>?>(StringComparer.Ordinal);
        string? path = null;
        var lines = diff.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("diff ", StringComparison.Ordinal))
                path = null;
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
                path = NewPath(line[4..]);
            else if (Hunk().Match(line) is { Success: true } hunk)
            {
                var oldCount = Count(hunk.Groups["oldCount"]);
                var (start, count) = (int.Parse(hunk.Groups["start"].Value, CultureInfo.InvariantCulture), Count(hunk.Groups["count"]));
                if (path is not null && count > 0)
                {
                    if (!files.TryGetValue(path, out var ranges)) files[path] = ranges = [];
                    ranges?.Add((start, start + count - 1));
                }
                // The hunk's own lines: a removed or added line may read like a header ("+++ b/x" is "++ b/x" added).
                for (var remaining = oldCount + count; remaining > 0 && i + 1 < lines.Length; i++)
                    if (!lines[i + 1].StartsWith('\\')) remaining--;
            }
        }
        foreach (var file in untracked) files[file] = null;
        return new ChangedLines(files);
    }

    /// <summary>Whether any of the 1-based lines <paramref name="first"/>..<paramref name="last"/> of the file changed.</summary>
    public bool Touches(string path, int first, int last) =>
        _files.TryGetValue(path, out var ranges) && (ranges is null || ranges.Any(r => r.First <= last && first <= r.Last));

    private static int Count(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 1;

    /// <summary>The path of a <c>+++</c> header: <c>b/</c> and the name, C-quoted by git when it holds
    /// unusual characters; null for <c>/dev/null</c> (a deleted file).</summary>
    private static string? NewPath(string header)
    {
        var name = header.StartsWith('"') ? Unquote(header) : header.TrimEnd('\t');
        return name.StartsWith("b/", StringComparison.Ordinal) ? name[2..] : null;
    }

    // Git quotes as C does, with each byte of a non-ASCII UTF-8 name as an octal escape (unless core.quotePath is off).
    private static string Unquote(string quoted)
    {
        var bytes = new List<byte>();
        for (var i = 1; i < quoted.Length && quoted[i] != '"'; i++)
        {
            if (quoted[i] != '\\' || i + 1 >= quoted.Length)
            {
                var length = char.IsHighSurrogate(quoted[i]) && i + 1 < quoted.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(quoted.ToCharArray(i, length)));
                i += length - 1;
                continue;
            }
            var c = quoted[++i];
            if (c is >= '0' and <= '7' && i + 2 < quoted.Length)
            {
                bytes.Add((byte)Convert.ToInt32(quoted.Substring(i, 3), 8));
                i += 2;
                continue;
            }
            bytes.Add((byte)(c switch { 'a' => '\a', 'b' => '\b', 't' => '\t', 'n' => '\n', 'v' => '\v', 'f' => '\f', 'r' => '\r', _ => c }));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"^@@ -\d+(?:,(?<oldCount>\d+))? \+(?<start>\d+)(?:,(?<count>\d+))? @@")]
    private static partial Regex Hunk();
}
