using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PaperLens.Core.Citations;

/// <summary>The fields of a <see cref="BibEntry"/>, name then value in one array. A workspace's .bib files
/// hold tens of thousands of entries of a few fields each, read by name a few times: a hash table per
/// entry took several times the room of its text, where a search of a handful of names costs nothing.
/// Names are lower-case and distinct (the first of a repeated field is kept, as BibTeX does).</summary>
public sealed class BibFields : IReadOnlyDictionary<string, string>
{
    public static readonly BibFields Empty = new([]);

    private readonly string[] _namesAndValues;

    private BibFields(string[] namesAndValues) => _namesAndValues = namesAndValues;

    /// <summary>The fields in the order given, a repeated name's first value kept; the common names
    /// shared with every other entry's (<see cref="SharedName"/>) rather than one copy per field.</summary>
    public static BibFields Of(IEnumerable<(string Name, string Value)> fields)
    {
        var namesAndValues = new List<string>();
        foreach (var (name, value) in fields)
        {
            if (IndexOf(namesAndValues, name) >= 0) continue;
            namesAndValues.Add(SharedName(name));
            namesAndValues.Add(value);
        }
        return namesAndValues.Count == 0 ? Empty : new BibFields([.. namesAndValues]);
    }

    /// <summary>The same names, each value passed through <paramref name="share"/> (a workspace's one copy of a text).</summary>
    public BibFields WithValues(Func<string, string> share)
    {
        var namesAndValues = (string[])_namesAndValues.Clone();
        for (var i = 1; i < namesAndValues.Length; i += 2) namesAndValues[i] = share(namesAndValues[i]);
        return new BibFields(namesAndValues);
    }

    /// <summary>The literal of a field or entry-type name every BibTeX style knows, else the name itself.</summary>
    public static string SharedName(string name) => name switch
    {
        "title" => "title",
        "author" => "author",
        "year" => "year",
        "month" => "month",
        "journal" => "journal",
        "booktitle" => "booktitle",
        "eprint" => "eprint",
        "archiveprefix" => "archiveprefix",
        "primaryclass" => "primaryclass",
        "eprinttype" => "eprinttype",
        "url" => "url",
        "doi" => "doi",
        "note" => "note",
        "volume" => "volume",
        "number" => "number",
        "pages" => "pages",
        "publisher" => "publisher",
        "editor" => "editor",
        "abstract" => "abstract",
        "keywords" => "keywords",
        "article" => "article",
        "inproceedings" => "inproceedings",
        "misc" => "misc",
        "online" => "online",
        "book" => "book",
        "techreport" => "techreport",
        "phdthesis" => "phdthesis",
        _ => name,
    };

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no field '{key}'");

    public int Count => _namesAndValues.Length / 2;

    public IEnumerable<string> Keys => Pairs().Select(pair => pair.Key);

    public IEnumerable<string> Values => Pairs().Select(pair => pair.Value);

    public bool ContainsKey(string key) => IndexOf(_namesAndValues, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = IndexOf(_namesAndValues, key);
        value = at >= 0 ? _namesAndValues[at + 1] : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Pairs().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        for (var i = 0; i < _namesAndValues.Length; i += 2)
            yield return new(_namesAndValues[i], _namesAndValues[i + 1]);
    }

    private static int IndexOf(IReadOnlyList<string> namesAndValues, string name)
    {
        for (var i = 0; i < namesAndValues.Count; i += 2)
            if (string.Equals(namesAndValues[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }
}
