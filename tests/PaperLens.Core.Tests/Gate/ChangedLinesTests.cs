using PaperLens.Core.Gate;

namespace PaperLens.Core.Tests.Gate;

/// <summary><see cref="ChangedLines"/> reads what <c>git diff --unified=0</c> prints (the text below is git
/// 2.39's, for a rename with edits, a deletion, a quoted non-ASCII name and an added line that reads like a
/// header) and answers which lines of which file changed.</summary>
public sealed class ChangedLinesTests
{
    private const string Diff = """
        diff --git a/gone.md b/gone.md
        deleted file mode 100644
        index 587be6b..0000000
        --- a/gone.md
        +++ /dev/null
        @@ -1 +0,0 @@
        -x
        diff --git a/keep.md b/keep.md
        index de98044..8d0acc5 100644
        --- a/keep.md
        +++ b/keep.md
        @@ -1,0 +2 @@ a
        +++ b/evil
        @@ -3 +4 @@ b
        -c
        +c
        \ No newline at end of file
        diff --git "a/na\303\257ve \"q\".md" "b/na\303\257ve \"q\".md"
        index bca70f3..8a08eba 100644
        --- "a/na\303\257ve \"q\".md"	
        +++ "b/na\303\257ve \"q\".md"	
        @@ -1,0 +2 @@ q
        +r
        diff --git a/old.md b/new.md
        similarity index 54%
        rename from old.md
        rename to new.md
        index f384549..b80f223 100644
        --- a/old.md
        +++ b/new.md
        @@ -3 +3 @@ two
        -three
        +THREE
        @@ -4,0 +5,2 @@ four
        +five
        +six
        """;

    private static readonly ChangedLines Changed = ChangedLines.Read(Diff, ["notes/untracked.md"]);

    [Theory]
    [InlineData("keep.md", 2, true)]
    [InlineData("keep.md", 1, false)]
    [InlineData("keep.md", 3, false)]
    [InlineData("keep.md", 4, true)]
    [InlineData("new.md", 3, true)]
    [InlineData("new.md", 4, false)]
    [InlineData("new.md", 5, true)]
    [InlineData("new.md", 6, true)]
    [InlineData("new.md", 7, false)]
    [InlineData("old.md", 3, false)]
    [InlineData("naïve \"q\".md", 2, true)]
    [InlineData("naïve \"q\".md", 1, false)]
    [InlineData("gone.md", 1, false)]
    [InlineData("evil", 1, false)]
    [InlineData("notes/untracked.md", 1, true)]
    [InlineData("notes/untracked.md", 4000, true)]
    [InlineData("notes/other.md", 1, false)]
    public void A_line_changed_when_the_diff_added_it_or_git_does_not_track_its_file(string path, int line, bool changed)
    {
        Assert.Equal(changed, Changed.Touches(path, line, line));
    }

    [Fact]
    public void A_finding_over_several_lines_changed_when_any_of_them_did()
    {
        Assert.True(Changed.Touches("keep.md", 1, 3));
        Assert.False(Changed.Touches("new.md", 1, 2));
        Assert.Equal(4, Changed.FileCount);
    }
}
