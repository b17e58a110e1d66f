using PaperLens.Core.Catalog;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>Spec §4 PL004 relies on this: the notice arXiv puts in place of a withdrawn version.</summary>
public class WithdrawalNoticeTests
{
    [Theory]
    [InlineData("This paper has been withdrawn by the author(s) due to some mistakes in this paper", null)]
    [InlineData("This article has been withdrawn because it has been merged", null)]
    [InlineData("This papers has been withdrawn", null)]
    [InlineData("This has been withdrawn by arXiv administrators due to an unresolvable authorship dispute", null)]
    [InlineData("withdrawn by arXiv administrators due to plagiarism.", null)]
    [InlineData("paper withdrawn by author", null)]
    [InlineData("Withdrawn", null)]
    [InlineData(null, "  This paper has been withdrawn due to copyright reasons.\n")]
    [InlineData("12 pages", "  The authors have withdrawn this paper.")]
    public void A_withdrawal_notice_marks_the_latest_version_withdrawn(string? comments, string? @abstract)
    {
        Assert.True(WithdrawalNotice.IsWithdrawn(comments, @abstract));
    }

    [Theory]
    [InlineData("37 pages, 15 figures; published version", "  A fully differential calculation.")]
    [InlineData(null, "  We study withdrawn liquidity in markets, where the paper has been withdrawn from.")]
    [InlineData("v2: an earlier claim was withdrawn", null)]
    [InlineData(null, null)]
    public void Text_that_only_mentions_withdrawal_does_not(string? comments, string? @abstract)
    {
        Assert.False(WithdrawalNotice.IsWithdrawn(comments, @abstract));
    }
}
