using System.Text;

namespace PaperLens.Benchmarks;

/// <summary>Writes plausible research-repository text (notes, code, bibliographies, notebooks) with
/// citations in every form of spec §2 at a realistic density: most lines cite nothing. Driven by one
/// seeded <see cref="Random"/>, so the same seed gives the same bytes.</summary>
internal sealed class SyntheticText(Random random, IReadOnlyList<CitedPaper> seedPapers)
{
    private static readonly string[] Words =
    [
        "the", "model", "sequence", "state", "space", "attention", "layer", "we", "train", "on", "a", "of", "and",
        "to", "in", "with", "for", "is", "recurrent", "linear", "kernel", "scan", "selective", "memory", "token",
        "context", "length", "long", "short", "forecast", "horizon", "loss", "gradient", "batch", "head", "hidden",
        "dimension", "projection", "convolution", "parallel", "chunk", "latency", "throughput", "baseline",
        "ablation", "dataset", "benchmark", "results", "improve", "compare", "reasoning", "chain", "thought",
        "continuous", "latent", "embedding", "sentence", "decoder", "encoder", "transformer", "mamba", "lstm",
        "gated", "unit", "norm", "residual", "stream", "heads", "retrieval", "copy", "task", "synthetic", "real",
        "this", "that", "these", "paper", "shows", "claims", "suggests", "but", "not", "clear", "why", "how",
        "when", "our", "setup", "uses", "same", "hyperparameters", "learning", "rate", "warmup", "schedule",
        "cosine", "decay", "seed", "variance", "runs", "eval", "perplexity", "accuracy", "wall", "clock", "GPU",
        "memory-bound", "I/O", "fused", "kernel", "tiling", "SRAM", "HBM", "recompute", "backward", "pass",
    ];

    private static readonly string[] TitleWords =
    [
        "Efficient", "Scalable", "Linear", "Selective", "State", "Space", "Models", "Attention", "Recurrent",
        "Networks", "Long", "Context", "Sequence", "Modeling", "Learning", "Reasoning", "Latent", "Continuous",
        "Memory", "Transformers", "Hybrid", "Forecasting", "Time", "Series", "Language", "Understanding",
        "Parallel", "Training", "Structured", "Kernels", "Hardware-Aware", "Algorithms", "Benchmarks",
    ];

    private static readonly string[] Identifiers =
    [
        "x", "h", "state", "delta", "A", "B", "C", "dt", "q", "k", "v", "scores", "mask", "out", "chunk",
        "seq_len", "d_model", "d_state", "batch", "head", "idx", "acc", "tile", "offset", "stride", "grad",
    ];

    private static readonly string[] OldArchives = ["hep-th", "hep-ph", "cond-mat", "astro-ph", "math", "quant-ph", "gr-qc", "cs"];

    private static readonly string[] UrlForms =
    [
        "https://arxiv.org/abs/{0}", "https://arxiv.org/pdf/{0}", "https://arxiv.org/pdf/{0}.pdf", "arxiv.org/abs/{0}",
        "https://www.arxiv.org/abs/{0}", "https://arxiv.org/html/{0}", "https://export.arxiv.org/abs/{0}",
        "https://ar5iv.org/abs/{0}", "https://ar5iv.labs.arxiv.org/html/{0}", "https://huggingface.co/papers/{0}",
        "https://www.alphaxiv.org/abs/{0}", "https://doi.org/10.48550/arXiv.{0}",
    ];

    /// <summary>Half the citations name a real seed paper, the rest well-formed generated ids (mostly
    /// unknown to any catalog, as in a real repository), and one in 400 a malformed id.</summary>
    public CitedPaper NextPaper()
    {
        if (random.Next(2) == 0) return seedPapers[random.Next(seedPapers.Count)];
        var roll = random.Next(400);
        string id;
        if (roll == 0) id = $"{random.Next(15, 25)}13.{random.Next(1, 99999):D5}";
        else if (roll < 20) id = $"{OldArchives[random.Next(OldArchives.Length)]}/{random.Next(91, 108) % 100:D2}{random.Next(1, 13):D2}{random.Next(1, 1000):D3}";
        else if (roll < 60) id = $"{random.Next(7, 15):D2}{random.Next(1, 13):D2}.{random.Next(1, 10000):D4}";
        else id = $"{random.Next(15, 26)}{random.Next(1, 13):D2}.{random.Next(1, 30000):D5}";
        var year = id.Contains('/') ? 1990 + random.Next(1, 18) : 2000 + int.Parse(id[..2]);
        return new CitedPaper(id, Title(), Identifiers[random.Next(Identifiers.Length)].ToUpperInvariant() + "ang", year);
    }

    public string Title()
    {
        var count = random.Next(4, 9);
        var words = new string[count];
        for (var i = 0; i < count; i++) words[i] = TitleWords[random.Next(TitleWords.Length)];
        return string.Join(' ', words);
    }

    /// <summary>A citation as it appears inline in prose or a comment.</summary>
    public string InlineCitation(CitedPaper paper) => random.Next(4) switch
    {
        0 => $"arXiv:{paper.Id}",
        1 => $"arXiv:{paper.Id}v{random.Next(1, 4)}",
        2 => string.Format(UrlForms[random.Next(UrlForms.Length)], paper.Id),
        _ => $"\"{paper.Title}\" (arXiv:{paper.Id})",
    };

    /// <summary>A Markdown citation form: links, HTML anchors, pandoc keys and bare prefixed ids.</summary>
    private string MarkdownCitation(CitedPaper paper, List<CitedPaper> referenced) => random.Next(9) switch
    {
        0 => $"[{paper.Title}]({string.Format(UrlForms[random.Next(UrlForms.Length)], paper.Id)})",
        1 => $"[{paper.ShortName}](https://arxiv.org/abs/{paper.Id})",
        2 => $"<a href=\"https://arxiv.org/abs/{paper.Id}\">{paper.ShortName}</a>",
        3 => $"[this paper](https://huggingface.co/papers/{paper.Id})",
        4 => Reference(paper, referenced),
        _ => InlineCitation(paper),
    };

    private string Reference(CitedPaper paper, List<CitedPaper> referenced)
    {
        referenced.Add(paper);
        return $"[{paper.ShortName}][r{referenced.Count}]";
    }

    public void AppendMarkdown(StringBuilder text, int targetBytes)
    {
        var referenced = new List<CitedPaper>();
        var start = text.Length;
        text.Append("---\ntitle: ").Append(Sentence(4, 8)).Append("\ndate: 2025-0").Append(random.Next(1, 10))
            .Append("-1").Append(random.Next(0, 10)).Append("\ntags: [sequence-models, notes]\n---\n\n# ")
            .Append(Sentence(3, 7)).Append("\n\n");
        while (text.Length - start < targetBytes)
        {
            switch (random.Next(30))
            {
                case 0:
                    text.Append("## ").Append(Sentence(2, 6)).Append("\n\n");
                    break;
                case 1:
                    var named = NextPaper();
                    text.Append("- ").Append(named.ShortName).Append(": https://arxiv.org/abs/").Append(named.Id).Append('\n');
                    break;
                case 2:
                    text.Append("```python\n");
                    AppendCodeLines(text, "py", random.Next(4, 15));
                    text.Append("```\n\n");
                    break;
                case 3 when random.Next(4) == 0:
                    AppendBibEntry(text.Append("```bibtex\n"), NextPaper());
                    text.Append("```\n\n");
                    break;
                case 4 when random.Next(3) == 0:
                    var cited = NextPaper();
                    text.Append("- ").Append(cited.FirstAuthor).Append(", A. (").Append(cited.Year).Append("). ")
                        .Append(cited.Title).Append(". arXiv:").Append(cited.Id).Append('\n');
                    break;
                case 5 when random.Next(3) == 0:
                    text.Append("As argued in [@").Append(seedPapers[random.Next(seedPapers.Count)].Key).Append("], ")
                        .Append(Sentence(6, 14)).Append(".\n");
                    break;
                default:
                    AppendProseLine(text, referenced);
                    break;
            }
        }
        if (referenced.Count > 0) text.Append('\n');
        for (var i = 0; i < referenced.Count; i++)
        {
            var paper = referenced[i];
            text.Append("[r").Append(i + 1).Append("]: https://arxiv.org/abs/").Append(paper.Id)
                .Append(" \"").Append(paper.Title).Append("\"\n");
        }
    }

    private void AppendProseLine(StringBuilder text, List<CitedPaper> referenced)
    {
        text.Append(Sentence(8, 16));
        if (random.Next(22) == 0) text.Append(' ').Append(MarkdownCitation(NextPaper(), referenced));
        text.Append(random.Next(5) == 0 ? ".\n\n" : ". ").Append(Sentence(5, 10)).Append(".\n");
    }

    /// <param name="extension">py, cu, cpp, ts, rs, go or java: decides the comment syntax.</param>
    public void AppendCode(StringBuilder text, string extension, int targetBytes)
    {
        var start = text.Length;
        if (extension == "py")
        {
            var paper = NextPaper();
            text.Append("\"\"\"").Append(Sentence(4, 9)).Append(".\n\nFollows ").Append(InlineCitation(paper)).Append(".\n\"\"\"\n\nimport math\nimport torch\n\n");
        }
        else
        {
            text.Append("/*\n * ").Append(Sentence(4, 9)).Append("\n * Reference: ").Append(InlineCitation(NextPaper())).Append("\n */\n\n");
        }
        for (var block = 0; text.Length - start < targetBytes; block++)
        {
            text.Append(extension switch
            {
                "py" => $"def step_{block}(x, h, state):\n",
                "rs" => $"fn step_{block}(x: &mut [f32]) {{\n",
                "go" => $"func step{block}(x []float32) {{\n",
                "ts" => $"export function step{block}(x: number[]): void {{\n",
                "cu" => $"__global__ void step_{block}(float* x, float* h) {{\n",
                _ => $"void step_{block}(float* x, float* h) {{\n",
            });
            AppendCodeLines(text, extension, random.Next(10, 40));
            text.Append(extension == "py" ? "\n" : "}\n\n");
        }
    }

    private void AppendCodeLines(StringBuilder text, string extension, int lines)
    {
        var comment = extension == "py" ? "# " : "// ";
        for (var i = 0; i < lines; i++)
        {
            var a = Identifiers[random.Next(Identifiers.Length)];
            var b = Identifiers[random.Next(Identifiers.Length)];
            var c = Identifiers[random.Next(Identifiers.Length)];
            switch (random.Next(40))
            {
                case 0:
                    text.Append("    ").Append(comment).Append(Sentence(4, 10)).Append(", see ").Append(InlineCitation(NextPaper())).Append('\n');
                    break;
                case 1:
                    // A URL in a string literal is data, not a citation (spec §3); ripgrep still counts it.
                    text.Append("    ").Append(extension == "py" ? "" : "const auto ").Append("paper_url = \"https://arxiv.org/abs/")
                        .Append(NextPaper().Id).Append('"').Append(extension == "py" ? "\n" : ";\n");
                    break;
                case 2:
                case 3:
                    text.Append("    ").Append(comment).Append(Sentence(5, 12)).Append('\n');
                    break;
                default:
                    text.Append("    ").Append(a).Append(" = ").Append(b).Append(random.Next(2) == 0 ? " * " : " + ")
                        .Append(c).Append("[").Append(random.Next(64)).Append(extension == "py" ? "]\n" : "];\n");
                    break;
            }
        }
    }

    public void AppendBibliography(StringBuilder text, int targetBytes)
    {
        var start = text.Length;
        text.Append("@string{neurips = \"Advances in Neural Information Processing Systems\"}\n\n");
        while (text.Length - start < targetBytes) AppendBibEntry(text, NextPaper());
    }

    public void AppendBibEntry(StringBuilder text, CitedPaper paper)
    {
        text.Append("@article{").Append(paper.Key).Append(",\n  title = {").Append(paper.Title)
            .Append("},\n  author = {").Append(paper.FirstAuthor).Append(", A. and Others, B.},\n  year = {").Append(paper.Year).Append("},\n");
        switch (random.Next(4))
        {
            case 0:
                text.Append("  eprint = {").Append(paper.Id).Append("},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.LG},\n");
                break;
            case 1:
                text.Append("  eprint = \"").Append(paper.Id).Append("\",\n  archivePrefix = \"arXiv\",\n");
                break;
            case 2:
                text.Append("  url = {https://arxiv.org/abs/").Append(paper.Id).Append("},\n");
                break;
            default:
                text.Append("  journal = {arXiv preprint arXiv:").Append(paper.Id).Append("},\n");
                break;
        }
        text.Append("}\n\n");
    }

    public void AppendNotebook(StringBuilder text, int targetBytes)
    {
        var start = text.Length;
        text.Append("{\n \"cells\": [\n");
        var first = true;
        while (text.Length - start < targetBytes)
        {
            if (!first) text.Append(",\n");
            first = false;
            var markdown = random.Next(3) == 0;
            text.Append("  {\n   \"cell_type\": \"").Append(markdown ? "markdown" : "code").Append("\",\n   \"metadata\": {},\n   \"source\": [\n");
            var lines = random.Next(3, 12);
            for (var i = 0; i < lines; i++)
            {
                var line = markdown
                    ? Sentence(6, 14) + (random.Next(8) == 0 ? " " + InlineCitation(NextPaper()) : "")
                    : (random.Next(10) == 0 ? "# " + Sentence(3, 8) + " arXiv:" + NextPaper().Id : $"{Identifiers[random.Next(Identifiers.Length)]} = {random.Next(1000)}");
                text.Append("    \"").Append(line.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append(i + 1 < lines ? "\\n\",\n" : "\"\n");
            }
            text.Append("   ]").Append(markdown ? "" : ",\n   \"execution_count\": null,\n   \"outputs\": []").Append("\n  }");
        }
        text.Append("\n ],\n \"metadata\": {\"kernelspec\": {\"language\": \"python\", \"name\": \"python3\"},")
            .Append(" \"language_info\": {\"name\": \"python\"}},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
    }

    public string Sentence(int minWords, int maxWords)
    {
        var count = random.Next(minWords, maxWords + 1);
        var builder = new StringBuilder(count * 8);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) builder.Append(' ');
            var word = Words[random.Next(Words.Length)];
            builder.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
        }
        return builder.ToString();
    }
}
