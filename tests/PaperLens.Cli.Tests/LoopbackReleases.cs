using System.Collections.Concurrent;
using System.Net;
using PaperLens.Testing;

namespace PaperLens.Cli.Tests;

/// <summary>Stands in for GitHub's web and API hosts on 127.0.0.1 (HttpListener, a free port): serves the
/// files it is given by path, 404 for anything else, and records every path asked for.</summary>
public sealed class LoopbackReleases : IDisposable
{
    private readonly HttpListener listener;
    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> requested = new();
    private readonly Task serving;

    public LoopbackReleases()
    {
        (listener, BaseUrl) = LoopbackListener.Start();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash, as GITHUB_SERVER_URL is written.</summary>
    public string BaseUrl { get; }

    public IReadOnlyList<string> Requested => requested.ToList();

    public void Serve(string path, byte[] content) => files[path] = content;

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            requested.Enqueue(path);
            using var response = context.Response;
            if (files.TryGetValue(path, out var content))
                await response.OutputStream.WriteAsync(content);
            else
                response.StatusCode = 404;
        }
    }

    public void Dispose()
    {
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(10));
    }
}
