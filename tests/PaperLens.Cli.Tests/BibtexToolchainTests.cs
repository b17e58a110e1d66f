using System.Diagnostics;
using PaperLens.Testing;

namespace PaperLens.Cli.Tests;

/// <summary>A fact that needs a program on PATH, skipped with the reason when it is absent.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool, string package)
    {
        if (!BibtexToolchainTests.OnPath(tool)) Skip = $"{tool} is not installed (Debian: apt-get install --no-install-recommends {package}; ./test.sh installs it)";
    }
}

/// <summary>What <c>paperlens bib</c> writes, read by a real BibTeX toolchain: Debian's <c>bibtex</c>
/// (texlive-binaries) on a minimal document with a style of our own (no TeX Live styles needed), and
/// <c>biber --tool</c> validating against biblatex's data model. The papers include one whose title and
/// authors hold every character that can break an entry.</summary>
public sealed class BibtexToolchainTests
{
    private const string Hostile = "Schr\\\"odinger {unbalanced: 100% of #1 & x_1 @misc{x, costs $5 ^ 2 } and \\";

    // Writes each entry's key, title and first author as BibTeX reads them (BibTeX breaks long output
    // lines, so entries are told apart by the brackets around the key).
    private const string Style = """
        ENTRY { title author year eprint } {} {}
        FUNCTION {misc} { "<<" cite$ * ">> " * write$ title write$ " | " write$ author #1 "{ff~}{vv~}{ll}{, jj}" format.name$ write$ newline$ }
        FUNCTION {online} { misc }
        FUNCTION {default.type} { misc }
        READ
        ITERATE {call.type$}
        """;

    public static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static (TempRepo Repo, string Bib) Written(string style)
    {
        using var server = new LoopbackArxivServer();
        server.AddPaper("2401.00001", Hostile, authors: ["Zoë {Ødegaard", "Jean-Luc O'Neil & Sons"], published: new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var repo = new TempRepo();
        var online = new Dictionary<string, string?> { ["PAPERLENS_OFFLINE"] = null, ["PAPERLENS_ARXIV_API"] = server.ApiBase.ToString() };
        var cited = PaperLensProcess.Run(repo.Catalog, "bib", "--cited", BibCommandTests.ExampleRoot(), "--style", style);
        var hostile = PaperLensProcess.Run(repo.Catalog, online, "bib", "2401.00001", "--style", style);
        Assert.Equal(0, hostile.ExitCode);
        return (repo, repo.Write("refs.bib", cited.Stdout + "\n" + hostile.Stdout));
    }

    private static (int ExitCode, string Output) RunTool(string directory, string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        // kpathsea searches the current directory for .bib and .bst files through these.
        start.Environment["BIBINPUTS"] = ".";
        start.Environment["BSTINPUTS"] = ".";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"{tool} did not finish");
        return (process.ExitCode, output.Result + error.Result);
    }

    [ToolFact("bibtex", "texlive-binaries")]
    public void Bibtex_reads_every_entry_without_an_error_or_warning()
    {
        var (repo, bib) = Written("bibtex");
        using var _ = repo;
        File.WriteAllText(Path.Combine(repo.Root, "mini.bst"), Style);
        File.WriteAllText(Path.Combine(repo.Root, "doc.aux"), "\\citation{*}\n\\bibdata{refs}\n\\bibstyle{mini}\n");

        var (exitCode, output) = RunTool(repo.Root, "bibtex", "doc");

        Assert.True(exitCode == 0, output);
        var read = string.Join(' ', File.ReadAllText(Path.Combine(repo.Root, "doc.bbl")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(File.ReadAllText(bib).Split("\n@").Length, read.Split("<<").Length - 1);
        Assert.Contains("<<sutskever2014seq2seq>> Sequence to Sequence Learning with Neural Networks | Ilya Sutskever", read, StringComparison.Ordinal);
        var hostile = @"<<odegaard2024schrodinger>> Schr\""odinger \textbraceleft{}unbalanced: 100\% of \#1 \& x\_1 @misc{x, costs \$5 \^{} 2 } and \textbackslash{} | Zoë \textbraceleft{}Ødegaard";
        Assert.True(read.Contains(hostile, StringComparison.Ordinal), read[read.IndexOf("<<odegaard", StringComparison.Ordinal)..]);
    }

    [ToolFact("biber", "biber")]
    public void Biber_reads_and_validates_every_entry_against_biblatexs_data_model()
    {
        foreach (var style in new[] { "bibtex", "biblatex" })
        {
            var (repo, bib) = Written(style);
            using var _ = repo;

            var (exitCode, output) = RunTool(repo.Root, "biber", "--tool", "--validate-datamodel", bib);

            Assert.True(exitCode == 0, output);
            Assert.DoesNotContain("WARN", output, StringComparison.Ordinal);
            Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
            var reread = File.ReadAllText(Path.Combine(repo.Root, "refs_bibertool.bib"));
            Assert.Contains("2401.00001", reread, StringComparison.Ordinal);
        }
    }
}
