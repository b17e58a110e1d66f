using System.Net;
using System.Net.Sockets;

namespace PaperLens.Testing;

/// <summary>An HttpListener on 127.0.0.1 at a port the system chose free, for the loopback servers the
/// tests serve recorded responses from.</summary>
public static class LoopbackListener
{
    /// <returns>The started listener and its base address, <c>http://127.0.0.1:PORT</c>.</returns>
    public static (HttpListener Listener, string BaseAddress) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var candidate = new HttpListener();
            candidate.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                candidate.Start();
                return (candidate, $"http://127.0.0.1:{port}");
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Another process took the port between the probe and the bind: try another one.
                candidate.Close();
            }
        }
    }
}
