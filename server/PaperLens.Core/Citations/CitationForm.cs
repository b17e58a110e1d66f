namespace PaperLens.Core.Citations;

/// <summary>How a citation is written (spec §2); the names are the CLI's JSON <c>form</c> values.</summary>
public enum CitationForm : byte
{
    /// <summary><c>arXiv:2312.00752</c></summary>
    Prefix,
    /// <summary><c>https://arxiv.org/abs/2312.00752</c> and the other URL hosts.</summary>
    Url,
    /// <summary><c>10.48550/arXiv.2312.00752</c>, bare or under doi.org.</summary>
    Doi,
    /// <summary>A BibTeX entry's eprint, url, doi or journal field.</summary>
    Bibtex,
    /// <summary>A pandoc citation key, <c>[@gu2023mamba]</c>.</summary>
    CiteKey,
}
