using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Citations;

/// <summary>A second arXiv id that the entry holding a citation names, other than the citation's own
/// (an <c>eprint</c> and a <c>url</c> that disagree): spec §2.3, PL015. <see cref="Span"/> is where it is
/// written, <see cref="Field"/> the BibTeX field holding it.</summary>
public sealed record ConflictingId(ArxivId Id, TextSpan Span, string Field);
