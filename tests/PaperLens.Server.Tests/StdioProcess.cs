using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PaperLens.Core.Catalog;
using PaperLens.Server.Transport;
using PaperLens.Testing;

namespace PaperLens.Server.Tests;

/// <summary>The real <c>paperlens lsp</c> process and a raw LSP client on its stdio. Frames are
/// written by hand, so a test can also send what no well-behaved client would: broken headers,
/// broken JSON, floods of edits. Responses are matched to requests by id; the server's requests
/// (progress creation) are answered as an editor would; notifications are recorded.</summary>
public sealed class StdioProcess : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Stream _input;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly List<JsonObject> _notifications = [];
    private readonly SemaphoreSlim _notified = new(0);
    private readonly StringBuilder _stderr = new();
    private readonly Task _reading;
    private int _nextId;
    private volatile string? _closedReason;

    private StdioProcess(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                // Bounded: a flood of log lines must not exhaust the test's memory.
                if (_stderr.Length < 64 * 1024) _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _reading = Task.Run(() => ReadMessagesAsync(process.StandardOutput.BaseStream));
    }

    /// <param name="arxivApi">Where the server looks papers up (PAPERLENS_ARXIV_API, a loopback server);
    /// offline when null.</param>
    public static StdioProcess Start(TestWorkspace workspace, Uri? arxivApi = null)
    {
        // `lsp --catalog` refuses a file that does not exist (spec §5); the in-process server creates it on first use.
        if (!File.Exists(workspace.CatalogPath)) PaperCatalog.Open(workspace.CatalogPath).Dispose();
        var start = PaperLensExecutable.StartInfo(["lsp", "--catalog", workspace.CatalogPath]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = workspace.Root;
        if (arxivApi is null)
        {
            start.ArgumentList.Add("--offline");
            start.Environment["PAPERLENS_OFFLINE"] = "1";
        }
        else
        {
            start.Environment.Remove("PAPERLENS_OFFLINE");
            start.Environment["PAPERLENS_ARXIV_API"] = arxivApi.AbsoluteUri;
        }
        return new StdioProcess(Process.Start(start) ?? throw new InvalidOperationException("paperlens did not start"));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Every message the server writes, as it is read, before it is matched to a request: for a
    /// client that keeps its own books (the fuzzer sends ids of every kind, and responses nobody asked for).</summary>
    public event Action<JsonObject>? Received;

    /// <summary>What the server wrote to stderr (its log), for failure messages.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    /// <summary>Ids of requests sent that have no response yet.</summary>
    public IReadOnlyCollection<int> Unanswered => _pending.Keys.ToList();

    /// <summary>The server's notifications, and its responses that match no request sent through
    /// <see cref="SendRequest"/> (to frames written raw).</summary>
    public IReadOnlyList<JsonObject> Notifications
    {
        get
        {
            lock (_notifications) return _notifications.ToList();
        }
    }

    /// <summary>How the client answers a request of the server's (a response message without its id, or
    /// null to leave it unanswered); by default it accepts, as an editor does. Tests replace it to answer
    /// as a broken or slow client would.</summary>
    public Func<JsonObject, JsonObject?> AnswerServerRequest { get; set; } = _ => new JsonObject { ["result"] = null };

    public async Task<JsonObject> InitializeAsync(TestWorkspace workspace, JsonObject? capabilities = null)
    {
        var answer = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = DocumentUri.FromPath(workspace.Root),
            ["capabilities"] = capabilities ?? new JsonObject(),
        });
        await NotifyAsync("initialized", new JsonObject());
        return answer;
    }

    /// <summary>Sends a request and waits for its response message (with <c>result</c> or <c>error</c>).</summary>
    public Task<JsonObject> RequestAsync(string method, JsonNode? parameters) => SendRequest(method, parameters).Answer;

    /// <summary>Sends a request without waiting: its id (to cancel it) and its response.</summary>
    public (int Id, Task<JsonObject> Answer) SendRequest(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        if (_closedReason is { } reason) answer.TrySetException(new IOException($"{reason}; server log:\n{Stderr}"));
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null) message["params"] = parameters;
        var sent = WriteAsync([message]);
        return (id, Answered(id, sent, answer.Task));
    }

    private async Task<JsonObject> Answered(int id, Task sent, Task<JsonObject> answer)
    {
        await sent;
        try
        {
            return await answer.WaitAsync(AnswerTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"request {id} got no answer; server log:\n{Stderr}");
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) => WriteAsync([Notification(method, parameters)]);

    public static JsonObject Notification(string method, JsonNode? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null) message["params"] = parameters;
        return message;
    }

    /// <summary>Writes many messages back to back and flushes once, as a fast typist's editor would.</summary>
    public Task WriteAsync(IEnumerable<JsonObject> messages) =>
        WriteRawAsync(messages.SelectMany(m => Frame(Encoding.UTF8.GetBytes(m.ToJsonString()))));

    public static byte[] Frame(byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    public async Task WriteRawAsync(IEnumerable<byte> bytes)
    {
        var buffer = bytes as byte[] ?? bytes.ToArray();
        await _writing.WaitAsync();
        try
        {
            // Bounded: a server that stops reading its input fails the test instead of hanging it.
            await WriteAndFlushAsync(buffer).WaitAsync(AnswerTimeout);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task WriteAndFlushAsync(byte[] buffer)
    {
        await _input.WriteAsync(buffer);
        await _input.FlushAsync();
    }

    /// <summary>Waits for a message that answers none of the requests sent through <see cref="SendRequest"/>:
    /// a notification, or a response whose id is null or not an int (to a frame written raw).</summary>
    public async Task<JsonObject> WaitForMessageAsync(Func<JsonObject, bool> matches)
    {
        var deadline = DateTime.UtcNow + AnswerTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Notifications.FirstOrDefault(matches) is { } message) return message;
            await _notified.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"no matching message; server log:\n{Stderr}");
    }

    /// <summary>Waits for the latest diagnostics published for a document to satisfy a condition.</summary>
    public async Task<JsonObject> WaitForDiagnosticsAsync(string uri, Func<JsonObject, bool> until)
    {
        var deadline = DateTime.UtcNow + AnswerTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var latest = Notifications.LastOrDefault(n =>
                n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && n["params"]!["uri"]!.GetValue<string>() == uri);
            if (latest?["params"] is JsonObject published && until(published)) return published;
            await _notified.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        var seen = string.Join("\n", Notifications.Where(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics")
            .TakeLast(3).Select(n => n.ToJsonString()));
        throw new TimeoutException($"no matching diagnostics for {uri}; the last published:\n{seen}\nserver log:\n{Stderr}");
    }

    /// <summary>Ends the client's side of the pipe, as an editor that quits without shutdown does.</summary>
    public void CloseInput() => _input.Close();

    /// <summary>The end of every robustness test: every request was answered, the server is still
    /// running, and a clean shutdown then exit ends it with code 0.</summary>
    public async Task FinishAsync()
    {
        Assert.False(HasExited, "the server exited:\n" + Stderr);
        var shutdown = await RequestAsync("shutdown", null);
        Assert.True(shutdown["error"] is null, shutdown.ToJsonString());
        Assert.Empty(Unanswered);
        await NotifyAsync("exit", null);
        Assert.Equal(0, await WaitForExitAsync());
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the server did not exit; server log:\n{Stderr}");
        }
        return _process.ExitCode;
    }

    private async Task ReadMessagesAsync(Stream output)
    {
        Exception? failure = null;
        try
        {
            using var buffered = new BufferedStream(output, 64 * 1024);
            while (await ReadFrameAsync(buffered) is { } body)
            {
                if (JsonNode.Parse(body) is JsonObject message) Receive(message);
            }
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or FormatException)
        {
            failure = ex;
        }
        var reason = failure?.Message ?? "the server closed its output";
        _closedReason = reason;
        foreach (var (_, waiting) in _pending) waiting.TrySetException(new IOException($"{reason}; server log:\n{Stderr}"));
    }

    private void Receive(JsonObject message)
    {
        Received?.Invoke(message);
        var isRequestOrNotification = message["method"] is not null;
        if (!isRequestOrNotification && message["id"] is JsonValue idValue && idValue.TryGetValue<int>(out var id))
        {
            if (_pending.TryRemove(id, out var waiting)) waiting.TrySetResult(message);
            return;
        }
        if (isRequestOrNotification && message["id"] is { } serverRequestId)
        {
            if (AnswerServerRequest(message) is not { } response) return;
            response["jsonrpc"] = "2.0";
            response["id"] = serverRequestId.DeepClone();
            _ = WriteAsync([response]);
            return;
        }
        lock (_notifications) _notifications.Add(message);
        _notified.Release();
    }

    /// <summary>One LSP frame's body, or null at the end of the stream.</summary>
    private static async Task<byte[]?> ReadFrameAsync(Stream output)
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await output.ReadAsync(one) == 0) return null;
            header.Append((char)one[0]);
        }
        var length = header.ToString().Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
            .Single();
        var body = new byte[length];
        await output.ReadExactlyAsync(body);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        try
        {
            await _reading.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }
        _process.Dispose();
    }
}
