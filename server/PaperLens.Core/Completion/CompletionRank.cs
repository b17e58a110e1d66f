namespace PaperLens.Core.Completion;

/// <summary>How well a paper matches what was typed, best first. Completion lists the classes in this
/// order; within a class, papers cited in the workspace first, then by <see cref="CompletionText.Score"/>
/// (the shorter title, of which the typed words cover more, then the newer paper).</summary>
public enum CompletionClass
{
    /// <summary>The title starts with the typed words (the last one may be the start of a word), or an
    /// id typed alone is a prefix of the paper's.</summary>
    TitleStart,
    /// <summary>One typed word is the first author's surname and the others start the title.</summary>
    FirstAuthorAndTitleStart,
    /// <summary>The title contains the typed words as a phrase; or one typed word is an author's surname
    /// and the others a phrase of the title; or a single typed word starts any of its words.</summary>
    Phrase,
    /// <summary>Every typed word but the stop words starts a word of the title, a surname or the year.</summary>
    Scattered,
}

/// <summary>The one definition of <see cref="CompletionClass"/>: the completion index finds papers by
/// class and checks its candidates here, and a full scan with this function gives the same answer.</summary>
public static class CompletionRank
{
    /// <param name="titleWords">The folded words of the plain title, in order (<see cref="CompletionText.Words"/>).</param>
    /// <param name="surnames">The authors' folded surnames in order (<see cref="CompletionText.Surnames"/>).</param>
    /// <param name="year">The paper's year, as indexed.</param>
    /// <returns>The paper's class, or null when it does not match.</returns>
    public static CompletionClass? Classify(CompletionQuery query, string canonicalId, IReadOnlyList<string> titleWords,
        IReadOnlyList<string> surnames, string year)
    {
        if (!query.IdPrefixes.All(p => canonicalId.StartsWith(p, StringComparison.Ordinal))) return null;
        var phrase = query.Phrase;
        if (phrase.Count == 0) return CompletionClass.TitleStart;
        if (PhraseAt(titleWords, 0, phrase)) return CompletionClass.TitleStart;
        var tokens = Tokens(titleWords, surnames, year);
        if (phrase.Count == 1) return query.Matches(canonicalId, tokens) ? CompletionClass.Phrase : null;
        if (surnames.Count > 0 && FirstAuthorAndTitleStart(titleWords, surnames[0], phrase)) return CompletionClass.FirstAuthorAndTitleStart;
        if (ContainsPhrase(titleWords, phrase) || AuthorAndPhrase(titleWords, surnames, phrase)) return CompletionClass.Phrase;
        return query.Scattered.Matches(canonicalId, tokens) ? CompletionClass.Scattered : null;
    }

    /// <summary>The words a scattered term may start, as the completion index holds them: the title's
    /// words but the one-letter ones, the surnames and the year.</summary>
    public static IReadOnlyCollection<string> Tokens(IReadOnlyList<string> titleWords, IReadOnlyList<string> surnames, string year) =>
        titleWords.Where(w => w.Length > 1).Concat(surnames).Append(year).ToList();

    private static bool FirstAuthorAndTitleStart(IReadOnlyList<string> titleWords, string firstSurname, IReadOnlyList<string> phrase)
    {
        for (var i = 0; i < phrase.Count; i++)
            if (phrase[i] == firstSurname && PhraseAt(titleWords, 0, phrase.Where((_, j) => j != i).ToList())) return true;
        return false;
    }

    private static bool AuthorAndPhrase(IReadOnlyList<string> titleWords, IReadOnlyList<string> surnames, IReadOnlyList<string> phrase)
    {
        for (var i = 0; i < phrase.Count; i++)
        {
            if (!surnames.Contains(phrase[i])) continue;
            var rest = phrase.Where((_, j) => j != i).ToList();
            if (ContainsPhrase(titleWords, rest)) return true;
        }
        return false;
    }

    private static bool ContainsPhrase(IReadOnlyList<string> titleWords, IReadOnlyList<string> phrase)
    {
        for (var start = 0; start + phrase.Count <= titleWords.Count; start++)
            if (PhraseAt(titleWords, start, phrase)) return true;
        return false;
    }

    // The words typed before the last are whole title words; the last may be the start of one.
    private static bool PhraseAt(IReadOnlyList<string> titleWords, int start, IReadOnlyList<string> phrase)
    {
        if (start + phrase.Count > titleWords.Count) return false;
        for (var i = 0; i < phrase.Count - 1; i++)
            if (!string.Equals(titleWords[start + i], phrase[i], StringComparison.Ordinal)) return false;
        return titleWords[start + phrase.Count - 1].StartsWith(phrase[^1], StringComparison.Ordinal);
    }
}
