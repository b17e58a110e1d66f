using System.Globalization;

namespace PaperLens.Core.Identifiers;

/// <summary>A valid arXiv identifier in canonical form: the bare id without version
/// (<c>2312.00752</c>, <c>hep-th/9901001</c>). Construct through <see cref="ArxivIdParser"/>.</summary>
public sealed record ArxivId : IComparable<ArxivId>
{
    internal ArxivId(string canonical, ArxivScheme scheme, int year, int month)
    {
        Canonical = canonical;
        Scheme = scheme;
        Year = year;
        Month = month;
    }

    public string Canonical { get; }

    public ArxivScheme Scheme { get; }

    /// <summary>Four-digit year of the id's month of submission.</summary>
    public int Year { get; }

    public int Month { get; }

    public string AbsUrl => $"https://arxiv.org/abs/{Canonical}";

    public string PdfUrl => $"https://arxiv.org/pdf/{Canonical}";

    public string WithVersion(int? version) =>
        version is { } v ? Canonical + "v" + v.ToString(CultureInfo.InvariantCulture) : Canonical;

    /// <summary>Parses a canonical or versioned id; throws on anything else. For text from files use
    /// <see cref="ArxivIdParser.Parse"/>, which reports why an id is malformed.</summary>
    public static ArxivId Of(string text) =>
        ArxivIdParser.Parse(text) is { Id: { } id } ? id : throw new FormatException($"'{text}' is not a valid arXiv id");

    public int CompareTo(ArxivId? other) => string.CompareOrdinal(Canonical, other?.Canonical);

    public override string ToString() => Canonical;
}
