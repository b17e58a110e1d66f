using System.CommandLine;
using PaperLens.Server;

namespace PaperLens.Cli.Commands;

/// <summary><c>paperlens lsp</c>: the language server on stdin/stdout; the log goes to stderr.</summary>
public static class LspCommand
{
    public static Command Create()
    {
        var catalog = CommonOptions.Catalog();
        var offline = CommonOptions.Offline();
        var stdio = new Option<bool>("--stdio") { Description = "Accepted for clients that pass it; stdio is the only transport.", Hidden = true };
        var command = new Command("lsp", "Run the language server on stdin/stdout.") { catalog, offline, stdio };
        command.SetAction(parse =>
        {
            // Before the client names its workspace and settings, only the command line and the environment
            // can be checked; the server then picks the catalog among all of them as before.
            CatalogChoice.Resolve(parse.GetValue(catalog), configured: null);
            var options = new LanguageServerOptions
            {
                CatalogPath = parse.GetValue(catalog),
                Offline = parse.GetValue(offline) || Environment.GetEnvironmentVariable("PAPERLENS_OFFLINE") is "1" or "true",
            };
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return LanguageServerHost.RunAsync(input, output, options).GetAwaiter().GetResult();
        });
        return command;
    }
}
