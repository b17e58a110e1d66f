using System.Text.RegularExpressions;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning;

/// <summary>Decides whether text written beside a citation is a title claim, a name claim or mere
/// description (spec §2). Errs towards "not a title": a false PL003 on a real README is a bug.</summary>
public static partial class ClaimClassifier
{
    // Words too small to be capitalised in a title.
    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "nor", "but", "of", "for", "in", "on", "at", "to", "by", "via",
        "with", "from", "as", "into", "onto", "over", "per", "vs", "vs.", "is", "are", "be", "its", "than", "without",
    };

    // Generic link text in READMEs: neither a title nor a name of the paper.
    private static readonly HashSet<string> GenericLinkWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "paper", "papers", "pdf", "arxiv", "abs", "abstract", "link", "here", "code", "project", "website",
        "page", "preprint", "html", "download", "blog", "video", "slides", "poster", "demo", "dataset",
        "data", "model", "models", "weights", "citation", "cite", "bibtex", "bib", "huggingface", "hf",
        "openreview", "github", "source", "view", "read", "full", "text", "ar5iv", "alphaxiv", "doi", "url",
        "report", "tech", "technical", "homepage", "docs", "documentation", "official", "implementation",
        // Labels in comments and notes ("Reference: arXiv:…", "See: …") introduce a citation, not name it.
        "reference", "references", "ref", "refs", "see", "note", "notes", "update", "based", "adapted",
        "inspired", "original", "related", "also", "credit", "credits", "todo", "fixme", "cf", "source",
        "sources", "method", "approach", "algorithm", "idea", "ideas", "background", "further", "reading",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericLinkWordSpans =
        GenericLinkWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private const string WordSeparators = " \t\n\r";

    // Cut from both ends of a word: brackets, punctuation and Markdown emphasis around it.
    private const string WordPunctuation = "()[],;.!?*_`";

    private static readonly char[] QuoteMarks = ['"', '“', '”', '\'', '‘', '’', '«', '»'];

    /// <summary>Classifies link text, an anchor's text or a list label. Returns null for descriptions.</summary>
    public static ClaimKind? Classify(string text) => Read(text)?.Kind;

    /// <summary>Reads link text, an anchor's text or a list label (spec §2): venue and date tags cut,
    /// quotes removed. Null for descriptions, author-year text and citation text.</summary>
    public static ClaimReading? Read(string text)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Length > 400) return null;
        if (ContainsCitationText(text)) return null;
        var quoted = IsQuoted(text);
        var bare = WithoutGenericSuffix(VenueTags.Cut(text.Trim(QuoteMarks).Trim()).Trim().TrimEnd('.', ',', ';'));
        var words = Words(bare);
        if (words.Count == 0) return null;
        // Tags, author-year text and version lists hold digits; people lists a comma, "and" or "&".
        var hasDigits = bare.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        if (hasDigits && (VenueTags.IsBareTag(bare) || AuthorYearText.Read(bare) is not null)) return null;
        if (bare.AsSpan().IndexOfAny(',', '&') >= 0 || bare.Contains(" and ", StringComparison.Ordinal))
            if (AuthorYearText.IsPeopleList(bare)) return null;
        if (quoted && words.Count >= 2) return new ClaimReading(ClaimKind.Title, bare);
        if (IsNameWithAlias(bare) || hasDigits && ListsVersions(words)) return new ClaimReading(ClaimKind.Name, bare);
        if (bare.Contains(':') && words.Count >= 2) return new ClaimReading(ClaimKind.Title, bare);
        if (words.Count >= 4) return IsTitleCased(words) ? new ClaimReading(ClaimKind.Title, bare) : null;
        return IsNameLike(words) ? new ClaimReading(ClaimKind.Name, bare) : null;
    }

    /// <summary>Text that is a title however it is cased: a quoted title beside an id, the title of an
    /// author-year entry, the title of a reading-list line. Still refuses generic words and citation text.</summary>
    public static bool ReadsAsTitle(string text)
    {
        // Asked of the text beside every citation: the words are counted and looked up in place, not
        // copied out one string each as Words does.
        var span = text.AsSpan();
        var count = 0;
        var allGeneric = true;
        foreach (var range in span.SplitAny(WordSeparators))
        {
            var word = span[range].Trim(WordPunctuation);
            if (word.IsEmpty) continue;
            count++;
            allGeneric = allGeneric && GenericLinkWordSpans.Contains(word);
        }
        return count >= 2 && !ContainsCitationText(text) && !allGeneric;
    }

    // A sentence-case title still has this many words; fewer may be prose.
    private const int MinimumUncasedTitleWords = 4;

    // Openings of news and prose lines ("We release the code for …"), never of a title.
    private static readonly HashSet<string> ProseOpenings = new(StringComparer.Ordinal) { "We", "Our", "I", "Check", "See", "Read" };

    /// <summary>Text whose place says it is a title (a reading-list line framed by a tag) in sentence case:
    /// long enough, not opening like prose, and not ending in a small word that leads on into a link
    /// ("We release the code for [Mamba](…)").</summary>
    public static bool ReadsAsUncasedTitle(string text)
    {
        var words = Words(text);
        return words.Count >= MinimumUncasedTitleWords && ReadsAsTitle(text)
            && !ProseOpenings.Contains(words[0]) && !LeadsOn(words);
    }

    /// <summary>Whether text written before a link ends in a small word that leads on into the link
    /// ("This task follows the [TruthfulQA dataset](…)"): prose, whatever its case or colons.</summary>
    public static bool LeadsOnIntoLink(string text) => Words(text) is { Count: > 0 } words && LeadsOn(words);

    private static bool LeadsOn(List<string> words) => MinorWords.Contains(words[^1]);

    private static bool IsQuoted(string text) =>
        text.Length > 2 && "\"“'‘«".Contains(text[0]) && "\"”'’»".Contains(text[^1]);

    // Citation text is what the finder reads as a citation, by the one definition of the forms; any other
    // URL is no title either.
    private static bool ContainsCitationText(string text) =>
        text.Contains("://", StringComparison.Ordinal) || TextCitationFinder.ContainsCitation(text);

    // Every claim beside every citation is split into words: one pass, one string per word.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var span = text.AsSpan();
        foreach (var range in span.SplitAny(WordSeparators))
        {
            var word = span[range].Trim(WordPunctuation);
            if (!word.IsEmpty) words.Add(word.ToString());
        }
        return words;
    }

    [GeneratedRegex(@"^(?<main>[^()]+?)\s*\((?<alias>[^()]+)\)$|^(?<main>[^:]+?)\s+[-–—]\s+(?<alias>\S+)$")]
    private static partial Regex WithAlias();

    // "(8B)", "(7B/13B)", "(1.3B)", "(v2)": a model's size or version, not a title's word.
    [GeneratedRegex(@"^(?:(?:\d+(?:\.\d+)?[KMBT]|v\d+(?:\.\d+)?)(?:\s*[,/]\s*|$))+$", RegexOptions.IgnoreCase)]
    private static partial Regex ModelSize();

    /// <summary>A name with its acronym or expansion (<c>Direct Preference Optimization (DPO)</c>,
    /// <c>LoRA (Low-Rank Adaptation)</c>, <c>Group Relative Policy Optimization - GRPO</c>) or a model
    /// name with its size (<c>Llama 3 (8B)</c>): a name however many words it has.</summary>
    private static bool IsNameWithAlias(string text)
    {
        if (!text.EndsWith(')') && text.AsSpan().IndexOfAny('-', '–', '—') < 0 || WithAlias().Match(text) is not { Success: true } m) return false;
        var main = m.Groups["main"].Value;
        var alias = m.Groups["alias"].Value.Trim();
        if (main.Contains(':')) return false;
        return Expands(main, alias) || Expands(alias, main) || ModelSize().IsMatch(alias) && Words(main).Count <= 4;
    }

    // The acronym may cover only the leading words: "Proximal Policy Optimization Algorithms (PPO)".
    private static bool Expands(string expansion, string acronym) =>
        Acronym.Letters(acronym.Trim()) is { } letters
        && Acronym.Abbreviates(letters, ExpansionWords(expansion), 0) > 0;

    // "Low-Rank Adaptation" is three words to an acronym.
    private static List<string> ExpansionWords(string text) =>
        text.Split([' ', '\t', '\n', '\r', '-', '‐'], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static bool IsTitleCased(List<string> words)
    {
        var significant = words.Skip(1).Where(w => !MinorWords.Contains(w) && char.IsLetter(w[0])).ToList();
        return char.IsUpper(words[0][0]) || !char.IsLetter(words[0][0]) || words[0].Any(char.IsUpper)
            ? significant.Count > 0 && significant.All(w => w.Any(char.IsUpper))
            : false;
    }

    // "Retrieval-Augmented Generation_Paper", "Mamba PDF": a label glued to a name. "GPT-3 paper" in
    // lower case stays prose, a description rather than a name.
    [GeneratedRegex(@"(?<=\S)(?:_(?:[Pp]aper|PDF|pdf)|\s+(?:Paper|PDF))$")]
    private static partial Regex GenericSuffix();

    private static string WithoutGenericSuffix(string text) =>
        text.Length > 0 && char.IsLetter(text[^1]) ? GenericSuffix().Replace(text, "") : text;

    // "[paper2]", "[code1]": numbered generic labels.
    private static bool IsGeneric(string word) => GenericLinkWords.Contains(word.TrimEnd("0123456789".ToCharArray()));

    /// <summary>"DeepSeek V2, V3, and R1": most words are versions, so the text lists models, not a title.</summary>
    private static bool ListsVersions(List<string> words)
    {
        int significant = 0, versions = 0;
        foreach (var word in words)
        {
            if (MinorWords.Contains(word)) continue;
            significant++;
            if (word.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && word.Any(char.IsLetter)) versions++;
        }
        return significant >= 3 && versions * 2 > significant;
    }

    private static bool IsNameLike(List<string> words)
    {
        if (words.All(w => IsGeneric(w) || MinorWords.Contains(w))) return false;
        if (words.All(w => w.All(c => char.IsDigit(c) || !char.IsLetterOrDigit(c)))) return false;
        return words.All(w => MinorWords.Contains(w) && words.Count > 1 || w.Any(c => char.IsUpper(c) || char.IsDigit(c)));
    }
}

/// <summary>What link text or a label claims: its kind and its text with tags and quotes removed.</summary>
public readonly record struct ClaimReading(ClaimKind Kind, string Text)
{
    /// <summary>The claim read from <paramref name="source"/>[range]: its span is where the read text
    /// stands in the range (tags and quotes cut), else the whole range (markup made it differ).</summary>
    public Claim At(string source, TextSpan range)
    {
        var at = source.IndexOf(Text, range.Start, range.Length, StringComparison.Ordinal);
        return new Claim(Text, Kind, at >= 0 ? new TextSpan(at, Text.Length) : range);
    }
}
