namespace PaperLens.Core.Tests;

/// <summary>How <see cref="Expect"/> rewrites expectations: always on a temporary copy of a small source
/// file, never on a real test file.</summary>
public sealed class ExpectTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("paperlens-expect-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string Source = """"
        public class SomeTests
        {
            [Fact]
            public void First()
            {
                Expect.Equal(Render(), """
                    old
                    """);
            }

            [Fact]
            public void Second()
            {
                var x = 1; Expect.Equal(x.ToString(), """one""");
                Expect.Equal("a", """
                    b
                    """);
            }
        }

        """";

    private string Copy(string source, string newline = "\n")
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".cs");
        File.WriteAllText(path, source.ReplaceLineEndings(newline));
        return path;
    }

    private static int LineOf(string source, string text) =>
        source[..source.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void A_multi_line_value_with_quotes_and_blank_lines_is_written_at_the_closing_quotes_indentation()
    {
        var file = Copy(Source);

        Expect.SourceFiles.Update(file, LineOf(Source, "Expect.Equal(Render()"), "# \"Title\"\n\n  indented line\nsays \"\"quoted\"\"\n");

        Assert.Equal(Source.Replace("            old\n", """"
                        # "Title"

                          indented line
                        says ""quoted""


            """", StringComparison.Ordinal), File.ReadAllText(file));
    }

    [Fact]
    public void A_value_holding_three_quotes_gets_a_longer_delimiter()
    {
        var file = Copy(Source);

        Expect.SourceFiles.Update(file, LineOf(Source, "Expect.Equal(\"a\""), "x = \"\"\"raw\"\"\";");

        Assert.Contains("""""
                    Expect.Equal("a", """"
                        x = """raw""";
                        """");
            """"", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_line_literal_on_the_calls_line_becomes_a_multi_line_one_indented_a_level_deeper()
    {
        var file = Copy(Source);

        Expect.SourceFiles.Update(file, LineOf(Source, "var x = 1;"), "1");

        Assert.Contains(""""
                    var x = 1; Expect.Equal(x.ToString(), """
                        1
                        """);
                    Expect.Equal("a", """
            """", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Later_calls_in_a_file_an_earlier_update_made_longer_are_still_found_by_their_compiled_line()
    {
        var file = Copy(Source);
        var first = LineOf(Source, "Expect.Equal(Render()");
        var last = LineOf(Source, "Expect.Equal(\"a\"");

        Expect.SourceFiles.Update(file, first, "one\ntwo\nthree\nfour");
        Expect.SourceFiles.Update(file, last, "c");
        Expect.SourceFiles.Update(file, first, "short");
        Expect.SourceFiles.Update(file, last, "d\ne");

        Assert.Equal(Source
            .Replace("            old\n", "            short\n", StringComparison.Ordinal)
            .Replace("            b\n", "            d\n            e\n", StringComparison.Ordinal), File.ReadAllText(file));
    }

    [Fact]
    public void Concurrent_updates_of_one_file_all_land()
    {
        const int Count = 40;
        var source = "class Many\n{\n" + string.Concat(Enumerable.Range(0, Count).Select(i => $"    void M{i}() => Expect.Equal(A, \"\"\"\n        old\n        \"\"\");\n")) + "}\n";
        var file = Copy(source);

        Parallel.For(0, Count, i => Expect.SourceFiles.Update(file, LineOf(source, $"void M{i}()"), string.Join("\n", Enumerable.Repeat($"value {i}", i % 4 + 1))));

        var expected = "class Many\n{\n" + string.Concat(Enumerable.Range(0, Count).Select(i =>
            $"    void M{i}() => Expect.Equal(A, \"\"\"\n" + string.Concat(Enumerable.Repeat($"        value {i}\n", i % 4 + 1)) + "        \"\"\");\n")) + "}\n";
        Assert.Equal(expected, File.ReadAllText(file));
    }

    [Fact]
    public void A_file_with_CRLF_line_endings_keeps_them()
    {
        var file = Copy(Source, "\r\n");

        Expect.SourceFiles.Update(file, LineOf(Source, "Expect.Equal(Render()"), "new\nlines");

        var text = File.ReadAllText(file);
        Assert.Contains("\"\"\"\r\n            new\r\n            lines\r\n            \"\"\");", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mismatch_reads_as_a_line_diff()
    {
        var diff = Expect.LineDiff.Render("title\nsame\nold line\nend", "title\nsame\nnew line \nend");

        Assert.Equal("  title\n  same\n- old line\n+ new line    ← 1 trailing whitespace\n  end\n", diff);
    }
}
