using System.Diagnostics;
using System.Text.Json.Nodes;
using PaperLens.Core.Text;
using PaperLens.Testing;

namespace PaperLens.Server.Tests;

/// <summary>The editor and <c>paperlens check</c> report the same findings: the real <c>paperlens lsp</c>
/// process is given a generated workspace and a seeded sequence of random edits, and after each round
/// the diagnostics it last pushed for every document (open or not) equal the check's JSON on the same
/// texts written to disk — codes, severities, ranges and messages, cross-file facts included (keys
/// resolved through the .bib, "it is the title of" another cited paper, duplicates), and the findings
/// <c>paperlens-ignore</c> comments hide (spec §5) hidden in both.</summary>
public class EditorAgreesWithCheckTests
{
    private static readonly (string Id, string Title)[] Papers =
    [
        ("2012.07436", "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting"),
        ("1409.3215", "Sequence to Sequence Learning with Neural Networks"),
        ("1506.00019", "A Critical Review of Recurrent Neural Networks for Sequence Learning"),
        ("1511.06391", "Order Matters: Sequence to sequence for sets"),
    ];

    // Besides the catalog's papers: a malformed id (PL001) and one the bundled catalog lacks (PL009).
    private static readonly string[] OtherIds = ["2313.00752", "2312.00752"];

    private static readonly string[] Keys = ["zhou2021", "sutskever2014", "lipton2015", "vinyals2016", "nobody2020"];

    /// <summary>One file of the workspace as the test edits it: a list of pieces (lines, or BibTeX entries)
    /// whose concatenation is the text, so an edit is a piece inserted, removed or changed.</summary>
    private sealed class Document(string path, List<string> pieces)
    {
        public string Path { get; } = path;
        public List<string> Pieces { get; } = pieces;
        public int Version { get; set; } = 1;
        public string Text => string.Concat(Pieces);
        public int Offset(int piece) => Pieces.Take(piece).Sum(p => p.Length);
    }

    [Fact]
    public async Task After_random_edits_the_pushed_diagnostics_equal_the_checks_on_the_final_files()
    {
        var random = new Random(20250610);
        var documents = new[]
        {
            new Document("notes/a.md", ["# Reading\n", Link(0, 0), Quoted(1, 1), "See [@zhou2021] and [@sutskever2014].\n", "[first]: https://arxiv.org/abs/1506.00019\n"]),
            new Document("refs.bib", [Entry("zhou2021", 0, 0), Entry("sutskever2014", 1, 3), Entry("lipton2015", 2, 2)]),
            new Document("src/model.py", ["import torch\n", Comment(3, 3), "# paperlens-ignore\n", Comment(1, 0)]),
        };
        // Never opened: its findings change only through the others (its keys, another paper's title).
        var closed = new Document("notes/b.md", ["As in [@lipton2015; @vinyals2016].\n", "<!-- paperlens-ignore PL003 -->\n", Link(3, 1), "[again]: https://arxiv.org/abs/1506.00019\n"]);
        using var workspace = new TestWorkspace(documents.Append(closed).Select(d => (d.Path, d.Text)).ToArray());
        await using var server = StdioProcess.Start(workspace);
        await server.InitializeAsync(workspace);
        // Answered once the workspace is indexed.
        await server.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "paperlens.checkWorkspace" });
        foreach (var document in documents)
        {
            await server.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["uri"] = workspace.Uri(document.Path),
                    ["languageId"] = "plaintext",
                    ["version"] = document.Version,
                    ["text"] = document.Text,
                },
            });
        }

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 12; i++)
            {
                var document = documents[random.Next(documents.Length)];
                var lines = new LineMap(document.Text);
                var (start, end, newText) = RandomEdit(document, random);
                var (startLine, startColumn) = lines.GetPosition(start);
                var (endLine, endColumn) = lines.GetPosition(end);
                document.Version++;
                await server.NotifyAsync("textDocument/didChange", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri(document.Path), ["version"] = document.Version },
                    ["contentChanges"] = new JsonArray(new JsonObject
                    {
                        ["range"] = new JsonObject
                        {
                            ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startColumn },
                            ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endColumn },
                        },
                        ["text"] = newText,
                    }),
                });
            }
            foreach (var document in documents) workspace.Write(document.Path, document.Text);
            await QuiescentAsync(server);

            var expected = await CheckAsync(workspace);
            foreach (var document in documents.Append(closed))
            {
                var uri = workspace.Uri(document.Path);
                var pushed = server.Notifications.LastOrDefault(n =>
                    n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && n["params"]!["uri"]!.GetValue<string>() == uri);
                var editor = pushed?["params"]!["diagnostics"]!.AsArray().Select(d => Describe(d!)).ToList() ?? [];
                var check = expected.Where(d => d["path"]!.GetValue<string>() == document.Path).Select(d => Describe(d!)).ToList();
                Assert.True(check.SequenceEqual(editor),
                    $"round {round}, {document.Path}:\n{document.Text}\ncheck:\n{string.Join("\n", check)}\neditor:\n{string.Join("\n", editor)}");
            }
        }
    }

    private static string Link(int paper, int title) => $"- [{Papers[title].Title}](https://arxiv.org/abs/{Papers[paper].Id})\n";

    private static string Quoted(int paper, int title) => $"- \"{Papers[title].Title}\" arXiv:{Papers[paper].Id}\n";

    private static string Comment(int paper, int title) => $"# see arXiv:{Papers[paper].Id} \"{Papers[title].Title}\"\n";

    private static string Entry(string key, int paper, int title) =>
        $"@article{{{key},\n  title = {{{Papers[title].Title}}},\n  eprint = {{{Papers[paper].Id}}},\n  archivePrefix = {{arXiv}},\n}}\n";

    /// <summary>One random edit, applied to the document's pieces: a citation line, an ignore comment or an
    /// entry (with one of a few keys) inserted or removed, or a title changed to another paper's. Returns the span of the
    /// text before the edit that it replaced, and the new text.</summary>
    private static (int Start, int End, string NewText) RandomEdit(Document document, Random random)
    {
        int Pick(int n) => random.Next(n);
        var bib = document.Path.EndsWith(".bib", StringComparison.Ordinal);
        var operation = document.Pieces.Count == 0 ? 0 : Pick(3);
        if (operation == 0)
        {
            var at = Pick(document.Pieces.Count + 1);
            var piece = bib
                ? Entry(Keys[Pick(Keys.Length)], Pick(Papers.Length), Pick(Papers.Length))
                : document.Path.EndsWith(".py", StringComparison.Ordinal)
                    ? Pick(5) switch
                    {
                        0 => $"# arXiv:{OtherIds[Pick(OtherIds.Length)]}\n",
                        1 => "# paperlens-ignore PL003\n",
                        _ => Comment(Pick(Papers.Length), Pick(Papers.Length)),
                    }
                    : Pick(7) switch
                    {
                        0 => Link(Pick(Papers.Length), Pick(Papers.Length)),
                        1 => Quoted(Pick(Papers.Length), Pick(Papers.Length)),
                        2 => $"Cited as [@{Keys[Pick(Keys.Length)]}].\n",
                        3 => $"[ref{Pick(3)}]: https://arxiv.org/abs/{Papers[Pick(Papers.Length)].Id}\n",
                        4 => $"Typo arXiv:{OtherIds[Pick(OtherIds.Length)]} here.\n",
                        5 => "<!-- paperlens-ignore -->\n",
                        _ => "Plain prose.\n",
                    };
            var offset = document.Offset(at);
            document.Pieces.Insert(at, piece);
            return (offset, offset, piece);
        }
        var index = Pick(document.Pieces.Count);
        var start = document.Offset(index);
        var old = document.Pieces[index];
        var titled = Papers.Select(p => p.Title).FirstOrDefault(t => old.Contains(t, StringComparison.Ordinal));
        if (operation == 1 || titled is null)
        {
            document.Pieces.RemoveAt(index);
            return (start, start + old.Length, "");
        }
        var title = Papers[Pick(Papers.Length)].Title;
        var within = old.IndexOf(titled, StringComparison.Ordinal);
        document.Pieces[index] = string.Concat(old.AsSpan(0, within), title, old.AsSpan(within + titled.Length));
        return (start + within, start + within + titled.Length, title);
    }

    /// <summary>Waits until every message sent so far has been dispatched (a request answered after
    /// them) and then no diagnostics have been pushed for a second: five debounce periods.</summary>
    private static async Task QuiescentAsync(StdioProcess server)
    {
        await server.RequestAsync("paperlens/status", null);
        int Published() => server.Notifications.Count(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics");
        var count = Published();
        var quietSince = Stopwatch.StartNew();
        var deadline = Stopwatch.StartNew();
        while (quietSince.Elapsed < TimeSpan.FromSeconds(1))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"diagnostics never settled; server log:\n{server.Stderr}");
            await Task.Delay(50);
            if (Published() == count) continue;
            count = Published();
            quietSince.Restart();
        }
    }

    /// <summary><c>paperlens check --format json</c> on the files as they are on disk, with the server's catalog.</summary>
    private static async Task<IReadOnlyList<JsonNode>> CheckAsync(TestWorkspace workspace)
    {
        var start = PaperLensExecutable.StartInfo(["check", "--format", "json", "--offline", "--catalog", workspace.CatalogPath, workspace.Root]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = workspace.Root;
        start.Environment["PAPERLENS_OFFLINE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode is 0 or 1, await stderr);
        return JsonNode.Parse(await stdout)!["diagnostics"]!.AsArray().Select(d => d!).ToList();
    }

    private static readonly string[] SeverityNames = ["", "error", "warning", "information", "hint"];

    /// <summary>A finding in one line, 0-based as LSP counts: from the check's 1-based JSON or an LSP diagnostic.</summary>
    private static string Describe(JsonNode d)
    {
        if (d["range"] is { } range)
        {
            return $"{d["code"]} {SeverityNames[d["severity"]!.GetValue<int>()]} {range["start"]!["line"]}:{range["start"]!["character"]}-" +
                $"{range["end"]!["line"]}:{range["end"]!["character"]} {d["message"]}";
        }
        int N(string name) => d[name]!.GetValue<int>() - 1;
        return $"{d["code"]} {d["severity"]} {N("line")}:{N("column")}-{N("endLine")}:{N("endColumn")} {d["message"]}";
    }
}
