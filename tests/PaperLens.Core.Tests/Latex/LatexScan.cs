using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Tests.Latex;

/// <summary>Scans marked-up LaTeX (see <see cref="Fixture"/>) as a file of the given name, through the
/// scanner dispatch every front end uses, and describes what it found for whole-output expectations.</summary>
internal static class LatexScan
{
    public static (Fixture Fixture, ScannedDocument Document) Run(string marked, string path = "paper.tex")
    {
        var fixture = Fixture.Parse(marked.ReplaceLineEndings("\n"));
        return (fixture, DocumentScanner.Scan(path, fixture.Text));
    }

    /// <summary>One line per citation: the id or key marked in its line, its form and target, then its
    /// claims and, for a bibliography entry's citation, its key; then one line per <c>\bibitem</c>.</summary>
    public static string Describe(string text, ScannedDocument document)
    {
        var lines = new LineMap(text);
        string Marked(TextSpan span)
        {
            var line = lines.GetPosition(span.Start).Line;
            var start = lines.LineStart(line);
            var end = text.IndexOf('\n', start) is var n and >= 0 ? n : text.Length;
            return $"{line + 1}: {text[start..span.Start]}«{text[span.Start..span.End]}»{text[span.End..end]}";
        }
        var described = document.Citations.Select(c =>
        {
            var target = c.Target switch
            {
                CitationTarget.Paper p => "paper " + p.Id.Canonical + (p.Version is { } v ? "v" + v : ""),
                CitationTarget.Malformed => "malformed",
                _ => "key",
            };
            var parts = new List<string> { Marked(c.Span), $"    {c.Form} {target}" };
            if (c.Claim is { } claim) parts.Add($"    {claim.Kind.ToString().ToLowerInvariant()} claim \"{claim.Text}\" at «{text[claim.Span.Start..claim.Span.End]}»");
            if (c.AuthorYear is { } ay) parts.Add($"    authors \"{ay.Authors}\" year {ay.Year}");
            if (c.Role == CitationRole.BibEntry) parts.Add($"    in \\bibitem{{{c.Label}}}");
            return string.Join('\n', parts);
        });
        var entries = document.BibEntries.Select(e =>
            string.Join("; ", e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} = {f.Value}")
                .Prepend($"\\bibitem{{{e.Key}}} at «{text[e.KeySpan.Start..e.KeySpan.End]}»: {e.Id?.Canonical ?? "no id"}")));
        return string.Join('\n', described.Concat(entries));
    }
}
