using PaperLens.Server.Protocol;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Session;

/// <summary>Server-initiated work-done progress ($/progress), when the client supports it. $/progress
/// takes named parameters ({token, value}).</summary>
internal sealed class WorkDoneProgress : IAsyncDisposable
{
    private readonly LanguageServer _server;
    private readonly string? _token;
    private bool _ended;

    private WorkDoneProgress(LanguageServer server, string? token)
    {
        _server = server;
        _token = token;
    }

    public static async Task<WorkDoneProgress> BeginAsync(LanguageServer server, string title, string message)
    {
        if (server.Client?.WorkDoneProgress != true || server.Rpc is not { } rpc) return new WorkDoneProgress(server, null);
        var token = "paperlens/" + Guid.NewGuid().ToString("N");
        try
        {
            await rpc.SendRequestAsync("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token), LspJson.Context.WorkDoneProgressCreateParams, CancellationToken.None).ConfigureAwait(false);
            await rpc.SendNotificationAsync("$/progress", new ProgressParams(token, new WorkDoneProgressBegin(title, message, null)), LspJson.Context.ProgressParams).ConfigureAwait(false);
            return new WorkDoneProgress(server, token);
        }
        catch (Exception ex) when (ex is StreamJsonRpc.RemoteInvocationException or StreamJsonRpc.ConnectionLostException or ObjectDisposedException)
        {
            return new WorkDoneProgress(server, null);
        }
    }

    public async Task EndAsync(string message)
    {
        if (_ended) return;
        _ended = true;
        if (_token is null || _server.Rpc is not { IsDisposed: false } rpc) return;
        await rpc.SendNotificationAsync("$/progress", new ProgressParams(_token, new WorkDoneProgressEnd(message)), LspJson.Context.ProgressParams).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await EndAsync("done").ConfigureAwait(false);
}
