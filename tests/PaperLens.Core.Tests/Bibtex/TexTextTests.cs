using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Bibtex;

/// <summary>Spec §2 (claims are compared after removing TeX markup, braces and accents): TeX to plain text.</summary>
public class TexTextTests
{
    [Theory]
    [InlineData(@"Bal\'azs", "Balázs")]
    [InlineData(@"Bal\'{a}zs", "Balázs")]
    [InlineData(@"Bal{\'a}zs", "Balázs")]
    [InlineData(@"Schr\""odinger", "Schrödinger")]
    [InlineData(@"G{\""o}del", "Gödel")]
    [InlineData(@"Espa\~na", "España")]
    [InlineData(@"Fran\c{c}ois", "François")]
    [InlineData(@"Fran\c cois", "François")]
    [InlineData(@"Dvo\v{r}\'ak", "Dvořák")]
    [InlineData(@"Stra\ss e", "Straße")]
    [InlineData(@"Bj\o rn and \O{}resund", "Bjørn and Øresund")]
    [InlineData(@"\AA ngstr\""om \aa", "Ångström å")]
    [InlineData(@"\L{}ukasz Kai{\l}", "Łukasz Kaił")]
    [InlineData(@"Sa\""{\i}d and Sa{\'\i}d", "Saïd and Saíd")]
    [InlineData(@"Erd\H{o}s and Ko\v{s}ice and \`a la", "Erdős and Košice and à la")]
    [InlineData(@"Koll\'ar's theorem", "Kollár's theorem")]
    [InlineData(@"Colin de Verdi\`ere", "Colin de Verdière")]
    public void Turns_accents_into_unicode(string tex, string plain) => Assert.Equal(plain, TexText.ToPlain(tex));

    [Theory]
    [InlineData(@"{Mamba}: Linear-Time {Sequence} Modeling", "Mamba: Linear-Time Sequence Modeling")]
    [InlineData(@"R\&D, 50\% and snake\_case \$5", "R&D, 50% and snake_case $5")]
    [InlineData("pages 1--10 --- a dash", "pages 1–10 — a dash")]
    [InlineData("Fig.~1", "Fig. 1")]
    [InlineData(@"\emph{Attention} is \textbf{all} you \textit{need}", "Attention is all you need")]
    [InlineData(@"{\it tritronqu\'ee} solution", "tritronquée solution")]
    [InlineData(@"$\alpha$-divergence and $\Omega_b - \Omega_{DM}$", "α-divergence and Ω_b - Ω_DM")]
    [InlineData(@"From dyadic $\Lambda_{\alpha}$ to $\Lambda_{\alpha}$", "From dyadic Λ_α to Λ_α")]
    [InlineData(@"$B\to\pi\pi$ decays", "B→ππ decays")]
    [InlineData(@"1T-TiSe$_{2}$ and $p$-adic", "1T-TiSe_2 and p-adic")]
    [InlineData(@"in \ensuremath{\mu}X data at D\O{} using \mathrm{SLEUTH}", "in μX data at DØ using SLEUTH")]
    [InlineData(@"$\Q(\sqrt{5})$", "Q(√5)")]
    public void Removes_markup_and_keeps_the_words(string tex, string plain) => Assert.Equal(plain, TexText.ToPlain(tex));

    [Theory]
    [InlineData("Computing genus 2 Hilbert-Siegel modular forms over $\\Q(\\sqrt{5})$ via\n  the Jacquet-Langlands correspondence",
        "Computing genus 2 Hilbert-Siegel modular forms over Q(√5) via the Jacquet-Langlands correspondence")]
    [InlineData("Approximation for extinction probability of the contact process based on\n  the Gr\\\"obner basis",
        "Approximation for extinction probability of the contact process based on the Gröbner basis")]
    [InlineData("Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies",
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies")]
    [InlineData("  Sparsity-certifying Graph Decompositions \t\r\n", "Sparsity-certifying Graph Decompositions")]
    public void Collapses_the_hard_wrapping_of_snapshot_titles(string tex, string plain) => Assert.Equal(plain, TexText.ToPlain(tex));

    [Fact]
    public void Plain_text_comes_back_unchanged()
    {
        const string title = "Attention Is All You Need";
        Assert.Same(title, TexText.ToPlain(title));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\\")]
    [InlineData("{{{{")]
    [InlineData("}}}}")]
    [InlineData("\\'")]
    [InlineData("\\'{}")]
    [InlineData("$$$")]
    [InlineData("\\c")]
    public void Survives_broken_markup(string tex) => Assert.NotNull(TexText.ToPlain(tex));
}
