using System.Globalization;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Latex;

/// <summary>One <c>\bibitem[label]{key} text</c> of a <c>thebibliography</c> environment: a definition its
/// key resolves to, whose text is a reference entry (spec §3). <see cref="Span"/> runs from the command to
/// the next entry or the end of the environment; <see cref="Blocks"/> are the parts of its text in the
/// prose, split where BibTeX's styles write <c>\newblock</c>.</summary>
internal sealed record BibItem(string Key, TextSpan KeySpan, TextSpan? Label, TextSpan Span, IReadOnlyList<TextSpan> Blocks)
{
    /// <summary>The citations found in the entry's text as the entry's own: declarations of the paper
    /// (role <see cref="CitationRole.BibEntry"/>, labelled with the key). Their claims are what their line
    /// of prose says, else what the entry's blocks say; the authors and year of a natbib label
    /// (<c>\bibitem[Gu and Dao(2023)]{gu2023}</c>) come first.</summary>
    public IEnumerable<Citation> Own(string text, IEnumerable<Citation> citations, WrittenClaims blocks)
    {
        var labelled = LabelAuthorYear(text);
        return citations.Select(c => c with
        {
            Role = CitationRole.BibEntry,
            Label = Key,
            Claim = c.Claim ?? blocks.Claim,
            AuthorYear = labelled ?? c.AuthorYear ?? blocks.AuthorYear,
        });
    }

    /// <summary>What a BibTeX-written entry says by its layout: <c>Authors. \newblock Title. \newblock Venue,
    /// 2023.</c> — the first block names the authors, the second is the title, the year is the last one
    /// written (in the venue, or after the authors: <c>Albert Gu and Tri Dao. 2023.</c>).</summary>
    public WrittenClaims BlockClaims(string prose, TexProse map)
    {
        if (Blocks.Count < 3) return WrittenClaims.None;
        var title = Sentence(prose, Blocks[1]);
        var titleText = prose.Substring(title.Start, title.Length);
        var claim = ClaimClassifier.ReadsAsUncasedTitle(titleText) || ClaimClassifier.ReadsAsTitle(titleText)
            ? new Claim(titleText, ClaimKind.Title, map.ToSource(title))
            : null;
        var year = LastYear(prose, Blocks[0]) ?? Blocks.Skip(2).Select(b => LastYear(prose, b)).LastOrDefault(y => y is not null);
        var authors = Sentence(prose, Blocks[0]);
        if (year is { } y && y.End <= Blocks[0].End) authors = Sentence(prose, TextSpan.FromBounds(authors.Start, y.Start));
        var authorsText = prose.Substring(authors.Start, authors.Length);
        var authorYear = authors.Length > 0 && year is { } written
            ? new AuthorYearClaim(authorsText, map.ToSource(authors), int.Parse(prose.AsSpan(written.Start, 4), CultureInfo.InvariantCulture), map.ToSource(written))
            : null;
        return new WrittenClaims(claim, authorYear);
    }

    // A block without the spaces and the full stop or comma that end it.
    private static TextSpan Sentence(string prose, TextSpan block)
    {
        int start = block.Start, end = block.End;
        while (start < end && char.IsWhiteSpace(prose[start])) start++;
        while (end > start && (char.IsWhiteSpace(prose[end - 1]) || prose[end - 1] is '.' or ',')) end--;
        return TextSpan.FromBounds(start, end);
    }

    // The last 19xx or 20xx standing as a word of its own.
    private static TextSpan? LastYear(string prose, TextSpan block)
    {
        for (var i = block.End - 4; i >= block.Start; i--)
        {
            if (prose[i] is not ('1' or '2') || !(prose.AsSpan(i, 2) is "19" or "20")) continue;
            if (!char.IsAsciiDigit(prose[i + 2]) || !char.IsAsciiDigit(prose[i + 3])) continue;
            if (i > block.Start && char.IsLetterOrDigit(prose[i - 1]) || i + 4 < block.End && char.IsLetterOrDigit(prose[i + 4]) && prose[i + 4] is not ('a' or 'b' or 'c')) continue;
            return new TextSpan(i, 4);
        }
        return null;
    }

    /// <summary>The entry as the key's definition: the first paper its text names, and the title, authors
    /// and year its text claims.</summary>
    public BibEntry ToEntry(IReadOnlyList<Citation> own)
    {
        var cited = own.FirstOrDefault(c => c.Id is not null);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (own.Select(c => c.Claim).FirstOrDefault(c => c?.Kind == ClaimKind.Title) is { } title) fields["title"] = title.Text;
        if (own.Select(c => c.AuthorYear).FirstOrDefault(a => a is not null) is { } authorYear)
        {
            if (authorYear.Authors is { } authors) fields["author"] = authors;
            if (authorYear.Year is { } year) fields["year"] = year.ToString(CultureInfo.InvariantCulture);
        }
        return new BibEntry(Key, "bibitem", Span, KeySpan, fields, cited?.Id, cited?.Version);
    }

    // natbib's label is "Authors(Year)" and, for \citet*, the full author list after it.
    private AuthorYearClaim? LabelAuthorYear(string text)
    {
        if (Label is not { } label) return null;
        var written = text.Substring(label.Start, label.Length);
        var close = written.IndexOf(')');
        if (close > 0) written = written[..(close + 1)];
        if (AuthorYearText.Read(written, label.Start) is { } exact) return exact;
        // TeX in the label (Vaswani et~al.): the claim is of the whole label.
        return AuthorYearText.Read(TexText.ToPlain(written)) is { } plain
            ? plain with { AuthorsSpan = label, YearSpan = label }
            : null;
    }
}
