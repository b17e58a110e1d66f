using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PaperLens.Benchmarks;

/// <summary>Issue 14, "editor under load": how long one typed character costs in a 5,000-line Markdown note
/// open inside the indexed tree, until the editor has the note's diagnostics for it. A character is typed
/// at the start of a prose line in the middle of the note, then deleted again, each its own didChange;
/// the clock runs from sending the change to the answer of a <c>textDocument/diagnostic</c> request (a
/// pulling editor: the server's own time) or to the <c>publishDiagnostics</c> of that version (a pushing
/// editor: the server's debounce included).</summary>
internal sealed class EditLatency
{
    public const int NoteLines = 5000;
    private const int WarmUps = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly LspStdioClient _client;
    private readonly string _uri;
    private readonly int _line;
    private int _version = 1;
    private bool _typed;

    private EditLatency(LspStdioClient client, string uri, int line)
    {
        _client = client;
        _uri = uri;
        _line = line;
    }

    /// <summary>A seeded note of exactly <see cref="NoteLines"/> lines, written as the tree's Markdown notes are.</summary>
    public static string Note(int seed, IReadOnlyList<CitedPaper> papers)
    {
        var text = new SyntheticText(new Random(seed), papers);
        var builder = new StringBuilder();
        while (builder.ToString().Count(c => c == '\n') < NoteLines) text.AppendMarkdown(builder, 64 * 1024);
        return string.Concat(builder.ToString().Split('\n').Take(NoteLines).Select(line => line + "\n"));
    }

    /// <summary>Opens the note and waits until the server answers for it (in a pushing session: until its
    /// first publication, after the tree's own).</summary>
    public static async Task<EditLatency> OpenAsync(LspStdioClient client, string path, string note, bool pushed)
    {
        var uri = new Uri(path).AbsoluteUri;
        var lines = note.Split('\n');
        // A prose line halfway down: what a user types into most of the time.
        var line = Enumerable.Range(lines.Length / 2, lines.Length / 2).First(i => lines[i].Length > 40 && char.IsAsciiLetterUpper(lines[i][0]) && !lines[i].Contains("arxiv", StringComparison.OrdinalIgnoreCase));
        var latency = new EditLatency(client, uri, line);
        var published = pushed ? latency.Published(1) : null;
        await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "markdown", version = 1, text = note } });
        if (published is not null) await published.WaitAsync(Timeout);
        else await latency.PullAsync();
        return latency;
    }

    /// <summary>Edits until <paramref name="runs"/> are timed or the timed ones took <paramref name="budget"/>
    /// (the whole-workspace check of a build before incremental checks takes seconds per edit).</summary>
    /// <returns>The latencies, and how many other documents were published meanwhile.</returns>
    public async Task<(Latency Latency, int OthersPublished)> MeasureAsync(bool pushed, int runs, TimeSpan budget)
    {
        var others = 0;
        void CountOthers(string method, JsonElement parameters)
        {
            if (method == "textDocument/publishDiagnostics" && parameters.GetProperty("uri").GetString() != _uri) Interlocked.Increment(ref others);
        }
        for (var i = 0; i < WarmUps; i++) await EditAsync(pushed);
        _client.Notification += CountOthers;
        var times = new List<double>(runs);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < runs && (i == 0 || total.Elapsed < budget); i++) times.Add(await EditAsync(pushed));
        _client.Notification -= CountOthers;
        return (new Latency(times), others);
    }

    private async Task<double> EditAsync(bool pushed)
    {
        _version++;
        var published = pushed ? Published(_version) : null;
        var change = _typed
            ? new { range = Range(0, 1), text = "" }
            : new { range = Range(0, 0), text = "x" };
        _typed = !_typed;
        var clock = Stopwatch.StartNew();
        await _client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = _uri, version = _version }, contentChanges = new[] { change } });
        if (published is not null) await published.WaitAsync(Timeout);
        else await PullAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    private Task<JsonElement> PullAsync() =>
        _client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = _uri } }, Timeout);

    private object Range(int start, int end) => new
    {
        start = new { line = _line, character = start },
        end = new { line = _line, character = end },
    };

    /// <summary>Completes when the note's diagnostics of <paramref name="version"/> are published.</summary>
    private Task Published(int version)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNotification(string method, JsonElement parameters)
        {
            if (method != "textDocument/publishDiagnostics" || parameters.GetProperty("uri").GetString() != _uri
                || !parameters.TryGetProperty("version", out var published) || published.ValueKind != JsonValueKind.Number
                || published.GetInt32() != version) return;
            _client.Notification -= OnNotification;
            done.TrySetResult();
        }
        _client.Notification += OnNotification;
        return done.Task;
    }
}
