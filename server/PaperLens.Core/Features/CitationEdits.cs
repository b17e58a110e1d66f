using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperLens.Core.Bibliography;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

public enum CitationEditKind
{
    /// <summary>Resolves a finding of the check (<see cref="CitationEdit.Resolves"/>).</summary>
    QuickFix,
    /// <summary>Rewrites a citation that is not wrong into a better form.</summary>
    Rewrite,
    /// <summary>Adds the cited paper's entry to the document's bibliography (<see cref="CitationEdit.Bibliography"/>).</summary>
    AddToBibliography,
    /// <summary>Hides a finding with a <c>paperlens-ignore</c> comment (<see cref="CitationEdit.Resolves"/>).</summary>
    Ignore,
}

/// <summary>One proposed change to a document: replace <see cref="Span"/> with <see cref="NewText"/>
/// (an empty span inserts). A fix names the finding it resolves, so a front end can attach the
/// finding as it showed it (LSP's <c>CodeAction.diagnostics</c>) without asking which rule fired.</summary>
public sealed record CitationEdit(string Title, CitationEditKind Kind, TextSpan Span, string NewText, Diagnostic? Resolves = null)
{
    /// <summary>Set when the edit changes a bibliography rather than the document: <see cref="NewText"/> goes
    /// at the end of that file's text (<see cref="Span"/> is unused: a closed file's length is not in the
    /// index), or is the whole of a file to create when it does not exist.</summary>
    public BibliographyFile? Bibliography { get; init; }
}

/// <summary>The changes PaperLens offers for one citation of an open document:
/// <list type="bullet">
/// <item>a title claim that does not match (PL003) becomes the paper's real title (inside a BibTeX
/// field's braces, keeping double braces);</item>
/// <item>a pinned version that is older than the latest (PL005) or does not exist (PL006) becomes the
/// latest; an unpinned citation can be pinned to the latest when the history is complete;</item>
/// <item>a URL or DOI becomes the canonical form of its place: <c>https://arxiv.org/abs/ID</c> where
/// a link stays useful (Markdown prose, notebooks, a BibTeX <c>url</c>), <c>arXiv:ID</c> in code
/// comments and docstrings (also in a Markdown code block); a DOI in a BibTeX field is already
/// canonical and stays;</item>
/// <item>a bare <c>arXiv:ID</c> gets its title: <c>arXiv:ID "Title"</c> in code — a quoted title
/// right after the id is what the scanners read as its title claim, so the check then verifies it
/// and the hint goes away —, a link <c>[Title](https://arxiv.org/abs/ID)</c> in Markdown prose.</item>
/// </list>
/// The fixes follow the findings the workspace check reported on the citation (given by
/// <see cref="Analysis.CodeActions"/>, never checked again here), so a rule turned off offers no fix.
/// In a notebook the new text is escaped as JSON, since offsets are into the .ipynb file. One instance
/// serves one request on one document.</summary>
public sealed class CitationEdits(string path, string text, IPaperSource papers)
{
    private readonly bool _markdown = DocumentScanner.IsMarkdown(path);
    private readonly bool _notebook = DocumentScanner.IsNotebook(path);
    private MarkdownCodeBlocks? _codeBlocks;

    /// <param name="findings">The check's findings on this citation.</param>
    public IReadOnlyList<CitationEdit> For(Citation citation, IReadOnlyList<Diagnostic> findings)
    {
        if (citation.Id is not { } id || citation.IsMalformed || citation.Form == CitationForm.CiteKey) return [];
        if (citation.Span.End > text.Length || !text.AsSpan(citation.Span.Start, citation.Span.Length).SequenceEqual(citation.RawText)) return [];

        var edits = new List<CitationEdit>();
        if (papers.Find(id) is { } paper)
        {
            if (Finding(findings, RuleCatalog.TitleMismatch) is { } mismatch && FixTitle(citation, paper, mismatch) is { } title) edits.Add(title);
            if (Version(citation, paper, findings) is { } version) edits.Add(version);
            if (AddTitle(citation, paper) is { } added) edits.Add(added);
        }
        if (Canonical(citation, id) is { } canonical) edits.Add(canonical);

        return _notebook ? edits.Select(e => e with { NewText = JsonEscaped(e.NewText) }).ToList() : edits;
    }

    /// <summary>Markdown prose, where a link renders; not a code block of a Markdown document.</summary>
    private bool InMarkdownProse(int offset) => _markdown && !(_codeBlocks ??= MarkdownCodeBlocks.Of(text)).Contains(offset);

    private static Diagnostic? Finding(IReadOnlyList<Diagnostic> findings, RuleDescriptor rule) =>
        findings.FirstOrDefault(f => f.Code == rule.Code);

    private CitationEdit? FixTitle(Citation citation, PaperRecord paper, Diagnostic mismatch)
    {
        if (citation.Claim is not { Kind: ClaimKind.Title } claim || claim.Span.End > text.Length) return null;
        var real = ShortTitle.Plain(paper.Title);
        var span = claim.Span;
        string replacement;
        if (citation.Form == CitationForm.Bibtex) (span, replacement) = BibtexValue(claim.Span, paper.Title);
        else if (InMarkdownProse(claim.Span.Start)) replacement = MarkdownTitle(claim.Span, real);
        else replacement = PlainText(real);
        return new CitationEdit($"Change the title to \u201C{real}\u201D", CitationEditKind.QuickFix, span, replacement, mismatch);
    }

    private static CitationEdit? Version(Citation citation, PaperRecord paper, IReadOnlyList<Diagnostic> findings)
    {
        if (paper.LatestVersion is not { } latest) return null;
        var v = "v" + latest.ToString(CultureInfo.InvariantCulture);
        if (citation.Version is { } pinned)
        {
            var finding = Finding(findings, RuleCatalog.NewerVersion) ?? Finding(findings, RuleCatalog.NoSuchVersion);
            var suffix = citation.RawText.LastIndexOfAny(['v', 'V']);
            if (finding is null || suffix < 0) return null;
            var title = finding.Code == RuleCatalog.NewerVersion.Code
                ? $"Update to the latest version {v}"
                : $"Change to the latest version {v} (v{pinned.ToString(CultureInfo.InvariantCulture)} does not exist)";
            return new CitationEdit(title, CitationEditKind.QuickFix, TextSpan.FromBounds(citation.Span.Start + suffix, citation.Span.End), v, finding);
        }
        // A DOI names the paper, not a version; a partial history cannot tell which version is latest.
        if (citation.Form == CitationForm.Doi || !paper.VersionsComplete) return null;
        return new CitationEdit($"Pin to the latest version {v}", CitationEditKind.Rewrite, new TextSpan(citation.Span.End, 0), v);
    }

    private CitationEdit? AddTitle(Citation citation, PaperRecord paper)
    {
        if (!TitleHints.IsBare(citation)) return null;
        var real = ShortTitle.Plain(paper.Title);
        if (InMarkdownProse(citation.Span.Start))
        {
            if (WrittenForm.Prefix(text, citation) is not { } written) return null;
            // A '!' right before would make the link an image: the edit takes it in, and the writer
            // escapes it before the link.
            var bang = written.Start > 0 && text[written.Start - 1] == '!' ? 1 : 0;
            var link = new MarkdownWriter(atLineStart: false).Text(bang == 1 ? "!" : null).Link(real, AbsUrl(citation)).ToString();
            return new CitationEdit($"Write as a link titled \u201C{real}\u201D", CitationEditKind.Rewrite, TextSpan.FromBounds(written.Start - bang, written.End), link);
        }
        return new CitationEdit($"Add the title \u201C{real}\u201D", CitationEditKind.Rewrite, new TextSpan(citation.Span.End, 0), $" (\"{PlainText(real)}\")");
    }

    private CitationEdit? Canonical(Citation citation, ArxivId id)
    {
        if (WrittenForm.UrlOrDoi(text, citation) is not { } written) return null;
        // A BibTeX doi field's DOI is what the field should hold.
        if (citation.Form == CitationForm.Bibtex && written.Form == CitationForm.Doi) return null;
        var linkStays = citation.Form == CitationForm.Bibtex || InMarkdownProse(citation.Span.Start) || _notebook;
        var canonical = linkStays ? AbsUrl(citation) : "arXiv:" + id.WithVersion(citation.Version);
        if (text.AsSpan(written.Span.Start, written.Span.Length).SequenceEqual(canonical)) return null;
        var title = linkStays ? $"Use the canonical URL {canonical}" : $"Use the canonical form {canonical}";
        return new CitationEdit(title, CitationEditKind.Rewrite, written.Span, canonical);
    }

    private static string AbsUrl(Citation citation) => "https://arxiv.org/abs/" + citation.Id!.WithVersion(citation.Version);

    // The catalog's title is TeX already, as a BibTeX field wants it, but untrusted: it is escaped for
    // the inside of braces (BibtexText). A quoted value becomes a braced one when the title holds a '"'
    // (an umlaut, \"o), which would end it; a field written with double braces (to keep its capitals) keeps
    // them, and a value that is not one literal becomes one.
    private (TextSpan Span, string Value) BibtexValue(TextSpan span, string title)
    {
        var tex = BibtexText.Braced(title);
        var wrapped = IsBraceWrapped(text.AsSpan(span.Start, span.Length));
        var opening = span.Start > 0 ? text[span.Start - 1] : '\0';
        if (opening == '{' || (opening == '"' && !tex.Contains('"'))) return (span, wrapped ? "{" + tex + "}" : tex);
        if (opening == '"' && span.End < text.Length && text[span.End] == '"')
            return (TextSpan.FromBounds(span.Start - 1, span.End + 1), wrapped ? "{{" + tex + "}}" : "{" + tex + "}");
        return (span, "{" + tex + "}");
    }

    private static bool IsBraceWrapped(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || value[0] != '{' || value[^1] != '}') return false;
        var depth = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '{') depth++;
            else if (value[i] == '}' && --depth == 0 && i < value.Length - 1) return false;
        }
        return depth == 0;
    }

    // Catalog text is untrusted: in Markdown it is escaped for the place the claim stands in. Between
    // quotes or parentheses it may be a link title's ([x](url "Title"), [x]: url 'Title') or prose's;
    // the escaping suits both. Elsewhere it is link text, text after other text, or the first text of
    // a line or list item.
    private string MarkdownTitle(TextSpan claim, string title)
    {
        var before = claim.Start > 0 ? text[claim.Start - 1] : '\n';
        if (before is '"' or '\'' or '(') return new MarkdownWriter(atLineStart: false).QuotedText(title, before == '(' ? ')' : before).ToString();
        return new MarkdownWriter(StartsLine(claim.Start)).Text(title).ToString();
    }

    // Only white space and list or quote markers ("- ", "1. ", "> ") before the offset on its line.
    // Taking too much for a line start costs at most one needless backslash (before a leading #, -, +
    // or =); too little could turn the title into a heading or a list.
    private bool StartsLine(int offset)
    {
        for (var i = offset - 1; i >= 0 && text[i] != '\n'; i--)
            if (!(char.IsWhiteSpace(text[i]) || char.IsAsciiDigit(text[i]) || text[i] is '>' or '-' or '*' or '+' or '.' or ')')) return false;
        return true;
    }

    private static string PlainText(string title) => title.Replace('"', '\'');

    private static string JsonEscaped(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
}
