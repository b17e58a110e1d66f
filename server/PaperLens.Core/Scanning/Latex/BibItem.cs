using System.Globalization;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Latex;

/// <summary>One <c>\bibitem[label]{key} text</c> of a <c>thebibliography</c> environment: a definition its
/// key resolves to, whose text is a reference entry (spec §3). <see cref="Span"/> runs from the command to
/// the next entry or the end of the environment.</summary>
internal sealed record BibItem(string Key, TextSpan KeySpan, TextSpan? Label, TextSpan Span)
{
    /// <summary>The citations found in the entry's text as the entry's own: declarations of the paper
    /// (role <see cref="CitationRole.BibEntry"/>, labelled with the key), with the authors and year of a
    /// natbib label (<c>\bibitem[Gu and Dao(2023)]{gu2023}</c>) when it has them.</summary>
    public IEnumerable<Citation> Own(string text, IEnumerable<Citation> citations)
    {
        var labelled = LabelAuthorYear(text);
        return citations.Select(c => c with { Role = CitationRole.BibEntry, Label = Key, AuthorYear = labelled ?? c.AuthorYear });
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
