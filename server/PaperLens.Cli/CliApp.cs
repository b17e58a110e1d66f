using System.CommandLine;
using PaperLens.Cli.Commands;
using PaperLens.Core.Catalog;

namespace PaperLens.Cli;

/// <summary>The <c>paperlens</c> command line (spec §5). Exit status: 0 no errors, 1 errors found,
/// 2 usage or I/O failure with a one-line message on stderr naming the cause.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int FindingsFailed = 1;
    public const int Failure = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, ImportFormats.Known);

    /// <summary>Runs with <paramref name="importers"/> as the formats <c>import</c> knows.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, PaperImporters importers)
    {
        var root = new RootCommand("PaperLens: find, look up and check the arXiv papers a research repository cites.")
        {
            CheckCommand.Create(stdout, stderr),
            CitationsCommand.Create(stdout, stderr),
            BibCommand.Create(stdout, stderr),
            ImportCommand.Create(stdout, stderr, importers),
            LookupCommand.Create(stdout),
            LspCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"paperlens: {error.Message}");
            stderr.WriteLine("Run 'paperlens --help' for usage.");
            return Failure;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (UserFacingError.Describe(ex) is { } message)
        {
            stderr.WriteLine($"paperlens: {message}");
            return Failure;
        }
    }
}
