using System.Text;

namespace PaperLens.Benchmarks;

/// <summary>Generates a tree shaped like a real research repository rather than a reading-notes folder: mostly
/// model code with long docstrings, configs and data files no scanner reads, a few long READMEs and docs,
/// notebooks with outputs, and one or two big .bib files. Citations stand in a few percent of the files, a
/// handful in each, as in the repositories of /work/scratch/corpus (the synthetic tree cites in 99%).
/// Deterministic like <see cref="SyntheticRepository"/>, whose marker file it shares.</summary>
internal static class RealLookingRepository
{
    // Kind, weight by file count, size relative to the mean, chance that a file of the kind cites anything.
    private static readonly (string Extension, int Weight, double Size, double Cites)[] Kinds =
    [
        ("py", 40, 1.0, 0.06), ("yaml", 16, 0.15, 0), ("json", 7, 0.6, 0), ("md", 9, 1.6, 0.25), ("txt", 4, 0.4, 0),
        ("sh", 4, 0.2, 0.02), ("cpp", 4, 1.2, 0.04), ("cu", 2, 1.2, 0.1), ("ipynb", 3, 3.0, 0.2), ("csv", 3, 2.0, 0),
        ("bib", 1, 6.0, 1.0), ("tex", 1, 2.0, 0.5),
    ];

    private static readonly string[] Areas =
    [
        "src/models", "src/layers", "src/data", "src/utils", "configs/model", "configs/train", "scripts", "docs",
        "docs/api", "tests", "examples", "notebooks", "csrc", "benchmarks", "paper",
    ];

    public static SyntheticRepository.Summary Generate(string directory, int files, int megabytes, int seed, IReadOnlyList<CitedPaper> seedPapers)
    {
        var marker = Path.Combine(directory, ".paperlens-bench");
        var parameters = $"files={files} megabytes={megabytes} seed={seed} generator=real-1";
        if (File.Exists(marker) && File.ReadAllText(marker) == parameters)
            return new SyntheticRepository.Summary(directory, files, SyntheticRepository.DirectorySize(directory), Reused: true);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);

        var random = new Random(seed);
        var text = new SyntheticText(random, seedPapers);
        var writer = new RealLookingText(random, text);
        var builder = new StringBuilder(256 * 1024);
        var meanBytes = megabytes * 1_000_000.0 / files / Kinds.Sum(k => k.Weight * k.Size) * Kinds.Sum(k => k.Weight);
        var totalWeight = Kinds.Sum(k => k.Weight);
        long bytes = SyntheticRepository.Write(directory, ".gitignore", "checkpoints/\nwandb/\n*.log\n__pycache__/\n");

        for (var i = 0; i < files; i++)
        {
            var (kind, size, cites) = Pick(random, totalWeight);
            var target = (int)(meanBytes * size * (0.2 + 1.6 * random.NextDouble()));
            var citations = random.NextDouble() < cites ? random.Next(1, 4) : 0;
            builder.Clear();
            writer.Append(builder, kind, target, citations);
            var area = random.Next(100) == 0 ? "checkpoints" : Areas[random.Next(Areas.Length)];
            bytes += SyntheticRepository.Write(directory, $"{area}/{Name(random, kind)}-{i:D5}.{kind}", builder.ToString());
        }
        File.WriteAllText(marker, parameters);
        return new SyntheticRepository.Summary(directory, files, bytes, Reused: false);
    }

    private static string Name(Random random, string kind) => kind switch
    {
        "md" => random.Next(3) == 0 ? "README" : "guide",
        "yaml" => "config",
        "ipynb" => "demo",
        "bib" => "references",
        _ => "module",
    };

    private static (string Extension, double Size, double Cites) Pick(Random random, int totalWeight)
    {
        var roll = random.Next(totalWeight);
        foreach (var (extension, weight, size, cites) in Kinds)
        {
            if (roll < weight) return (extension, size, cites);
            roll -= weight;
        }
        return (Kinds[0].Extension, Kinds[0].Size, Kinds[0].Cites);
    }
}
