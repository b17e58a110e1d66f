using System.Text.Json;

namespace PaperLens.Benchmarks;

/// <summary>A paper the synthetic repository cites: an id, its title and a short name for link text.</summary>
internal sealed record CitedPaper(string Id, string Title, string FirstAuthor, int Year)
{
    /// <summary>The words before the title's first colon, or its first two words: what people write as link text.</summary>
    public string ShortName
    {
        get
        {
            var colon = Title.IndexOf(':');
            if (colon is > 0 and < 30) return Title[..colon];
            return string.Join(' ', Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));
        }
    }

    /// <summary>A BibTeX/pandoc key such as <c>gu2023mamba</c>.</summary>
    public string Key
    {
        get
        {
            var word = new string(Title.TakeWhile(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
            return $"{new string(FirstAuthor.Where(char.IsLetter).ToArray()).ToLowerInvariant()}{Year}{word}{Id.Replace(".", "").Replace("/", "")}";
        }
    }

    public static IReadOnlyList<CitedPaper> LoadSeed(string seedFile)
    {
        var papers = new List<CitedPaper>();
        foreach (var line in File.ReadLines(seedFile))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var id = root.GetProperty("id").GetString()!;
            var title = string.Join(' ', root.GetProperty("title").GetString()!.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
            var authors = root.TryGetProperty("authors", out var a) ? a.GetString() ?? "Anonymous" : "Anonymous";
            var firstAuthor = authors.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts ? parts[1] : "Anonymous";
            var year = id.Contains('/') ? 2000 : 2000 + int.Parse(id[..2]);
            papers.Add(new CitedPaper(id, title, firstAuthor, year));
        }
        return papers;
    }
}
