using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests;

/// <summary>initialize answers with the capabilities the dispatch table's rows advertise, and only
/// those the client can use.</summary>
public class DispatchTableTests
{
    [Fact]
    public async Task Initialize_advertises_each_rows_capability_and_pull_diagnostics_only_to_a_client_that_pulls()
    {
        await using var push = await LspTestClient.StartAsync(new TestWorkspace());
        await using var pull = await LspTestClient.StartAsync(new TestWorkspace(), JsonNode.Parse("""{ "textDocument": { "diagnostic": {} } }""")!.AsObject());

        var advertised = JsonNode.Parse(push.InitializeResult.GetProperty("capabilities").GetRawText())!.ToJsonString();
        Assert.Equal(
            """{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2,"save":false},"notebookDocumentSync":{"notebookSelector":[{"notebook":"jupyter-notebook"}]},"hoverProvider":true,"definitionProvider":true,"referencesProvider":true,"completionProvider":{"triggerCharacters":[":","@","[","{"],"resolveProvider":true},"documentLinkProvider":{"resolveProvider":false},"workspaceSymbolProvider":true,"inlayHintProvider":true,"codeActionProvider":{"codeActionKinds":["quickfix","refactor","refactor.rewrite"]},"executeCommandProvider":{"commands":["paperlens.checkWorkspace","paperlens.addToBibliography"]},"workspace":{"workspaceFolders":{"supported":true,"changeNotifications":true}}}""",
            advertised);
        Assert.True(pull.InitializeResult.GetProperty("capabilities").TryGetProperty("diagnosticProvider", out _));
    }
}
