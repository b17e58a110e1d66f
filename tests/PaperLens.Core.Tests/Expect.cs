using System.Runtime.CompilerServices;
using System.Text;

namespace PaperLens.Core.Tests;

/// <summary>Whole-output expectations written as data, after rust-analyzer's <c>expect![[…]]</c>:
/// <code>
/// Expect.Equal(markdown, """
///     ### Title
///     """);
/// </code>
/// On a mismatch the test fails with a line diff. Run with <c>UPDATE_EXPECT=1</c> and the raw string
/// literal (the first one starting at or after the call's line) is rewritten in the test's source file
/// with the actual text, and the test passes; review the change with <c>git diff</c>.</summary>
public static class Expect
{
    public const string UpdateVariable = "UPDATE_EXPECT";

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="actual">The whole output.</param>
    /// <param name="expected">A raw string literal (<c>"""…"""</c>, not interpolated) written as this
    /// argument; its line endings do not matter (a checkout may make them CRLF).</param>
    public static void Equal(string actual, string expected, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (expected.ReplaceLineEndings("\n") == actual) return;
        if (Updating)
        {
            SourceFiles.Update(file, line, actual);
            return;
        }
        Assert.Fail(
            $"The output differs from the expectation at {Path.GetFileName(file)}:{line} (- expected, + actual).\n" +
            $"If the change is intended, rerun with {UpdateVariable}=1 to rewrite the expectation.\n\n" +
            LineDiff.Render(expected.ReplaceLineEndings("\n"), actual));
    }

    /// <summary>Rewrites expectations in source files on disk. Tests run in parallel and several may
    /// update one file: each file has a lock, is re-read under it, and the line numbers the compiler
    /// recorded are moved by the lines that earlier rewrites of that file added or removed.</summary>
    internal static class SourceFiles
    {
        private static readonly Dictionary<string, FileState> Files = new(StringComparer.Ordinal);

        private sealed class FileState
        {
            // Per rewritten call line (as compiled): the lines its literal now has minus the lines it had.
            public readonly Dictionary<int, int> Shifts = [];
        }

        public static void Update(string file, int line, string actual)
        {
            if (!File.Exists(file))
                throw new InvalidOperationException($"{UpdateVariable}=1 cannot rewrite {file}: the test's source file is not on this machine.");
            var path = Path.GetFullPath(file);
            FileState state;
            lock (Files)
            {
                if (!Files.TryGetValue(path, out state!)) Files[path] = state = new FileState();
            }
            lock (state)
            {
                var current = line + state.Shifts.Where(s => s.Key < line).Sum(s => s.Value);
                var source = File.ReadAllText(path);
                var (rewritten, delta) = RawLiteral.Replace(source, current, actual);
                File.WriteAllText(path, rewritten, new UTF8Encoding(source.Length > 0 && source[0] == '\uFEFF'));
                state.Shifts[line] = state.Shifts.GetValueOrDefault(line) + delta;
            }
        }
    }

    /// <summary>Finding and writing C# raw string literals in source text.</summary>
    internal static class RawLiteral
    {
        /// <summary>Replaces the first raw string literal that starts on <paramref name="line"/> (1-based)
        /// or after it with one whose value is <paramref name="value"/>; returns the new source and how
        /// many lines the literal gained (negative when it lost some).</summary>
        public static (string Source, int LineDelta) Replace(string source, int line, string value)
        {
            var newline = source.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var lineStarts = LineStarts(source);
            if (line < 1 || line > lineStarts.Count) throw new ArgumentOutOfRangeException(nameof(line), $"line {line} is not in the file");

            var (start, end) = Find(source, lineStarts[line - 1]);
            var indent = Indentation(source, start, end, lineStarts);
            var literal = Write(value, indent, newline);
            var delta = CountLines(literal) - CountLines(source[start..end]);
            return (source[..start] + literal + source[end..], delta);
        }

        /// <summary>The text of a raw string literal with this value, as a multi-line literal whose
        /// content lines and closing quotes are indented by <paramref name="indent"/>.</summary>
        public static string Write(string value, string indent, string newline)
        {
            if (value.Length == 0) throw new ArgumentException("A C# raw string literal cannot be empty; write \"\" by hand.", nameof(value));
            if (value.Contains('\r', StringComparison.Ordinal)) throw new ArgumentException("A raw string literal here holds \\n line endings only; the value has \\r.", nameof(value));
            var quotes = new string('"', Math.Max(3, LongestQuoteRun(value) + 1));
            var text = new StringBuilder(quotes).Append(newline);
            foreach (var line in value.Split('\n'))
            {
                if (line.Length > 0) text.Append(indent).Append(line);
                text.Append(newline);
            }
            return text.Append(indent).Append(quotes).ToString();
        }

        /// <summary>The span of the first raw string literal opening at or after <paramref name="from"/>:
        /// from its first quote to just after its last.</summary>
        private static (int Start, int End) Find(string source, int from)
        {
            // On the call's own line, start after "Expect.Equal(" so a literal earlier on it is not taken.
            var lineEnd = source.IndexOf('\n', from);
            var call = source.IndexOf("Expect.Equal(", from, (lineEnd < 0 ? source.Length : lineEnd) - from, StringComparison.Ordinal);
            var at = call >= 0 ? call : from;
            while (true)
            {
                var start = source.IndexOf("\"\"\"", at, StringComparison.Ordinal);
                if (start < 0) throw new InvalidOperationException("No raw string literal (\"\"\"…\"\"\") follows the Expect.Equal call.");
                if (start > 0 && source[start - 1] is '$' or '@')
                    throw new InvalidOperationException("The expectation is an interpolated or verbatim string; Expect rewrites plain raw string literals only.");
                var quotes = 0;
                while (start + quotes < source.Length && source[start + quotes] == '"') quotes++;
                var delimiter = new string('"', quotes);
                var afterOpen = start + quotes;
                var openLineEnd = source.IndexOf('\n', afterOpen);
                var restOfLine = source[afterOpen..(openLineEnd < 0 ? source.Length : openLineEnd)];
                if (!string.IsNullOrWhiteSpace(restOfLine))
                {
                    // Single-line: """text""".
                    var close = restOfLine.IndexOf(delimiter, StringComparison.Ordinal);
                    if (close < 0) throw new InvalidOperationException("A single-line raw string literal is not closed on its line.");
                    return (start, afterOpen + close + quotes);
                }
                // Multi-line: the closing line is whitespace and the same number of quotes.
                var lineStart = openLineEnd + 1;
                while (lineStart < source.Length)
                {
                    var next = source.IndexOf('\n', lineStart);
                    var text = source[lineStart..(next < 0 ? source.Length : next)].TrimEnd('\r');
                    var trimmed = text.TrimStart(' ', '\t');
                    if (trimmed.StartsWith(delimiter, StringComparison.Ordinal) && (trimmed.Length == quotes || trimmed[quotes] != '"'))
                        return (start, lineStart + (text.Length - trimmed.Length) + quotes);
                    if (next < 0) break;
                    lineStart = next + 1;
                }
                throw new InvalidOperationException("A multi-line raw string literal is not closed.");
            }
        }

        /// <summary>The closing line's indentation for a multi-line literal; for a single-line one, the
        /// indentation of the line it opens on plus four spaces.</summary>
        private static string Indentation(string source, int start, int end, List<int> lineStarts)
        {
            var closingLine = lineStarts.FindLast(s => s <= end - 1);
            var openingLine = lineStarts.FindLast(s => s <= start);
            return closingLine != openingLine ? LeadingWhitespace(source, closingLine) : LeadingWhitespace(source, openingLine) + "    ";
        }

        private static string LeadingWhitespace(string source, int lineStart)
        {
            var end = lineStart;
            while (end < source.Length && source[end] is ' ' or '\t') end++;
            return source[lineStart..end];
        }

        private static List<int> LineStarts(string source)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < source.Length; i++)
                if (source[i] == '\n') starts.Add(i + 1);
            return starts;
        }

        private static int CountLines(string text) => text.Count(c => c == '\n');

        private static int LongestQuoteRun(string value)
        {
            int longest = 0, run = 0;
            foreach (var c in value)
            {
                run = c == '"' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
            return longest;
        }
    }

    /// <summary>A line diff (longest common subsequence) of two short texts; trailing whitespace is shown.</summary>
    internal static class LineDiff
    {
        public static string Render(string expected, string actual)
        {
            var a = expected.Split('\n');
            var b = actual.Split('\n');
            var common = new int[a.Length + 1, b.Length + 1];
            for (var i = a.Length - 1; i >= 0; i--)
                for (var j = b.Length - 1; j >= 0; j--)
                    common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);

            var text = new StringBuilder();
            int x = 0, y = 0;
            while (x < a.Length || y < b.Length)
            {
                if (x < a.Length && y < b.Length && a[x] == b[y]) { Line(text, ' ', a[x]); x++; y++; }
                else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1])) Line(text, '-', a[x++]);
                else Line(text, '+', b[y++]);
            }
            return text.ToString();
        }

        private static void Line(StringBuilder text, char mark, string line)
        {
            text.Append(mark).Append(' ').Append(line);
            var trailing = line.Length - line.TrimEnd().Length;
            if (mark != ' ' && line.Length == 0) text.Append("   ← empty line");
            else if (mark != ' ' && trailing > 0) text.Append("   ← ").Append(trailing).Append(" trailing whitespace");
            text.Append('\n');
        }
    }
}
