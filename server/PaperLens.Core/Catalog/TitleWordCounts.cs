namespace PaperLens.Core.Catalog;

/// <summary>How many titles hold each word, as counted for title claims: a check asks about thousands of
/// claims drawn from a few thousand words, and at arXiv's size counting a common word reads tens of
/// thousands of postings. Kept for one <see cref="CatalogVersion"/>, so every claim of a catalog state is
/// ordered by the same counts whatever was asked before. Not thread-safe: the catalog uses it under its lock.</summary>
internal sealed class TitleWordCounts
{
    private readonly Dictionary<string, long> _titles = new(StringComparer.Ordinal);
    private CatalogVersion _version;

    public long Of(string word, CatalogVersion version, Func<string, long> count)
    {
        if (version != _version)
        {
            _titles.Clear();
            _version = version;
        }
        if (!_titles.TryGetValue(word, out var titles))
        {
            titles = count(word);
            _titles.Add(word, titles);
        }
        return titles;
    }
}
