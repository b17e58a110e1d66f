using System.Text;

namespace PaperLens.Benchmarks;

/// <summary>The files of <see cref="RealLookingRepository"/>: each kind written to about a target size with a
/// given number of citations (often none), in the layout such files have in research code bases: docstrings
/// with Args/Returns sections, configs, READMEs with install steps, badges and a BibTeX citation block,
/// notebooks with base64 outputs, bibliographies mostly of journal papers.</summary>
internal sealed class RealLookingText(Random random, SyntheticText text)
{
    private static readonly string[] Names =
    [
        "hidden_size", "num_layers", "dropout", "vocab_size", "max_len", "lr", "weight_decay", "batch_size",
        "warmup_steps", "grad_clip", "d_state", "expand", "conv_kernel", "eps", "seed", "num_heads", "head_dim",
    ];

    private static readonly string[] Types = ["Tensor", "int", "float", "bool", "Optional[Tensor]", "str"];

    private static readonly string[] Venues = ["Nature", "Neural Computation", "Journal of Machine Learning Research", "IEEE Transactions on Pattern Analysis", "Physical Review Letters"];

    /// <summary>Appends one file of <paramref name="kind"/> (its extension) holding <paramref name="citations"/> citations.</summary>
    public void Append(StringBuilder b, string kind, int targetBytes, int citations)
    {
        var start = b.Length;
        // Citations go at evenly spread points of the file, so a long file does not cite only at its top.
        var every = Math.Max(1, targetBytes / (citations + 1));
        var nextCitation = citations > 0 ? every : int.MaxValue;
        var left = citations;
        bool Due()
        {
            if (left == 0 || b.Length - start < nextCitation) return false;
            left--;
            nextCitation += every;
            return true;
        }
        if (kind == "md") Readme(b, start, targetBytes, Due);
        else if (kind == "ipynb") Notebook(b, start, targetBytes, Due);
        else if (kind == "bib") Bibliography(b, start, targetBytes, citations);
        else
            while (b.Length - start < targetBytes)
            {
                switch (kind)
                {
                    case "py": PythonClass(b, Due()); break;
                    case "cpp" or "cu": CppFunction(b, Due()); break;
                    case "sh": b.Append("# ").Append(Due() ? Cite() : text.Sentence(4, 10)).Append("\npython train.py --config configs/train/base.yaml --seed ").Append(random.Next(100)).Append('\n'); break;
                    case "tex": Latex(b, Due()); break;
                    case "yaml": b.Append(Names[random.Next(Names.Length)]).Append(": ").Append(Number()).Append('\n'); break;
                    case "json": b.Append("{\"step\": ").Append(random.Next(100_000)).Append(", \"loss\": ").Append(Number()).Append(", \"tag\": \"run-").Append(random.Next(1000)).Append("\"}\n"); break;
                    case "csv": b.Append(random.Next(1000)).Append(',').Append(Number()).Append(',').Append(Number()).Append(',').Append(Number()).Append('\n'); break;
                    default: b.Append(Names[random.Next(Names.Length)]).Append(">=").Append(random.Next(1, 3)).Append('.').Append(random.Next(20)).Append('\n'); break;
                }
            }
    }

    private string Number() => (random.NextDouble() * Math.Pow(10, random.Next(-4, 4))).ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    private string Cite() => text.InlineCitation(text.NextPaper());

    private void PythonClass(StringBuilder b, bool cites)
    {
        var name = $"{text.Title().Split(' ')[0]}Block{random.Next(1000)}";
        b.Append("\n\nclass ").Append(name).Append("(nn.Module):\n    \"\"\"").Append(text.Sentence(5, 10)).Append(".\n\n    ")
            .Append(text.Sentence(12, 24)).Append(".\n    ").Append(text.Sentence(10, 20)).Append(".\n");
        if (cites) b.Append("\n    Reference:\n        ").Append(Cite()).Append('\n');
        b.Append("\n    Args:\n");
        for (var i = random.Next(2, 6); i > 0; i--)
            b.Append("        ").Append(Names[random.Next(Names.Length)]).Append(" (").Append(Types[random.Next(Types.Length)]).Append("): ").Append(text.Sentence(5, 12)).Append(".\n");
        b.Append("    \"\"\"\n\n    def __init__(self, config):\n        super().__init__()\n");
        for (var i = random.Next(3, 8); i > 0; i--)
            b.Append("        self.").Append(Names[random.Next(Names.Length)]).Append(" = config.").Append(Names[random.Next(Names.Length)]).Append('\n');
        b.Append("\n    def forward(self, x: Tensor, mask: Optional[Tensor] = None) -> Tensor:\n        \"\"\"").Append(text.Sentence(4, 9))
            .Append(".\n\n        Returns:\n            Tensor: ").Append(text.Sentence(4, 10)).Append(".\n        \"\"\"\n");
        for (var i = random.Next(4, 12); i > 0; i--)
            b.Append(random.Next(5) == 0 ? "        # " + text.Sentence(3, 9) + "\n" : $"        x = self.proj(x) * {random.Next(1, 9)} + x.mean(dim=-1, keepdim=True)\n");
        b.Append("        return x\n");
    }

    private void CppFunction(StringBuilder b, bool cites)
    {
        b.Append("\n/**\n * ").Append(text.Sentence(6, 14)).Append(".\n * ").Append(text.Sentence(8, 16)).Append(".\n");
        if (cites) b.Append(" * See ").Append(Cite()).Append(".\n");
        b.Append(" */\ntemplate <typename T>\n__device__ void tile_").Append(random.Next(10_000)).Append("(const T* x, T* y, int n) {\n");
        for (var i = random.Next(6, 16); i > 0; i--)
            b.Append(random.Next(6) == 0 ? "    // " + text.Sentence(3, 9) + "\n" : $"    y[i * {random.Next(1, 64)} + j] = x[j] * scale + bias[{random.Next(8)}];\n");
        b.Append("}\n");
    }

    private void Latex(StringBuilder b, bool cites)
    {
        b.Append("\\section{").Append(text.Sentence(2, 5)).Append("}\n").Append(text.Sentence(15, 30)).Append(" \\cite{")
            .Append(text.NextPaper().Key).Append("}. ").Append(text.Sentence(10, 25));
        if (cites) b.Append(" (").Append(Cite()).Append(')');
        b.Append(".\n\\begin{equation}\n  h_t = A h_{t-1} + B x_t\n\\end{equation}\n\n");
    }

    private void Readme(StringBuilder b, int start, int targetBytes, Func<bool> due)
    {
        b.Append("# ").Append(text.Title()).Append("\n\n[![build](https://img.shields.io/badge/build-passing-green.svg)](https://github.com/example/repo/actions)\n\n")
            .Append(text.Sentence(15, 30)).Append(".\n\n## Installation\n\n```bash\npip install -e .\npip install -r requirements.txt\n```\n\n");
        var bibtex = new List<CitedPaper>();
        while (b.Length - start < targetBytes)
        {
            switch (random.Next(12))
            {
                case 0: b.Append("## ").Append(text.Sentence(2, 5)).Append("\n\n"); break;
                case 1: b.Append("| ").Append(Names[random.Next(Names.Length)]).Append(" | ").Append(Number()).Append(" | ").Append(text.Sentence(3, 7)).Append(" |\n"); break;
                case 2:
                    b.Append("```python\n").Append(random.Next(4) == 0 ? "@torch.no_grad()\n" : "").Append("model = Model.from_pretrained(\"example/base\")\nout = model(x)\n```\n\n");
                    break;
                case 3: b.Append("- ").Append(text.Sentence(4, 12)).Append('\n'); break;
                default:
                    b.Append(text.Sentence(12, 30));
                    if (due())
                    {
                        var paper = text.NextPaper();
                        if (random.Next(2) == 0) bibtex.Add(paper);
                        b.Append(" ([").Append(paper.ShortName).Append("](https://arxiv.org/abs/").Append(paper.Id).Append("))");
                    }
                    b.Append(". ").Append(text.Sentence(8, 20)).Append(".\n\n");
                    break;
            }
        }
        if (bibtex.Count == 0) return;
        b.Append("\n## Citation\n\n```\n");
        foreach (var paper in bibtex) text.AppendBibEntry(b, paper);
        b.Append("```\n");
    }

    private void Notebook(StringBuilder b, int start, int targetBytes, Func<bool> due)
    {
        b.Append("{\n \"cells\": [\n");
        var first = true;
        while (b.Length - start < targetBytes)
        {
            if (!first) b.Append(",\n");
            first = false;
            var markdown = random.Next(4) == 0;
            b.Append("  {\n   \"cell_type\": \"").Append(markdown ? "markdown" : "code").Append("\",\n   \"metadata\": {},\n   \"source\": [\n");
            var line = markdown ? "## " + text.Sentence(3, 8) + (due() ? " " + Cite() : "") : "plt.plot(losses[" + random.Next(100) + ":])";
            b.Append("    \"").Append(line.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"\n   ]");
            if (!markdown)
            {
                // A plotted figure: most of a real notebook's bytes are its outputs' base64 images.
                b.Append(",\n   \"execution_count\": ").Append(random.Next(1, 200)).Append(",\n   \"outputs\": [{\"output_type\": \"display_data\", \"data\": {\"image/png\": \"");
                for (var i = random.Next(200, 3000); i > 0; i--) b.Append((char)('A' + random.Next(26))).Append((char)('a' + random.Next(26))).Append((char)('0' + random.Next(10)));
                b.Append("\"}, \"metadata\": {}}]");
            }
            b.Append("\n  }");
        }
        b.Append("\n ],\n \"metadata\": {\"kernelspec\": {\"language\": \"python\", \"name\": \"python3\"}},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
    }

    /// <summary>Entries of journal papers, and among them <paramref name="arxiv"/> in every arXiv layout per ten.</summary>
    private void Bibliography(StringBuilder b, int start, int targetBytes, int arxiv)
    {
        while (b.Length - start < targetBytes)
        {
            if (random.Next(10) < arxiv)
            {
                text.AppendBibEntry(b, text.NextPaper());
                continue;
            }
            var paper = text.NextPaper();
            b.Append("@article{").Append(paper.Key).Append(",\n  title = {").Append(paper.Title).Append("},\n  author = {")
                .Append(paper.FirstAuthor).Append(", A. and Others, B.},\n  journal = {").Append(Venues[random.Next(Venues.Length)])
                .Append("},\n  volume = {").Append(random.Next(1, 60)).Append("},\n  pages = {").Append(random.Next(1, 900)).Append("--")
                .Append(random.Next(900, 999)).Append("},\n  doi = {10.1").Append(random.Next(100, 999)).Append('/').Append(random.Next(100_000))
                .Append("},\n  year = {").Append(paper.Year).Append("}\n}\n\n");
        }
    }
}
