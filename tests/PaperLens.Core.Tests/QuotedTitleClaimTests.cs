using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;

namespace PaperLens.Core.Tests;

/// <summary>Spec §2: a quoted title beside an id is its claim only when it reads as a title — two words
/// or more, not all of them generic link words, however they are bracketed or punctuated.</summary>
public class QuotedTitleClaimTests
{
    [Theory]
    [InlineData("\"Mamba: Linear-Time Sequence Modeling\" arXiv:2312.00752", "Mamba: Linear-Time Sequence Modeling")]
    [InlineData("arXiv:2312.00752, \"selective state spaces\"", "selective state spaces")]
    [InlineData("\"(Mamba) paper\" arXiv:2312.00752", "(Mamba) paper")]
    public void A_quoted_title_is_the_claim(string line, string title)
    {
        var citation = Assert.Single(TextCitationFinder.Find(line));
        Assert.Equal((ClaimKind.Title, title), (citation.Claim?.Kind, citation.Claim?.Text));
    }

    [Theory]
    [InlineData("\"Paper PDF\" arXiv:2312.00752")]
    [InlineData("\"(Paper), [PDF].\" arXiv:2312.00752")]
    [InlineData("\"**code** _here_\" arXiv:2312.00752")]
    [InlineData("\"Mamba\" arXiv:2312.00752")]
    [InlineData("\"Mamba ...\" arXiv:2312.00752")]
    public void Generic_words_or_a_single_word_are_no_title(string line)
    {
        var citation = Assert.Single(TextCitationFinder.Find(line));
        Assert.Null(citation.Claim);
    }
}
