using PaperLens.Core.Completion;

namespace PaperLens.Core.Tests.Completion;

/// <summary>Issue 3, completion: which text before the cursor is the query, per place. The cursor is
/// marked <c>$0</c>; the expected query is what an accepted item replaces.</summary>
public sealed class CompletionPlaceTests
{
    [Theory]
    [InlineData("notes.md", "see arXiv:tra$0", true, CompletionPlaceKind.AfterArxivPrefix, "tra")]
    [InlineData("notes.md", "see arXiv:$0", false, CompletionPlaceKind.AfterArxivPrefix, "")]
    [InlineData("notes.md", "see ARXIV:  attention is$0", true, CompletionPlaceKind.AfterArxivPrefix, "attention is")]
    [InlineData("model.py", "x = 1  # arXiv:2404.1$0", false, CompletionPlaceKind.AfterArxivPrefix, "2404.1")]
    [InlineData("notes.md", "As in [@gu$0", false, CompletionPlaceKind.PandocKey, "gu")]
    [InlineData("notes.md", "As in [see @gu2023; @da$0", false, CompletionPlaceKind.PandocKey, "da")]
    [InlineData("notes.md", "Line one\nRecurrent (Sutsk$0) models", true, CompletionPlaceKind.MarkdownProse, "Sutsk")]
    [InlineData("notes.md", "ids like 2404.16$0", true, CompletionPlaceKind.MarkdownProse, "2404.16")]
    [InlineData("model.py", "x = 1  # after mamb$0", true, CompletionPlaceKind.CodeComment, "mamb")]
    [InlineData("model.rs", "  // see vaswani$0", true, CompletionPlaceKind.CodeComment, "vaswani")]
    [InlineData("paper.tex", "As in~\\cite{$0", false, CompletionPlaceKind.LatexCiteKey, "")]
    [InlineData("paper.tex", "As in~\\citep[see][p.~3]{gu2023, vas$0}", false, CompletionPlaceKind.LatexCiteKey, "vas")]
    [InlineData("paper.tex", "\\parencite*{gu2023,%\n  % a comment between keys\n  da$0", true, CompletionPlaceKind.LatexCiteKey, "da")]
    [InlineData("paper.ltx", "\\textcite{ gu$0", true, CompletionPlaceKind.LatexCiteKey, "gu")]
    [InlineData("paper.tex", "text % see arXiv:mamb$0", false, CompletionPlaceKind.AfterArxivPrefix, "mamb")]
    public void The_query_is_the_text_typed_for_the_place(string path, string marked, bool invoked, CompletionPlaceKind kind, string query)
    {
        var (text, cursor) = Parse(marked);

        var place = CompletionPlace.Find(path, text, cursor, invoked);

        Assert.NotNull(place);
        Assert.Equal(kind, place.Kind);
        Assert.Equal(query, place.QueryText);
        Assert.Equal(query, text.Substring(place.Query.Start, place.Query.Length));
        Assert.Equal(cursor, place.Query.End);
    }

    [Theory]
    [InlineData("notes.md", "Note:$0 here", false)]
    [InlineData("notes.md", "mail me [at x@y$0", false)]
    [InlineData("notes.md", "see arXiv:2404.16112 and more$0", false)]
    [InlineData("notes.md", "a link (arXiv:2404) and$0", false)]
    [InlineData("model.py", "mamba$0 = 1", true)]
    [InlineData("refs.bib", "title = {Mamba$0}", true)]
    [InlineData("paper.tex", "text % \\cite{gu$0", false)]
    [InlineData("paper.tex", "\\verb|\\cite{gu$0", false)]
    [InlineData("paper.tex", "\\emph{gu$0", false)]
    [InlineData("paper.tex", "\\cite{gu2023} and {gu$0", false)]
    [InlineData("notes.md", "\\cite{gu$0", false)]
    public void No_completion_where_nothing_is_being_cited(string path, string marked, bool invoked)
    {
        var (text, cursor) = Parse(marked);
        Assert.Null(CompletionPlace.Find(path, text, cursor, invoked));
    }

    [Fact]
    public void Positions_outside_the_text_and_very_long_lines_are_safe()
    {
        Assert.Null(CompletionPlace.Find("a.md", "text", 99, invoked: true));
        Assert.Null(CompletionPlace.Find("a.md", "text", -1, invoked: true));
        var line = new string('[', 500_000) + " arXiv:mamb";
        Assert.Equal("mamb", CompletionPlace.Find("a.md", line, line.Length, invoked: false)?.QueryText);
    }

    private static (string Text, int Cursor) Parse(string marked)
    {
        var at = marked.IndexOf("$0", StringComparison.Ordinal);
        return (marked.Remove(at, 2), at);
    }
}
