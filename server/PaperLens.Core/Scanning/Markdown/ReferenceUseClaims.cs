using Markdig.Syntax;
using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Claims made by the text of reference-style links (<c>[Attention Is All You Need][vaswani]</c>).
/// The definition is the citation; a use is not a second one, but what its text says about the paper
/// is kept for the definition when the definition has no title of its own: a title claim over a name
/// claim, otherwise the first use. A shortcut use (<c>[vaswani]</c>) is only the label: no claim.</summary>
internal sealed class ReferenceUseClaims
{
    private readonly Dictionary<LinkReferenceDefinition, Claim> _claims = new(ReferenceEqualityComparer.Instance);

    public void Note(LinkReferenceDefinition definition, Claim claim)
    {
        if (!_claims.TryGetValue(definition, out var known) || known.Kind == ClaimKind.Name && claim.Kind == ClaimKind.Title)
            _claims[definition] = claim;
    }

    public Claim? For(LinkReferenceDefinition definition) => _claims.GetValueOrDefault(definition);
}
