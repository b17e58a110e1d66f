using System.Text;
using CsCheck;
using PaperLens.Core.Bibliography;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Bibliography;

/// <summary>The entries PaperLens writes: arXiv's layout, the key rule, and catalog text escaped so that
/// whatever a record holds, the entry parses back to the same paper, title and authors.</summary>
public sealed class BibtexEntryWriterTests
{
    private static PaperRecord Mamba(string title = "Mamba: Linear-Time Sequence Modeling with Selective State Spaces") => new()
    {
        Id = ArxivId.Of("2312.00752"),
        Title = title,
        Authors = "Albert Gu, Tri Dao",
        Categories = ["cs.LG", "cs.AI"],
        Versions = [new PaperVersion(1, new DateTimeOffset(2023, 12, 1, 18, 1, 34, TimeSpan.Zero)), new PaperVersion(2, null)],
    };

    private static BibEntry ReadBack(string written)
    {
        var scan = BibtexScanner.Scan(written, 0, written.Length);
        Assert.Empty(scan.Problems);
        return Assert.Single(scan.Entries);
    }

    [Fact]
    public void A_paper_is_written_in_arxivs_export_layout()
    {
        Assert.Equal("""
            @misc{gu2023mamba,
                  title={Mamba: Linear-Time Sequence Modeling with Selective State Spaces},
                  author={Albert Gu and Tri Dao},
                  year={2023},
                  eprint={2312.00752},
                  archivePrefix={arXiv},
                  primaryClass={cs.LG},
                  url={https://arxiv.org/abs/2312.00752},
            }

            """.ReplaceLineEndings("\n"), BibtexEntryWriter.Write(Mamba(), "gu2023mamba"));
    }

    [Fact]
    public void A_published_version_adds_doi_and_journal_and_biblatex_has_its_own_fields()
    {
        var published = Mamba() with { Doi = "10.1000/x_y{1}", JournalRef = "Proc. COLM 2024, 1-20 & more" };

        Assert.Equal("""
            @online{gu2023mamba,
                  title={Mamba: Linear-Time Sequence Modeling with Selective State Spaces},
                  author={Albert Gu and Tri Dao},
                  date={2023-12-01},
                  eprint={2312.00752},
                  eprinttype={arXiv},
                  eprintclass={cs.LG},
                  url={https://arxiv.org/abs/2312.00752},
                  doi={10.1000/x_y%7B1%7D},
                  note={Proc. COLM 2024, 1-20 \& more},
            }

            """.ReplaceLineEndings("\n"), BibtexEntryWriter.Write(published, "gu2023mamba", BibliographyStyle.Biblatex));
        var entry = ReadBack(BibtexEntryWriter.Write(published, "gu2023mamba"));
        Assert.Equal("Proc. COLM 2024, 1-20 \\& more", entry.Fields["journal"]);
        Assert.Equal("10.1000/x_y%7B1%7D", entry.Fields["doi"]);
    }

    [Theory]
    [InlineData("Unbalanced } closer, {kept} and {{ openers", @"Unbalanced \textbraceright{} closer, {kept} and \textbraceleft{}\textbraceleft{} openers")]
    [InlineData("100% of #1 & x_1 at user@misc{x, cost $5", @"100\% of \#1 \& x\_1 at user@misc\textbraceleft{}x, cost \$5")]
    [InlineData("Kept: $O(n^2)$, Schr\\\"odinger, {BERT}, \\% done", "Kept: $O(n^2)$, Schr\\\"odinger, {BERT}, \\% done")]
    [InlineData("Line\nbreak\n@misc{evil,\n title={x}} ends with \\", @"Line break @misc{evil, title={x}} ends with \textbackslash{}")]
    [InlineData("Über naïve 2^k and a^b", @"Über naïve 2\^{}k and a\^{}b")]
    public void Catalog_text_is_escaped_for_a_braced_field(string title, string written)
    {
        Assert.Equal(written, BibtexText.Braced(title));
        var entry = ReadBack(BibtexEntryWriter.Write(Mamba(title), "k"));
        Assert.Equal(written, entry.Title);
        Assert.Equal("2312.00752", entry.Id!.Canonical);
    }

    [Fact]
    public void Keys_follow_the_rule_and_never_collide()
    {
        var existing = new BibEntry("Gu2023mamba", "misc", default, default, new Dictionary<string, string>(), ArxivId.Of("2111.00396"), null);
        var keys = new CiteKeys([existing]);
        var other = Mamba() with { Id = ArxivId.Of("2401.00001"), Title = "The Mamba in the Llama" };
        var third = Mamba() with { Id = ArxivId.Of("2401.00002"), Title = "Mamba again" };
        var accented = Mamba() with { Id = ArxivId.Of("2401.00003"), Title = "{\\\"U}ber Attention", Authors = "Kurt G{\\\"o}del, Y. Müller-Lüdenscheid", Versions = [] };
        var parsed = accented with { Id = ArxivId.Of("2401.00004"), AuthorsParsed = [new AuthorName("De Cao", "Nicola", "")] };

        Assert.Equal("Gu2023mamba", keys.For(Mamba() with { Id = ArxivId.Of("2111.00396") }));
        Assert.Equal("gu2023mambaa", keys.For(Mamba()));
        Assert.Equal("gu2023mambab", keys.For(other));
        Assert.Equal("gu2023mambac", keys.For(third));
        Assert.Equal("gu2023mambaa", keys.For(Mamba()));
        Assert.Equal("godel2024uber", keys.For(accented));
        Assert.Equal("decao2024uber", keys.For(parsed));
    }

    [Fact]
    public void Names_from_authors_parsed_are_read_by_bibtex_as_one_name_each()
    {
        var paper = Mamba() with
        {
            AuthorsParsed = [new AuthorName("De Cao", "Nicola", ""), new AuthorName("King", "Martin Luther", "Jr."), new AuthorName("ATLAS Collaboration", "", ""), new AuthorName("Smith", "Research and Development", "")],
        };

        Assert.Equal("De Cao, Nicola and King, Jr., Martin Luther and {ATLAS Collaboration} and {Research and Development} Smith",
            ReadBack(BibtexEntryWriter.Write(paper, "k")).Authors);
    }

    // Titles and names built from words, non-ASCII letters, TeX, and every character that can break a
    // field or LaTeX: braces, '@', '%', '#', '&', '_', '$', '^', '"', backslashes, line breaks.
    private static readonly Gen<string> Hostile = Gen.OneOfConst(
            "Mamba", "state", "Über", "naïve", "東京", " ", " ", "{", "}", "@", "@misc{", "%", "#", "&", "_", "$", "^", "~", "\"",
            "\\", "\\\"o", "{\\'e}", "$\\alpha$", "\\%", "\\\\", "\n", "\t", "-", ",", "2024")
        .Array[1, 25]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<string> NameWord = Gen.OneOfConst("Gu", "Dao", "Müller", "Ødegaard", "O'Neil", "{\\'E}mile", "van", "de", "Jr", "Zoë", "{", "}", "@", "%", "&", "_", "$");

    private static readonly Gen<PaperRecord> Records =
        Gen.Select(Hostile, Gen.Select(NameWord.Array[1, 3], NameWord.Array[1, 3], (first, last) => (First: first, Second: last)).Array[1, 5], Gen.Bool, Gen.OneOfConst<string?>(null, "10.1/a_b", "{x"))
            .Select((title, names, parsed, doi) => new PaperRecord
            {
                Id = ArxivId.Of("2312.00752"),
                Title = title,
                Authors = string.Join(", ", names.Select(n => string.Join(' ', n.First) + " " + string.Join(' ', n.Second))),
                AuthorsParsed = parsed ? names.Select(n => new AuthorName(string.Join(' ', n.Second), string.Join(' ', n.First), "")).ToList() : null,
                Doi = doi,
                JournalRef = doi is null ? null : title,
                Categories = ["cs.LG"],
            });

    [Fact]
    public void Any_record_written_parses_back_to_the_same_paper_title_and_authors()
    {
        Gen.Select(Records, Gen.Bool).Sample((paper, biblatex) =>
        {
            var written = BibtexEntryWriter.Write(paper, new CiteKeys([]).For(paper), biblatex ? BibliographyStyle.Biblatex : BibliographyStyle.Bibtex);
            var scan = BibtexScanner.Scan(written, 0, written.Length);
            if (scan.Problems.Count > 0 || scan.Entries is not [{ Id: { } id } entry] || id != paper.Id) return false;
            var names = TopLevelNames(entry.Authors!);
            var expected = paper.AuthorsParsed?.Select(n => n.First + " " + n.Last).ToList()
                ?? paper.Authors.Split(", ").ToList();
            return Letters(entry.Title!) == Letters(paper.Title)
                && names.Count == expected.Count
                && names.Zip(expected).All(pair => SortedLetters(pair.First) == SortedLetters(pair.Second));
        }, iter: 3_000);
    }

    // What a reader sees of a title: its letters and digits, accents folded (an accent over an unmatched
    // brace that the writer turned into \textbraceleft{} no longer reaches the letter after it).
    private static string Letters(string tex)
    {
        var builder = new StringBuilder();
        Span<char> folded = stackalloc char[2];
        foreach (var c in TexText.ToPlain(tex))
        {
            var n = Accents.Fold(c, folded);
            foreach (var f in folded[..n])
                if (char.IsLetterOrDigit(f)) builder.Append(f);
        }
        return builder.ToString();
    }

    private static string SortedLetters(string tex) => string.Concat(Letters(tex).Order());

    // BibTeX's split of an author list: " and " outside braces.
    private static List<string> TopLevelNames(string authors)
    {
        var names = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < authors.Length; i++)
        {
            if (authors[i] == '{') depth++;
            else if (authors[i] == '}') depth--;
            else if (depth == 0 && string.CompareOrdinal(authors, i, " and ", 0, 5) == 0)
            {
                names.Add(authors[start..i]);
                start = i + 5;
                i += 4;
            }
        }
        names.Add(authors[start..]);
        return names;
    }
}
