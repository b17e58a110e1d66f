using System.Text.Json.Nodes;
using CsCheck;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>The paranoid edit check (marksman's paranoid mode, made a test): a seeded stream of random
/// incremental edits goes to one real server, and every few edits its view of the document (the findings a
/// pull returns, the links, the title hints) must equal what a fresh server shows for the client's text,
/// opened whole. A lost or misplaced edit shows as a difference; the failure gives the seed and the one
/// didChange that makes it, with the text it applied to.</summary>
public class EditFuzzTests
{
    private const int EditsBetweenChecks = 20;

    private const string InitialText =
        "# Reading\n\nSurvey arXiv:2404.16112 is long.\r\nInformer arXiv:2012.07436 🙂 too.\rA typo arXiv:2313.00752 here.\n";

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-8")]
    public async Task After_random_edits_the_servers_view_equals_a_fresh_servers_on_the_final_text(string encoding)
    {
        var utf8 = encoding == "utf-8";
        var budget = FuzzBudget.FromEnvironment();
        var random = new PCG(utf8 ? 1u : 0u, budget.Seed);
        using var editedWorkspace = new TestWorkspace();
        using var freshWorkspace = new TestWorkspace();
        await using var edited = await StartAsync(editedWorkspace, utf8);
        await using var fresh = await StartAsync(freshWorkspace, utf8);
        var document = new EditedDocument(editedWorkspace.Uri("notes.md"), InitialText, utf8);
        await edited.WriteRawAsync(Frames.Frame(document.Open()));
        var since = new List<(string Before, string DidChange, string After)>();

        for (var edit = 1; edit <= budget.Messages / 6; edit++)
        {
            var before = document.Text;
            var didChange = document.Edit(random, (int)random.Next(3) + 1);
            since.Add((before, didChange, document.Text));
            await edited.WriteRawAsync(Frames.Frame(didChange));
            if (edit % EditsBetweenChecks != 0) continue;
            var (expected, actual) = (await FreshView(fresh, freshWorkspace, document.Text), await View(edited, editedWorkspace, document.Uri));
            if (expected != actual) Assert.Fail(await DivergenceReport(budget, encoding, editedWorkspace, fresh, freshWorkspace, utf8, since, expected, actual));
            since.Clear();
        }
    }

    private static async Task<StdioProcess> StartAsync(TestWorkspace workspace, bool utf8)
    {
        var server = StdioProcess.Start(workspace);
        var answer = await server.RequestAsync("initialize", new JsonObject
        {
            ["rootUri"] = DocumentUri.FromPath(workspace.Root),
            ["capabilities"] = new JsonObject
            {
                ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray(utf8 ? "utf-8" : "utf-16") },
                ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject() },
            },
        });
        Assert.Equal(utf8 ? "utf-8" : "utf-16", answer["result"]?["capabilities"]?["positionEncoding"]?.GetValue<string>());
        await server.NotifyAsync("initialized", new JsonObject());
        return server;
    }

    /// <summary>A fresh view: the text opened whole, in place of what the fresh server had.</summary>
    private static async Task<string> FreshView(StdioProcess fresh, TestWorkspace workspace, string text)
    {
        var uri = workspace.Uri("notes.md");
        await fresh.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        await fresh.WriteRawAsync(Frames.Frame(EditedDocument.Open(uri, 1, text)));
        return await View(fresh, workspace, uri);
    }

    /// <summary>What the server shows of the document, with the workspace's own URI taken out.</summary>
    private static async Task<string> View(StdioProcess server, TestWorkspace workspace, string uri)
    {
        var document = new JsonObject { ["uri"] = uri };
        var findings = await server.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = document.DeepClone() });
        var links = await server.RequestAsync("textDocument/documentLink", new JsonObject { ["textDocument"] = document.DeepClone() });
        var hints = await server.RequestAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = document.DeepClone(),
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 },
                ["end"] = new JsonObject { ["line"] = 1_000_000, ["character"] = 0 },
            },
        });
        JsonNode? Shown(JsonObject answer) => (answer["result"] ?? answer["error"])?.DeepClone();
        var view = new JsonObject { ["findings"] = findings["result"]?["items"]?.DeepClone() ?? Shown(findings), ["links"] = Shown(links), ["hints"] = Shown(hints) };
        return view.ToJsonString().Replace(DocumentUri.FromPath(workspace.Root), "ROOT", StringComparison.Ordinal);
    }

    /// <summary>Finds the one edit since the last agreeing check that makes a server that had the text before
    /// it disagree with a fresh one; without one, reports them all.</summary>
    private static async Task<string> DivergenceReport(FuzzBudget budget, string encoding, TestWorkspace workspace, StdioProcess fresh, TestWorkspace freshWorkspace,
        bool utf8, List<(string Before, string DidChange, string After)> since, string expected, string actual)
    {
        var rerun = $"PAPERLENS_FUZZ_SEED={budget.Seed} PAPERLENS_FUZZ_MESSAGES={budget.Messages} dotnet test tests/PaperLens.Server.Tests -c Release --filter \"After_random_edits_the_servers_view&DisplayName~{encoding}\"";
        foreach (var (before, didChange, after) in since)
        {
            await using var replay = await StartAsync(workspace, utf8);
            var uri = workspace.Uri("notes.md");
            await replay.WriteRawAsync(Frames.Frame(EditedDocument.Open(uri, 1, before)));
            await replay.WriteRawAsync(Frames.Frame(didChange));
            var (wanted, got) = (await FreshView(fresh, freshWorkspace, after), await View(replay, workspace, uri));
            if (wanted != got)
                return $"one edit ({encoding}) leaves the server's view unlike a fresh server's on the same text\nrun again: {rerun}\n" +
                    $"text before: {Frames.Quote(before)}\ndidChange: {didChange}\ntext after: {Frames.Quote(after)}\nfresh server: {wanted}\nedited server: {got}";
        }
        return $"after {since.Count} edits ({encoding}) the server's view is unlike a fresh server's, and no one edit alone makes it\nrun again: {rerun}\n" +
            $"edits:\n{string.Join("\n", since.Select(s => s.DidChange))}\nfresh server: {expected}\nedited server: {actual}";
    }
}
