using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PaperLens.Benchmarks;

/// <summary>A minimal LSP client over the stdio of a real <c>paperlens lsp</c> process: Content-Length
/// framing and System.Text.Json, nothing else, so the benchmark measures the server and the pipe, not
/// a client library. Server requests (progress tokens, configuration, registrations) are answered at
/// once; notifications go to <see cref="Notification"/>.</summary>
internal sealed class LspStdioClient : IAsyncDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly StringBuilder _standardError = new();
    private readonly Task _reader;
    private int _nextId;

    private LspStdioClient(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_standardError)
            {
                // Only the tail matters when the server fails; a long run must not grow without bound.
                if (_standardError.Length > 64 * 1024) _standardError.Remove(0, 32 * 1024);
                _standardError.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Called on the reader thread for every server notification (method, params).</summary>
    public event Action<string, JsonElement>? Notification;

    public int ProcessId => _process.Id;

    public string StandardErrorTail
    {
        get
        {
            lock (_standardError) return _standardError.ToString();
        }
    }

    /// <summary>Starts <c>dotnet paperlens.dll lsp --catalog FILE --offline</c>.</summary>
    public static LspStdioClient Start(string dll, string catalog, string workingDirectory) =>
        Start(["dotnet", dll], catalog, workingDirectory);

    /// <summary>Starts <c>lsp --catalog FILE --offline</c> with the paperlens that <paramref name="command"/>
    /// runs (the native binary, or <c>dotnet paperlens.dll</c>).</summary>
    public static LspStdioClient Start(IReadOnlyList<string> command, string catalog, string workingDirectory)
    {
        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1).Concat(["lsp", "--catalog", catalog, "--offline"])) info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new BenchmarkException($"cannot start {string.Join(' ', command)} lsp");
        return new LspStdioClient(process);
    }

    public async Task<JsonElement> RequestAsync(string method, object? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await WriteAsync(new { jsonrpc = "2.0", id, method, @params = parameters }).ConfigureAwait(false);
        try
        {
            return await reply.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _pending.TryRemove(id, out _);
            throw new BenchmarkException($"no reply to {method} within {timeout.TotalSeconds:F0} s; server log:\n{StandardErrorTail}");
        }
    }

    public Task NotifyAsync(string method, object? parameters) =>
        WriteAsync(new { jsonrpc = "2.0", method, @params = parameters });

    /// <summary>shutdown and exit, bounded; the process is killed if it does not leave in time.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await RequestAsync("shutdown", null, ExitTimeout).ConfigureAwait(false);
                await NotifyAsync("exit", null).ConfigureAwait(false);
                await _process.WaitForExitAsync().WaitAsync(ExitTimeout).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is BenchmarkException or TimeoutException or IOException)
        {
            // A server that does not shut down cleanly is still stopped below.
        }
        finally
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _reader.WaitAsync(ExitTimeout).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            _process.Dispose();
            _writeLock.Dispose();
        }
    }

    private async Task WriteAsync(object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(header).ConfigureAwait(false);
            await _input.WriteAsync(body).ConfigureAwait(false);
            await _input.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var reader = new BufferedStream(_output, 64 * 1024);
        try
        {
            while (await ReadFrameAsync(reader).ConfigureAwait(false) is { } body)
            {
                using var document = JsonDocument.Parse(body);
                await HandleAsync(document.RootElement.Clone()).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // The pipe closed under us: the server exited.
        }
        foreach (var pending in _pending.Values)
            pending.TrySetException(new BenchmarkException($"the server exited; its log:\n{StandardErrorTail}"));
    }

    private async Task HandleAsync(JsonElement message)
    {
        var hasId = message.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null;
        var hasMethod = message.TryGetProperty("method", out var method);
        var parameters = message.TryGetProperty("params", out var p) ? p : default;
        if (hasId && hasMethod)
        {
            await WriteAsync(new { jsonrpc = "2.0", id, result = AnswerTo(method.GetString(), parameters) }).ConfigureAwait(false);
        }
        else if (hasId)
        {
            if (id.ValueKind != JsonValueKind.Number || !_pending.TryRemove(id.GetInt32(), out var reply)) return;
            if (message.TryGetProperty("error", out var error))
                reply.TrySetException(new BenchmarkException($"server error: {error.GetRawText()}"));
            else
                reply.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
        }
        else if (hasMethod)
        {
            Notification?.Invoke(method.GetString() ?? "", parameters);
        }
    }

    /// <summary>What an editor with no settings answers: workspace/configuration gets one null per
    /// item; progress creation and registrations get a null result.</summary>
    private static object? AnswerTo(string? method, JsonElement parameters) =>
        method == "workspace/configuration"
        && parameters.ValueKind == JsonValueKind.Object
        && parameters.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? new object?[items.GetArrayLength()]
            : null;

    /// <returns>The body of the next frame, or null at the end of the stream.</returns>
    private static async Task<byte[]?> ReadFrameAsync(Stream stream)
    {
        var length = -1;
        var line = new StringBuilder();
        var single = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(single).ConfigureAwait(false) == 0) return null;
            if (single[0] != '\n')
            {
                if (single[0] != '\r') line.Append((char)single[0]);
                continue;
            }
            if (line.Length == 0)
            {
                if (length >= 0) break;
                continue;
            }
            var text = line.ToString();
            line.Clear();
            const string ContentLength = "Content-Length:";
            if (text.StartsWith(ContentLength, StringComparison.OrdinalIgnoreCase))
                length = int.Parse(text.AsSpan(ContentLength.Length).Trim(), CultureInfo.InvariantCulture);
        }
        var body = new byte[length];
        await stream.ReadExactlyAsync(body).ConfigureAwait(false);
        return body;
    }
}
