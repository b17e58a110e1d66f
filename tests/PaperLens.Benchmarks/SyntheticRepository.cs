using System.Text;

namespace PaperLens.Benchmarks;

/// <summary>Generates the benchmark's research repository: about <c>files</c> files totalling about
/// <c>megabytes</c> MB of Markdown notes, code in several languages, .bib files and notebooks, spread
/// over a realistic folder tree, plus a .gitignore'd folder both tools must skip. Deterministic: a
/// marker file records the parameters, and an existing tree with the same marker is reused.</summary>
internal static class SyntheticRepository
{
    private static readonly (string Extension, int Weight)[] Kinds =
    [
        ("md", 40), ("py", 16), ("cu", 5), ("cpp", 8), ("ts", 8), ("rs", 7), ("go", 7), ("java", 3), ("bib", 4), ("ipynb", 2),
    ];

    private static readonly string[] Areas =
    [
        "notes", "notes/reading", "notes/ideas", "papers", "experiments", "src/models", "src/kernels", "src/data",
        "src/eval", "web/src", "tools", "docs", "bib", "notebooks",
    ];

    public sealed record Summary(string Path, int Files, long Bytes, bool Reused);

    public static Summary Generate(string directory, int files, int megabytes, int seed, IReadOnlyList<CitedPaper> seedPapers)
    {
        var marker = Path.Combine(directory, ".paperlens-bench");
        var parameters = $"files={files} megabytes={megabytes} seed={seed} generator=1";
        if (File.Exists(marker) && File.ReadAllText(marker) == parameters)
            return new Summary(directory, files, DirectorySize(directory), Reused: true);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);

        var random = new Random(seed);
        var text = new SyntheticText(random, seedPapers);
        var builder = new StringBuilder(256 * 1024);
        var meanBytes = (int)(megabytes * 1_000_000L / files);
        var totalWeight = Kinds.Sum(k => k.Weight);
        long bytes = 0;

        bytes += Write(directory, ".gitignore", "checkpoints/\n*.log\n");
        builder.Clear();
        foreach (var paper in seedPapers) text.AppendBibEntry(builder, paper);
        bytes += Write(directory, "references.bib", builder.ToString());

        for (var i = 0; i < files; i++)
        {
            var kind = Pick(random, totalWeight);
            // Sizes from 10% to 190% of the mean: a few short stubs, a few long notes.
            var target = (int)(meanBytes * (0.1 + 1.8 * random.NextDouble()));
            builder.Clear();
            switch (kind)
            {
                case "md": text.AppendMarkdown(builder, target); break;
                case "bib": text.AppendBibliography(builder, target); break;
                case "ipynb": text.AppendNotebook(builder, target); break;
                default: text.AppendCode(builder, kind, target); break;
            }
            // One file in a hundred lands in the ignored folder: neither tool may read it.
            var area = random.Next(100) == 0 ? "checkpoints" : Areas[random.Next(Areas.Length)];
            var folder = $"{area}/part{random.Next(8):D2}";
            bytes += Write(directory, $"{folder}/{kind}-{i:D5}.{kind}", builder.ToString());
        }
        File.WriteAllText(marker, parameters);
        return new Summary(directory, files, bytes, Reused: false);
    }

    private static string Pick(Random random, int totalWeight)
    {
        var roll = random.Next(totalWeight);
        foreach (var (extension, weight) in Kinds)
        {
            if (roll < weight) return extension;
            roll -= weight;
        }
        return Kinds[0].Extension;
    }

    internal static long Write(string root, string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(path, bytes);
        return bytes.Length;
    }

    internal static long DirectorySize(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
