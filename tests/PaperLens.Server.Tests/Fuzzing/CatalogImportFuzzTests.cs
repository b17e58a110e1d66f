using System.Diagnostics;
using System.Text.Json.Nodes;
using CsCheck;
using PaperLens.Testing;
using static PaperLens.Testing.NumberedPapers;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>Two editors' servers on one catalog file while <c>paperlens import</c> writes a snapshot into it:
/// a seeded stream of hovers, completions, searches and workspace checks goes to both the whole time. Every
/// one is answered without an error (no "database is locked" reaches the user), both servers stay up, the
/// import completes, and afterwards both find the papers it added.</summary>
public class CatalogImportFuzzTests
{
    private const int Papers = 12_000;
    private const string Informer = "Informer: Beyond Efficient Transformer";
    private const int MinRequests = 20;
    private const int MaxImports = 20;

    [Fact]
    public async Task Two_servers_on_one_catalog_keep_answering_while_an_import_writes_to_it()
    {
        var budget = FuzzBudget.FromEnvironment();
        var random = new PCG(2, budget.Seed);
        using var workspace = new TestWorkspace(("a.md", $"Informer arXiv:2012.07436\nNew arXiv:{Id(1)} and arXiv:{Id(Papers)}\n"));
        var snapshot = Path.Combine(Path.GetDirectoryName(workspace.Root)!, "snapshot.jsonl");
        using (var writer = File.CreateText(snapshot)) Write(writer, Papers);
        await using var first = await StartAsync(workspace);
        await using var second = await StartAsync(workspace);
        var uri = workspace.Uri("a.md");

        // The native import of these papers can end within a few requests: it is run again (rewriting the same
        // records) until enough requests were answered while an import was writing.
        var answered = 0;
        for (var imports = 0; answered < MinRequests && imports < MaxImports; imports++)
        {
            using var import = Import(workspace.CatalogPath, snapshot);
            while (!import.HasExited)
            {
                var server = random.Next(2) == 0 ? first : second;
                var (method, parameters, check) = Request(uri, (int)random.Next(5), (int)random.Next(Papers) + 1);
                var answer = await server.RequestAsync(method, parameters);
                Assert.True(answer["error"] is null, $"{method} during the import: {answer.ToJsonString()}\nserver log:\n{server.Stderr}");
                Assert.True(check(answer["result"]), $"{method} during the import: {answer.ToJsonString()}");
                answered++;
            }
            Assert.True(import.ExitCode == 0, $"the import failed: {await import.StandardError.ReadToEndAsync()}");
        }

        Assert.True(answered >= MinRequests, $"only {answered} requests ran during {MaxImports} imports");
        foreach (var server in new[] { first, second })
        {
            Assert.False(server.HasExited, server.Stderr);
            var found = await server.RequestAsync("paperlens/searchPapers", new JsonObject { ["query"] = UniqueWord(Papers) });
            Assert.Equal(Id(Papers), found["result"]?[0]?["id"]?.GetValue<string>());
        }
    }

    /// <summary>One of the reads an editor makes, and what its result must be whatever the import has written.</summary>
    private static (string Method, JsonObject Params, Func<JsonNode?, bool> Check) Request(string uri, int kind, int paper) => kind switch
    {
        0 => ("textDocument/hover", At(uri, 0, 12), result => result?["contents"]?["value"]?.GetValue<string>().Contains(Informer, StringComparison.Ordinal) == true),
        1 => ("textDocument/hover", At(uri, 1, 12), _ => true),
        2 => ("textDocument/completion", At(uri, 1, 3), result => result?["items"] is JsonArray),
        3 => ("paperlens/searchPapers", new JsonObject { ["query"] = UniqueWord(paper) }, result => result is JsonArray { Count: <= 1 }),
        _ => ("workspace/executeCommand", new JsonObject { ["command"] = "paperlens.checkWorkspace" }, result => result is not null),
    };

    private static async Task<StdioProcess> StartAsync(TestWorkspace workspace)
    {
        var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri("a.md"), ["languageId"] = "markdown", ["version"] = 1, ["text"] = File.ReadAllText(Path.Combine(workspace.Root, "a.md")) },
        });
        return server;
    }

    private static Process Import(string catalog, string snapshot)
    {
        var start = PaperLensExecutable.StartInfo(["import", "--catalog", catalog, snapshot]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        // Read as it is written, or a full pipe would stop the import.
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };
}
