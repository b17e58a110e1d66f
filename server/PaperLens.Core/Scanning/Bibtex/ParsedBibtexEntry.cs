using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Bibtex;

/// <summary>An entry as the parser read it, before any arXiv meaning is given to its fields.
/// <paramref name="Type"/> is lower-case; <paramref name="Span"/> runs from the <c>@</c> to the closing delimiter.</summary>
internal sealed record ParsedBibtexEntry(string Type, string Key, TextSpan Span, TextSpan KeySpan, IReadOnlyList<BibtexField> Fields)
{
    /// <summary>The first field of that name (BibTeX ignores repeats), or null.</summary>
    public BibtexField? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name) return field;
        }
        return null;
    }
}
