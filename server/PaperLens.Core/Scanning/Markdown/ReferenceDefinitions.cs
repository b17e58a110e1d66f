using Markdig.Syntax;
using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Reference definitions, <c>[label]: url "title"</c>: each arXiv destination is one citation
/// with role <see cref="CitationRole.ReferenceDefinition"/> (two of them naming one paper is PL007).
/// Its claim is the title; failing that, what the text of the links using it says (see
/// <see cref="ReferenceUseClaims"/>). The label is never a claim.</summary>
internal static class ReferenceDefinitions
{
    public static void Read(IEnumerable<LinkReferenceDefinition> definitions, string text, ReferenceUseClaims uses, CitationSink sink)
    {
        foreach (var definition in definitions)
        {
            if (SourceLines.ToRange(definition.UrlSpan, text.Length) is not { } url) continue;
            if (SourceLines.ToRange(definition.Span, text.Length) is { } whole) sink.CommentStretches.Add((whole, CommentStyle.HtmlLine));
            Claim? claim = null;
            var claimRead = false;
            foreach (var citation in TextCitationFinder.FindIds(text, url.Start, url.End))
            {
                if (!claimRead)
                {
                    claim = TitleClaim(definition, text) ?? uses.For(definition);
                    claimRead = true;
                }
                sink.Add(citation with { Claim = claim, Role = CitationRole.ReferenceDefinition, Label = definition.Label });
            }
        }
    }

    private static Claim? TitleClaim(LinkReferenceDefinition definition, string text)
    {
        if (SourceLines.ToRange(definition.TitleSpan, text.Length) is not { } title) return null;
        return LinkClaims.FromTitle(text, definition.Title, SourceLines.WithoutDelimiters(text, title));
    }
}
