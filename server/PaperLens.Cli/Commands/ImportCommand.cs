using System.CommandLine;
using Humanizer;
using PaperLens.Core.Catalog;
using PaperLens.Metadata;

namespace PaperLens.Cli.Commands;

/// <summary><c>paperlens import FILE...</c>: arXiv snapshot files into the catalog, with progress on
/// stderr (<see cref="ImportProgressDisplay"/>) so that stdout stays a clean record of what was imported.
/// An import that was killed or interrupted continues where it stopped when run again.</summary>
public static class ImportCommand
{
    private const int ListedFailures = 10;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = "arXiv metadata snapshot files (.jsonl or .json, optionally .gz), .bib files, or saved arXiv API responses (Atom .xml).", Arity = ArgumentArity.OneOrMore };
        var catalog = CommonOptions.Catalog();
        var command = new Command("import", "Add arXiv metadata to the catalog.") { files, catalog };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            foreach (var path in paths)
                if (!File.Exists(path)) throw new CliException($"no such file: {Path.GetFullPath(path)}");

            using var papers = PaperCatalog.Open(parse.GetValue(catalog) ?? CatalogPaths.Default());
            var importer = new SnapshotImporter(papers);
            var status = CliApp.Ok;
            foreach (var path in paths)
            {
                if (Path.GetExtension(path).Equals(".bib", StringComparison.OrdinalIgnoreCase))
                {
                    var (counts, entries, problems) = BibtexImporter.Import(papers, path);
                    stdout.WriteLine($"{path}: {"entry".ToQuantity(entries)} read, {counts.Inserted} new, {counts.Updated} updated, {counts.Unchanged} unchanged (arXiv's own records are kept)");
                    foreach (var (line, message) in problems.Take(ListedFailures)) stderr.WriteLine($"{path}:{line}: {message}");
                    if (problems.Count > 0 && status == CliApp.Ok) status = CliApp.FindingsFailed;
                    continue;
                }
                var result = Path.GetExtension(path).Equals(".xml", StringComparison.OrdinalIgnoreCase)
                    ? AtomFileImporter.Import(papers, path)
                    : ImportProgressDisplay.Run(stderr, Path.GetFileName(path), progress => importer.Import(path, progress));
                var rate = result.Elapsed.TotalSeconds > 0 ? result.Read / result.Elapsed.TotalSeconds : 0;
                var resumed = result.ResumedAfter > 0 ? $" after line {result.ResumedAfter}, where an interrupted import stopped" : "";
                stdout.WriteLine($"{path}: {"record".ToQuantity(result.Read)} read{resumed}, {result.Inserted} new, {result.Updated} updated, " +
                                 $"{result.Unchanged} unchanged, {result.Failed} failed ({result.Elapsed.TotalSeconds:0.0} s, {rate:0} records/s)");
                foreach (var failure in result.Failures.Take(ListedFailures))
                    stderr.WriteLine($"{path}:{failure.Line}: {failure.Reason}");
                if (result.Failed > ListedFailures) stderr.WriteLine($"{path}: … and {result.Failed - ListedFailures} more failed lines");
                if (result.Error is not null)
                {
                    stderr.WriteLine($"paperlens: {result.Error}");
                    status = CliApp.Failure;
                }
                else if (result.Failed > 0 && status == CliApp.Ok)
                {
                    status = CliApp.FindingsFailed;
                }
            }
            stdout.WriteLine($"catalog {papers.Path}: {"paper".ToQuantity(papers.Count())}");
            return status;
        });
        return command;
    }
}
