using System.CommandLine;
using Humanizer;
using PaperLens.Core.Catalog;

namespace PaperLens.Cli.Commands;

/// <summary><c>paperlens import FILE...</c>: files of any format the <see cref="PaperImporters"/> know into
/// the catalog, with progress on stderr (<see cref="ImportProgressDisplay"/>) so that stdout stays a clean
/// record of what was imported. An import that was killed or interrupted continues where it stopped when run again.</summary>
public static class ImportCommand
{
    private const int ListedFailures = 10;

    public static Command Create(TextWriter stdout, TextWriter stderr, PaperImporters importers)
    {
        var files = new Argument<string[]>("FILE") { Description = $"Files to import: {importers.Formats}.", Arity = ArgumentArity.OneOrMore };
        var catalog = CommonOptions.Catalog();
        var command = new Command("import", "Add arXiv metadata to the catalog.") { files, catalog };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            foreach (var path in paths)
                if (!File.Exists(path)) throw new CliException($"no such file: {Path.GetFullPath(path)}");
            // Every file's format is known before the catalog is touched: a typo in the last argument
            // stops the command before it imports the first.
            var imports = paths.Select(path => (Path: path, Importer: importers.For(path))).ToList();

            using var papers = PaperCatalog.Open(parse.GetValue(catalog) ?? CatalogPaths.Default());
            var status = CliApp.Ok;
            foreach (var (path, importer) in imports)
            {
                var result = ImportProgressDisplay.Run(stderr, Path.GetFileName(path), progress => importer.Import(papers, path, progress));
                stdout.WriteLine(Summary(path, result));
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

    private static string Summary(string path, ImportResult result)
    {
        var rate = result.Elapsed.TotalSeconds > 0 ? result.Read / result.Elapsed.TotalSeconds : 0;
        var resumed = result.ResumedAfter > 0 ? $" after line {result.ResumedAfter}, where an interrupted import stopped" : "";
        var note = result.Note is null ? "" : $" ({result.Note})";
        return $"{path}: {result.Unit.ToQuantity(result.Read)} read{resumed}, {result.Inserted} new, {result.Updated} updated, " +
               $"{result.Unchanged} unchanged{note}, {result.Failed} failed ({result.Elapsed.TotalSeconds:0.0} s, {rate:0} {result.Unit.Pluralize()}/s)";
    }
}
