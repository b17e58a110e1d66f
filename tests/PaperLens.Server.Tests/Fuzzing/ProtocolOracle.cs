using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>What went wrong, in two parts: a signature (the kind of failure and the method, stable across
/// runs, which the minimiser keeps while it removes messages) and the detail a person reads.</summary>
public sealed record FuzzFailure(string Signature, string Detail);

/// <summary>Runs batches of fuzz messages against a fresh <c>paperlens lsp</c> process and judges every answer:
/// the process stays alive; every request with a valid id is answered exactly once, with a result or a
/// JSON-RPC error of a code that fits (InvalidParams for params of the wrong type, ServerNotInitialized
/// before initialize, InvalidRequest after shutdown…) and no stack trace or source path; bodies that are not
/// JSON draw a ParseError with a null id; after each batch a sentinel request is answered (after a broken
/// frame too: the server finds the next frame); the workspace status counts the files of the folders the
/// client added and did not remove; and after shutdown and exit the process ends with code 0.</summary>
public sealed partial class ProtocolOracle : IAsyncDisposable
{
    private const int InvalidRequest = -32600;
    private const int ServerNotInitialized = -32002;
    private const int RequestCancelled = -32800;
    private const int ContentModified = -32801;
    private const int ServerCancelled = -32802;

    private enum Phase { BeforeInitialize, Running, ShutDown }

    private sealed class Pending(ExpectedAnswer answer, IReadOnlyList<int> codes, bool resultAllowed, bool optional)
    {
        public ExpectedAnswer Answer { get; } = answer;
        public IReadOnlyList<int> Codes { get; } = codes;
        public bool ResultAllowed { get; } = resultAllowed;
        public bool Optional { get; set; } = optional;
        public bool Cancelled { get; set; }
        public bool IsInvalidId { get; init; }
        public JsonObject? Response { get; set; }
    }

    private readonly FuzzWorld _world;
    private readonly StdioProcess _server;
    private readonly TimeSpan _timeout;
    private readonly ConcurrentQueue<JsonObject> _inbox = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Dictionary<string, Pending> _expected = [];
    private readonly List<JsonObject> _nullIdAnswers = [];
    // A list, not a set: a folder the client names twice stays the workspace's until it is removed twice.
    private readonly List<string> _folders = [];
    private Phase _phase = Phase.BeforeInitialize;
    private bool _shutdownAnswered;
    private int _nullIdAllowed;
    private int _parseErrorsRequired;
    private int _sentinels;

    private ProtocolOracle(FuzzWorld world, StdioProcess server, TimeSpan timeout)
    {
        (_world, _server, _timeout) = (world, server, timeout);
        server.Received += message =>
        {
            _inbox.Enqueue(message);
            _arrived.Release();
        };
    }

    /// <summary>Runs the batches on a fresh server; the first failure, or null.</summary>
    public static async Task<FuzzFailure?> RunAsync(FuzzWorld world, IReadOnlyList<IReadOnlyList<FuzzMessage>> batches, TimeSpan timeout)
    {
        await using var oracle = new ProtocolOracle(world, StdioProcess.Start(world.Workspace), timeout);
        try
        {
            foreach (var batch in batches)
            {
                if (await oracle.RunBatchAsync(batch) is { } failure) return failure;
            }
            return null;
        }
        catch (FailureException failure)
        {
            return failure.Failure;
        }
    }

    private async Task<FuzzFailure?> RunBatchAsync(IReadOnlyList<FuzzMessage> batch)
    {
        var folderChanged = false;
        var broken = false;
        var bytes = new List<byte>();
        foreach (var message in batch)
        {
            if (message.Lifecycle == Lifecycle.Exit) return await ExitAsync(bytes);
            var phase = _phase;
            foreach (var answer in message.Answers) Expect(answer, message.Lifecycle, optional: broken || answer.Optional);
            if (message.InvalidId is { } invalidId)
            {
                var pending = new Pending(new ExpectedAnswer(invalidId, "(invalid id)", false, [InvalidRequest]), [InvalidRequest, ServerNotInitialized], false, true) { IsInvalidId = true };
                _expected[invalidId] = pending;
            }
            if (message.Lifecycle == Lifecycle.Initialize && phase == Phase.BeforeInitialize) _folders.AddRange(message.FoldersAdded);
            if (message.Cancels is { } cancelled && _expected.TryGetValue(cancelled, out var target)) target.Cancelled = true;
            if (_phase == Phase.Running && (message.FoldersAdded.Count > 0 || message.FoldersRemoved.Count > 0) && message.Lifecycle == Lifecycle.None)
            {
                foreach (var removed in message.FoldersRemoved) _folders.Remove(removed);
                _folders.AddRange(message.FoldersAdded);
                folderChanged = true;
            }
            _nullIdAllowed += message.NullIdAnswersAllowed;
            if (!broken) _parseErrorsRequired += message.ParseErrorsRequired;
            broken |= message.BreaksFraming;
            bytes.AddRange(message.Bytes);
        }
        await WriteAsync(bytes);
        await SentinelAsync(broken);
        await AllAnsweredAsync();
        if (folderChanged) await FoldersCountedAsync();
        CheckNullIdAnswers();
        return null;
    }

    private void Expect(ExpectedAnswer answer, Lifecycle lifecycle, bool optional)
    {
        var (resultAllowed, codes) = (lifecycle, _phase) switch
        {
            (Lifecycle.Initialize, Phase.BeforeInitialize) => (true, answer.Codes),
            (Lifecycle.Shutdown, Phase.Running) => (true, answer.Codes),
            (_, Phase.BeforeInitialize) => (false, answer.ResultAllowed ? [ServerNotInitialized] : [ServerNotInitialized, .. answer.Codes]),
            (_, Phase.ShutDown) => (false, answer.ResultAllowed ? [InvalidRequest] : [InvalidRequest, .. answer.Codes]),
            _ => (answer.ResultAllowed, answer.Codes),
        };
        if (answer.Optional) (resultAllowed, codes) = (true, [.. codes, ServerNotInitialized, InvalidRequest]);
        _expected[answer.Id] = new Pending(answer, codes, resultAllowed, optional);
        _phase = (lifecycle, _phase) switch
        {
            (Lifecycle.Initialize, Phase.BeforeInitialize) => Phase.Running,
            (Lifecycle.Shutdown, Phase.Running) => Phase.ShutDown,
            _ => _phase,
        };
    }

    private async Task WriteAsync(List<byte> bytes)
    {
        try
        {
            await _server.WriteRawAsync(bytes.ToArray()).WaitAsync(_timeout);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or ObjectDisposedException)
        {
            throw Crash($"writing to the server failed: {ex.Message}");
        }
    }

    /// <summary>A request after the batch must be answered: the server read everything and still listens.
    /// After a broken frame, the server may lose a sentinel too, but it must answer one of three.</summary>
    private async Task SentinelAsync(bool broken)
    {
        for (var attempt = 0; attempt < (broken ? 3 : 1); attempt++)
        {
            var id = $"sentinel-{++_sentinels}";
            var answer = new ExpectedAnswer(Frames.IdText(id), "paperlens/status", true, []);
            Expect(answer, Lifecycle.None, optional: true);
            await WriteAsync([.. Frames.Frame(Frames.Request(id, "paperlens/status", null))]);
            if (await ReceiveUntilAsync(() => _expected[answer.Id].Response is not null, _timeout)) return;
        }
        if (_server.HasExited) throw Crash("the server exited");
        throw new FailureException(new FuzzFailure("deaf", $"the server answers no request after this batch; server log:\n{Tail(_server.Stderr)}"));
    }

    private async Task AllAnsweredAsync()
    {
        if (await ReceiveUntilAsync(() => _expected.Values.All(p => p.Optional || p.Response is not null), _timeout)) return;
        if (_server.HasExited) throw Crash("the server exited");
        var missing = _expected.Values.First(p => !p.Optional && p.Response is null);
        throw new FailureException(new FuzzFailure($"unanswered {missing.Answer.Method}", $"request {missing.Answer.Id} ({missing.Answer.Method}) got no answer in {_timeout.TotalSeconds} s"));
    }

    private async Task FoldersCountedAsync()
    {
        var expected = _world.FilesIn(_folders);
        JsonObject? status = null;
        var deadline = DateTime.UtcNow + _timeout;
        while (DateTime.UtcNow < deadline)
        {
            var id = $"status-{++_sentinels}";
            var answer = new ExpectedAnswer(Frames.IdText(id), "paperlens/status", true, []);
            Expect(answer, Lifecycle.None, optional: true);
            await WriteAsync([.. Frames.Frame(Frames.Request(id, "paperlens/status", null))]);
            await ReceiveUntilAsync(() => _expected[answer.Id].Response is not null, _timeout);
            status = _expected[answer.Id].Response?["result"] as JsonObject;
            if (status?["indexing"]?.GetValue<bool>() == false && status["files"]?.GetValue<int>() == expected) return;
            await Task.Delay(100);
        }
        if (_server.HasExited) throw Crash("the server exited");
        throw new FailureException(new FuzzFailure("workspace folders",
            $"with the folders {string.Join(", ", _folders.Distinct().Select(Path.GetFileName))} the status is {status?.ToJsonString() ?? "unanswered"}, expected {expected} files, indexing done"));
    }

    /// <summary>ParseErrors (null id) for the bodies that are not JSON, and no more answers with a null id
    /// than messages whose id the server could not read.</summary>
    private void CheckNullIdAnswers()
    {
        var parseErrors = _nullIdAnswers.Count(a => a["error"]?["code"]?.GetValue<int>() == -32700);
        var unechoed = _expected.Values.Count(p => p.IsInvalidId && p.Response is null);
        if (parseErrors < _parseErrorsRequired)
            throw new FailureException(new FuzzFailure("no ParseError", $"{_parseErrorsRequired} bodies that are not JSON drew {parseErrors} ParseError answers with a null id"));
        if (_nullIdAnswers.Count > _nullIdAllowed)
            throw new FailureException(new FuzzFailure("answer with a null id", $"{_nullIdAnswers.Count} answers with a null id, at most {_nullIdAllowed} expected: {_nullIdAnswers[^1].ToJsonString()}"));
        if (_phase == Phase.Running && unechoed > 0 && _nullIdAnswers.Count(a => a["error"]?["code"]?.GetValue<int>() == InvalidRequest) < unechoed)
        {
            var first = _expected.Values.First(p => p.IsInvalidId && p.Response is null);
            throw new FailureException(new FuzzFailure("invalid id unanswered", $"the request with id {first.Answer.Id} (not an LSP id) got no InvalidRequest answer"));
        }
    }

    private async Task<FuzzFailure?> ExitAsync(List<byte> before)
    {
        await WriteAsync([.. before, .. Frames.Frame(Frames.Notification("exit", null))]);
        int code;
        try
        {
            code = await _server.WaitForExitAsync().WaitAsync(_timeout);
        }
        catch (TimeoutException)
        {
            return new FuzzFailure("no exit", "the server did not exit after the exit notification");
        }
        var expected = _shutdownAnswered ? 0 : 1;
        return code == expected ? null : new FuzzFailure("exit code", $"exit code {code} after exit, expected {expected}; server log:\n{Tail(_server.Stderr)}");
    }

    /// <summary>Reads answers until the condition holds or the time is up; judges each answer as it comes.</summary>
    private async Task<bool> ReceiveUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            while (_inbox.TryDequeue(out var message)) Judge(message);
            if (condition()) return true;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _server.HasExited && _inbox.IsEmpty) return false;
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    private void Judge(JsonObject message)
    {
        if (message.ContainsKey("method")) return;
        var id = message["id"];
        if (id is null)
        {
            _nullIdAnswers.Add(message);
            CheckError(message, "(null id)");
            return;
        }
        var idText = Frames.IdText(id);
        if (!_expected.TryGetValue(idText, out var pending))
            throw new FailureException(new FuzzFailure("answer to an id never sent", $"an answer to id {idText}, which no request had: {Cut(message.ToJsonString())}"));
        if (pending.Response is not null)
            throw new FailureException(new FuzzFailure($"answered twice {pending.Answer.Method}", $"id {idText} answered twice: {Cut(pending.Response.ToJsonString())} and {Cut(message.ToJsonString())}"));
        pending.Response = message;
        if (pending.Answer.Method == "shutdown" && message["error"] is null) _shutdownAnswered = true;
        var method = pending.Answer.Method;
        CheckError(message, method);
        if (message["error"] is JsonObject error)
        {
            var code = error["code"]!.GetValue<int>();
            var allowed = pending.Codes.Concat(pending.ResultAllowed ? [ContentModified, ServerCancelled] : []).Concat(pending.Cancelled ? [RequestCancelled] : []);
            if (!allowed.Contains(code))
                throw new FailureException(new FuzzFailure($"error {code} for {method}", $"id {idText} ({method}) answered with error {code}, expected {(pending.ResultAllowed ? "a result or " : "")}{string.Join(" or ", pending.Codes)}: {Cut(message.ToJsonString())}"));
        }
        else if (!pending.ResultAllowed)
        {
            throw new FailureException(new FuzzFailure($"result for {method}", $"id {idText} ({method}) answered with a result, expected error {string.Join(" or ", pending.Codes)}: {Cut(message.ToJsonString())}"));
        }
        else if (pending.Answer.Verify is { } verify && message["result"] is { } result && verify(result) is { } problem)
        {
            throw new FailureException(new FuzzFailure($"wrong result for {method}", $"id {idText} ({method}): {problem}"));
        }
    }

    /// <summary>An error object is what JSON-RPC says (an integer code, a message) and tells nothing of the
    /// server's insides: no stack trace, source path or .NET type.</summary>
    private static void CheckError(JsonObject message, string method)
    {
        if (message["error"] is not { } error) return;
        if (error is not JsonObject || error["code"] is not JsonValue code || !code.TryGetValue<int>(out _) || error["message"] is not JsonValue text || !text.TryGetValue<string>(out _))
            throw new FailureException(new FuzzFailure($"malformed error for {method}", $"not a JSON-RPC error object: {Cut(message.ToJsonString())}"));
        if (Internals().IsMatch(error.ToJsonString()))
            throw new FailureException(new FuzzFailure($"internals in the error of {method}", $"the error shows the server's insides: {Cut(error.ToJsonString())}"));
    }

    [GeneratedRegex(@"\bat [\w.`<>]+\(|\.cs:line \d+|""stack""|System\.[A-Z]\w*Exception|PaperLens\.Server\.|StreamJsonRpc")]
    private static partial Regex Internals();

    private FailureException Crash(string what) =>
        new(new FuzzFailure("crash", $"{what}; server log:\n{Tail(_server.Stderr)}"));

    private static string Tail(string log) => log.Length > 3000 ? "…" + log[^3000..] : log;

    private static string Cut(string text) => text.Length > 500 ? text[..500] + "…" : text;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed class FailureException(FuzzFailure failure) : Exception(failure.Detail)
    {
        public FuzzFailure Failure { get; } = failure;
    }
}
