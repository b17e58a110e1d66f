using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Bibtex;

/// <summary>One <c>name = value</c> of a parsed entry. <paramref name="Name"/> is lower-case;
/// <paramref name="Value"/> is after macro expansion and concatenation, outer delimiters removed.
/// <paramref name="ValueSpan"/> is the content inside the delimiters for a single literal, else the
/// whole value as written. <paramref name="IsLiteral"/>: the value is one braced, quoted or numeric
/// literal, so <c>Value</c> is exactly the file text under <c>ValueSpan</c> and offsets in it map back.</summary>
internal sealed record BibtexField(string Name, string Value, TextSpan NameSpan, TextSpan ValueSpan, bool IsLiteral);
