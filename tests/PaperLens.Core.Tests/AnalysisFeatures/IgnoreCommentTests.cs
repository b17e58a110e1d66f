using PaperLens.Core.Features;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.AnalysisFeatures;

/// <summary><c>paperlens-ignore</c> comments (spec §5) through <see cref="Analysis"/>, which the CLI and the
/// editor both ask: in each comment syntax the scanners know, on the line or the line before, a comment hides
/// the findings it covers; and "Ignore this finding" writes such a comment where the finding stands.</summary>
public sealed class IgnoreCommentTests
{
    // Each file holds malformed ids (PL001, an error with any catalog); the ones marked «…» are the findings
    // that must still be reported, every other one an ignore comment hides.
    private const string Python = """"
        # paperlens-ignore
        x = 1  # arXiv:2313.00752

        y = 2  # arXiv:2313.00753 paperlens-ignore PL001

        z = 3  # arXiv:«2313.00754» paperlens-ignore PL003, PL012

        s = "paperlens-ignore"  # arXiv:«2313.00755»

        # paperlens-ignored
        # arXiv:«2313.00756»

        # paperlens-ignore

        w = 4  # arXiv:«2313.00757»

        def f():
            # PAPERLENS-IGNORE is not the keyword
            """See arXiv:«2313.00758». Nor is this."""
            """See arXiv:2313.00759. paperlens-ignore pl001"""
        """";

    private const string Cpp = """
        /* The parallel scan of
           paperlens-ignore PL001 */
        int a;  // arXiv:2313.00752
        // paperlens-ignore
        int b;  // arXiv:2313.00753

        int c;  // arXiv:«2313.00754»
        """;

    private const string Sql = """
        -- paperlens-ignore
        SELECT 1; -- arXiv:2313.00752

        SELECT 2; -- arXiv:«2313.00753»
        """;

    private const string Latex = """
        See arXiv:2313.00752. % paperlens-ignore PL001

        % paperlens-ignore
        See arXiv:2313.00753.

        See arXiv:«2313.00754». % paperlens-ignore PL007
        """;

    private const string Markdown = """
        ---
        # paperlens-ignore
        paper: arXiv:2313.00752
        ---

        A typo arXiv:2313.00753. <!-- paperlens-ignore PL001 -->

        <!-- paperlens-ignore -->
        A typo arXiv:2313.00754.

        <!--
          paperlens-ignore: the old numbering
        -->
        A typo arXiv:2313.00755.

        `<!-- paperlens-ignore -->` in a code span is an example:
        a typo arXiv:«2313.00756» stays.

        | paper | id |
        | --- | --- |
        | x | arXiv:2313.00757 | <!-- paperlens-ignore -->

        ```python
        # paperlens-ignore
        x = 1  # arXiv:2313.00758
        y = 1  # arXiv:«2313.00759»
        ```

        ```bibtex
        % paperlens-ignore
        @misc{a,
          eprint = {2313.00760}, archivePrefix = {arXiv},
        }
        ```
        """;

    private const string Bibtex = """
        % paperlens-ignore
        @misc{a,
          title = {A title},
          eprint = {2313.00752}, archivePrefix = {arXiv},
        }

        @comment{paperlens-ignore PL001}
        @misc{b,
          eprint = {2313.00753}, archivePrefix = {arXiv},
        }

        % paperlens-ignore

        @misc{c,
          eprint = {«2313.00754»}, archivePrefix = {arXiv},
        }
        """;

    private const string Notebook = """
        {
          "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["<!-- paperlens-ignore -->\n", "A typo arXiv:2313.00752\n", "\n", "A typo arXiv:«2313.00753»\n"]},
            {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
             "source": ["# paperlens-ignore PL001\n", "x = 1  # arXiv:2313.00754\n", "y = 2  # arXiv:«2313.00755»\n"]}
          ],
          "metadata": {"language_info": {"name": "python"}},
          "nbformat": 4,
          "nbformat_minor": 5
        }
        """;

    [Theory]
    [InlineData("model.py", Python)]
    [InlineData("scan.cpp", Cpp)]
    [InlineData("query.sql", Sql)]
    [InlineData("paper.tex", Latex)]
    [InlineData("notes.md", Markdown)]
    [InlineData("refs.bib", Bibtex)]
    [InlineData("analysis.ipynb", Notebook)]
    public void An_ignore_comment_hides_the_findings_of_its_line_and_the_line_after_in_every_comment_syntax(string file, string text)
    {
        using var workspace = new AnalysisWorkspace($"//- /ws/{file}\n{text}");

        var reported = workspace.Analysis.Diagnostics($"/ws/{file}");

        Assert.Equal(workspace.Ranges($"/ws/{file}"), reported.Select(d => d.Span));
        Assert.All(reported, d => Assert.Equal("PL001", d.Code));
        Assert.Equal(reported, workspace.Analysis.CheckWorkspace());
    }

    [Theory]
    [InlineData("model.py", "def f():\n    return 1  # arXiv:2313.0$00752", "def f():\n    # paperlens-ignore PL001\n    return 1  # arXiv:2313.00752\n")]
    [InlineData("kernel.cu", "__global__ void scan() {}  // arXiv:2313.0$00752", "// paperlens-ignore PL001\n__global__ void scan() {}  // arXiv:2313.00752\n")]
    [InlineData("query.sql", "SELECT 1; -- arXiv:2313.0$00752", "-- paperlens-ignore PL001\nSELECT 1; -- arXiv:2313.00752\n")]
    [InlineData("paper.tex", "Intro.\nSee arXiv:2313.0$00752.", "Intro.\n% paperlens-ignore PL001\nSee arXiv:2313.00752.\n")]
    [InlineData("notes.md", "Intro.\n\nA typo arXiv:2313.0$00752.", "Intro.\n\n<!-- paperlens-ignore PL001 -->\nA typo arXiv:2313.00752.\n")]
    [InlineData("notes.md", "A paragraph\nwith a typo arXiv:2313.0$00752.", "A paragraph\nwith a typo arXiv:2313.00752. <!-- paperlens-ignore PL001 -->\n")]
    [InlineData("notes.md", "- a typo arXiv:2313.0$00752", "- a typo arXiv:2313.00752 <!-- paperlens-ignore PL001 -->\n")]
    [InlineData("notes.md", "| id |\n| --- |\n| arXiv:2313.0$00752 |", "| id |\n| --- |\n| arXiv:2313.00752 | <!-- paperlens-ignore PL001 -->\n")]
    [InlineData("notes.md", "[a]: https://arxiv.org/abs/1706.03762\n[b]: https://arxiv.org/abs/2313.0$00752", "[a]: https://arxiv.org/abs/1706.03762\n<!-- paperlens-ignore PL001 -->\n[b]: https://arxiv.org/abs/2313.00752\n")]
    [InlineData("notes.md", "Code:\n\n```python\nx = 1  # arXiv:2313.0$00752\n```", "Code:\n\n```python\n# paperlens-ignore PL001\nx = 1  # arXiv:2313.00752\n```\n")]
    [InlineData("refs.bib", "@misc{a,\n  eprint = {2313.0$00752}, archivePrefix = {arXiv},\n}", "% paperlens-ignore PL001\n@misc{a,\n  eprint = {2313.00752}, archivePrefix = {arXiv},\n}\n")]
    [InlineData("refs.bib", "@misc{a,\n  eprint = {2313.0$00752}\n", "% paperlens-ignore PL011\n@misc{a,\n  eprint = {2313.00752}\n\n")]
    [InlineData("model.py", "# paperlens-ignore PL003\nx = 1  # arXiv:2313.0$00752", "# paperlens-ignore PL003 PL001\nx = 1  # arXiv:2313.00752\n")]
    public void Ignore_this_finding_writes_the_comment_of_its_place_and_the_finding_is_gone(string file, string marked, string expected)
    {
        var path = $"/ws/{file}";
        using var workspace = new AnalysisWorkspace($"//- {path}\n{marked}");
        var (_, offset) = workspace.Cursor;
        var finding = Assert.Single(workspace.Analysis.Diagnostics(path), d => d.Span.Contains(offset));

        var ignore = Assert.Single(workspace.Analysis.CodeActions(path, new TextSpan(offset, 0)), a => a.Kind == CitationEditKind.Ignore);

        Assert.Equal($"Ignore this finding ({finding.Code})", ignore.Title);
        Assert.Same(finding, ignore.Resolves);
        var text = workspace.Fixture.Get(path).Text;
        var edited = text[..ignore.Span.Start] + ignore.NewText + text[ignore.Span.End..];
        Assert.Equal(expected, edited);
        using var after = new AnalysisWorkspace($"//- {path}\n{edited[..^1]}");
        Assert.DoesNotContain(after.Analysis.Diagnostics(path), d => d.Code == finding.Code);
    }

    [Fact]
    public void Each_finding_on_a_line_gets_its_own_ignore_and_two_of_one_rule_share_one()
    {
        using var workspace = new AnalysisWorkspace("""
            //- /ws/notes.md
            Typos «arXiv:2313.00752 and arXiv:2313.00753», and «"Attention Is All You Need" (arXiv:1409.3215)».
            """);
        var ranges = workspace.Ranges("/ws/notes.md");

        var ignores = workspace.Analysis.CodeActions("/ws/notes.md", TextSpan.FromBounds(ranges[0].Start, ranges[1].End))
            .Where(a => a.Kind == CitationEditKind.Ignore).Select(a => (a.Title, a.NewText)).ToList();

        Assert.Equal([("Ignore this finding (PL001)", "<!-- paperlens-ignore PL001 -->\n"), ("Ignore this finding (PL003)", "<!-- paperlens-ignore PL003 -->\n")], ignores);
    }

    [Fact]
    public void No_comment_is_offered_in_a_notebooks_json_whose_cells_the_editor_edits()
    {
        using var workspace = new AnalysisWorkspace("""
            //- /ws/analysis.ipynb
            {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": ["x = 1  # arXiv:2313.0$00752\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        var (path, offset) = workspace.Cursor;

        Assert.Single(workspace.Analysis.Diagnostics(path));
        Assert.DoesNotContain(workspace.Analysis.CodeActions(path, new TextSpan(offset, 0)), a => a.Kind == CitationEditKind.Ignore);
    }
}
