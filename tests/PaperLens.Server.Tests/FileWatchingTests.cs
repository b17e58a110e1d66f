using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

/// <summary>Files changed on disk reach the server whatever the client: a client that supports dynamic
/// registration is asked to watch them, any other is stood in for by the server's own watcher.</summary>
public class FileWatchingTests
{
    private const string Draft = "---\nbibliography: refs.bib\n---\nAs shown [@gu2023].\n";
    private const string ResolvingBib = "@article{gu2023, title = {Mamba-360}, eprint = {2404.16112}, archivePrefix = {arXiv}}\n";

    private static bool HasCode(System.Text.Json.JsonElement diagnostics, string code) =>
        diagnostics.EnumerateArray().Any(d => d.GetProperty("code").GetString() == code);

    [Fact]
    public async Task A_client_with_dynamic_registration_is_asked_to_watch_the_scanned_files_the_settings_and_gitignore()
    {
        var capabilities = JsonNode.Parse("""{ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }""")!.AsObject();
        await using var client = await LspTestClient.StartAsync(new TestWorkspace(), capabilities);

        var request = await client.WaitForAsync("client/registerCapability");

        var registration = Assert.Single(request!["registrations"]!.AsArray())!;
        Assert.Equal("workspace/didChangeWatchedFiles", registration["method"]!.GetValue<string>());
        var globs = registration["registerOptions"]!["watchers"]!.AsArray().Select(w => w!["globPattern"]!.GetValue<string>()).ToList();
        Assert.Equal(2, globs.Count);
        Assert.StartsWith("**/*.{", globs[0]);
        var extensions = globs[0]["**/*.{".Length..^1].Split(',');
        foreach (var extension in new[] { "md", "MD", "markdown", "mdx", "qmd", "rmd", "Rmd", "bib", "ipynb", "py", "R", "tex" })
            Assert.Contains(extension, extensions);
        Assert.Contains(".paperlens.json", globs[1]);
        Assert.Contains(".gitignore", globs[1]);
        Assert.Contains("Makefile", globs[1]);
    }

    [Fact]
    public async Task Without_dynamic_registration_the_server_watches_the_workspace_and_a_bib_changed_on_disk_updates_diagnostics()
    {
        var workspace = new TestWorkspace(("refs.bib", "@article{other, title = {Other}}\n"));
        await using var client = await LspTestClient.StartAsync(workspace);
        await client.OpenAsync("draft.md", Draft);
        var draft = workspace.Uri("draft.md");
        await client.WaitForDiagnosticsAsync(draft, d => HasCode(d, "PL008"));

        // Written behind the editor's back, and no workspace/didChangeWatchedFiles from the client.
        workspace.Write("refs.bib", ResolvingBib);

        await client.WaitForDiagnosticsAsync(draft, d => !HasCode(d, "PL008"));
        Assert.DoesNotContain(client.Notifications, n => n.Method == "client/registerCapability");
    }
}
