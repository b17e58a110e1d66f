namespace PaperLens.Core.Text;

/// <summary>Acronyms as names are written with them: <c>DPO</c>, <c>SSMs</c>, <c>LoRA</c>, <c>ViT</c>. Spec §2:
/// an acronym counts for the words it abbreviates, so <c>Selective SSMs</c> names a paper about
/// "selective state space models", and <c>Direct Preference Optimization (DPO)</c> is one name.</summary>
public static class Acronym
{
    // Words an acronym usually skips: "PoE" is "Product of Experts".
    private static readonly HashSet<string> Skippable = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "for", "in", "on", "to", "by", "via", "with", "and", "from",
    };

    /// <summary>The letters an acronym stands for, lower case (<c>SSMs</c> → <c>ssm</c>, <c>LoRA</c> → <c>lra</c>),
    /// or null when the word is not one. A word is an acronym when it has at least two capitals and no
    /// more small letters than capitals, so <c>FlashAttention</c> is a word, not "F. A.".</summary>
    public static string? Letters(ReadOnlySpan<char> word)
    {
        var body = word.Length > 2 && word[^1] == 's' && char.IsUpper(word[^2]) ? word[..^1] : word;
        int upper = 0, lower = 0;
        foreach (var c in body)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
            else return null;
        }
        if (upper < 2 || lower > upper) return null;
        Span<char> letters = stackalloc char[upper];
        var n = 0;
        foreach (var c in body)
            if (char.IsUpper(c)) letters[n++] = char.ToLowerInvariant(c);
        return new string(letters);
    }

    /// <summary>Whether <paramref name="letters"/> are the initials of <paramref name="words"/>[start..],
    /// consumed whole or with skippable small words left out; returns how many words were used, or 0.</summary>
    public static int Abbreviates(string letters, IReadOnlyList<string> words, int start)
    {
        var i = 0;
        var j = start;
        while (i < letters.Length && j < words.Count)
        {
            var word = words[j];
            if (word.Length > 0 && char.ToLowerInvariant(word[0]) == letters[i]) i++;
            else if (!Skippable.Contains(word) || j == start) return 0;
            j++;
        }
        return i == letters.Length ? j - start : 0;
    }

    /// <summary>Whether the acronym <paramref name="letters"/> abbreviates consecutive words somewhere in <paramref name="words"/>.</summary>
    public static bool AbbreviatesSomeRun(string letters, IReadOnlyList<string> words)
    {
        for (var start = 0; start + letters.Length <= words.Count; start++)
            if (Abbreviates(letters, words, start) > 0) return true;
        return false;
    }
}
