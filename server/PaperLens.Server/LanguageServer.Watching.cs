using PaperLens.Core.Config;
using PaperLens.Core.Workspace;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;
using StreamJsonRpc;

namespace PaperLens.Server;

// Files changed on disk behind the editor's back (a git checkout, a .bib exported by a reference
// manager, a new .paperlens.json): the client watches them when it lets the server register watchers,
// otherwise the server watches the workspace folders itself. Either way the changes arrive here.
public sealed partial class LanguageServer
{
    // Long enough to take an editor's save (a temporary file, then a rename) or a checkout as one batch.
    private static readonly TimeSpan WatchDelay = TimeSpan.FromMilliseconds(200);

    private WorkspaceWatcher? _watcher;

    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request) =>
        FilesChanged(request.Changes.Select(change => DocumentUri.ToPath(change.Uri)).OfType<string>());

    /// <summary>After <c>initialized</c> (a server may not send requests before it): watchers registered
    /// with the client, or the server's own.</summary>
    private void WatchFiles()
    {
        if (_client?.WatchedFilesRegistration == true) _ = RegisterWatchersAsync();
        else WatchOnDisk();
    }

    private async Task RegisterWatchersAsync()
    {
        if (_rpc is not { IsDisposed: false } rpc) return;
        var watchers = WatchedFiles.Globs.Select(glob => new Protocol.FileSystemWatcher(glob)).ToList();
        var registration = new Registration("paperlens/watchedFiles", "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers));
        try
        {
            await rpc.SendRequestAsync("client/registerCapability", new RegistrationParams([registration]), LspJson.Context.RegistrationParams, _lifetime.Token).ConfigureAwait(false);
        }
        catch (RemoteInvocationException ex)
        {
            // The client declared the capability but refused the watchers: changes on disk must still arrive.
            Log(2, $"the client did not register file watchers ({ex.Message}): watching the workspace folders instead");
            await Dispatch(WatchOnDisk).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or OperationCanceledException)
        {
            Log(3, $"client/registerCapability not done: {ex.Message}");
        }
    }

    private void WatchOnDisk()
    {
        if (_shutdownRequested) return;
        _watcher = new WorkspaceWatcher(paths => _ = Dispatch(() => FilesChanged(paths)), Log, WatchDelay);
        foreach (var root in _roots) _watcher.Watch(root);
    }

    /// <summary>Files of the workspace folders changed on disk: a closed document is read again (an open
    /// one's text is the editor's), the settings file is applied like the client's settings, and a
    /// .gitignore change rereads the folders. Folders the walk never enters (.git, node_modules, bin…)
    /// are none of the workspace's.</summary>
    private void FilesChanged(IEnumerable<string> paths)
    {
        if (_settings is null || _shutdownRequested) return;
        var settingsChanged = false;
        var ignoresChanged = false;
        foreach (var path in paths)
        {
            if (_roots.FirstOrDefault(root => WorkspaceFolders.IsInside(path, root)) is not { } root || WorkspaceScanner.InSkippedFolder(root, path)) continue;
            switch (Path.GetFileName(path))
            {
                // Only the first folder's settings file is read (ServerSettings.Resolve).
                case PaperLensConfig.FileName:
                    settingsChanged |= Path.GetDirectoryName(path) == _roots[0];
                    break;
                case WatchedFiles.GitIgnore:
                    ignoresChanged = true;
                    break;
                default:
                    if (_index.Get(path) is not { Text: not null }) Update(ReadFromDisk(path), path);
                    break;
            }
        }
        var reread = settingsChanged && ApplySettings(_clientSettings);
        if (ignoresChanged && !reread) Reindex();
    }

    /// <summary>Reads the workspace folders again: what the walk lets in has changed.</summary>
    private void Reindex() => Indexing = IndexWorkspaceAsync(_roots.Distinct().ToList(), fresh: true);
}
