using System.Text;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>Where a message moves the LSP lifecycle: the fuzzer's runner tracks the phase from these, so
/// that what a request may be answered with stays right when the minimiser removes messages.</summary>
public enum Lifecycle { None, Initialize, Initialized, Shutdown, Exit }

/// <summary>The answer a request must get once the server runs (initialized, not shut down): its id as the
/// server must echo it (JSON text), whether a result is right, and which error codes are.</summary>
public sealed record ExpectedAnswer(string Id, string Method, bool ResultAllowed, IReadOnlyList<int> Codes)
{
    /// <summary>A request inside bytes that may never reach the server (a broken frame): answered at most once.</summary>
    public bool Optional { get; init; }

    /// <summary>A check of a result beyond its shape (an abstract file read back): null when it holds,
    /// else what is wrong.</summary>
    public Func<System.Text.Json.Nodes.JsonNode, string?>? Verify { get; init; }
}

/// <summary>One thing the fuzzer writes to the server's stdin (a frame, a flood of frames, or raw bytes that
/// break the framing) and what the oracle may expect of it.</summary>
public sealed record FuzzMessage(string Label, byte[] Bytes)
{
    /// <summary>The answers this message must get, each exactly once; none for notifications, responses, and
    /// messages whose id LSP does not allow (their answers are counted in <see cref="NullIdAnswersAllowed"/>).</summary>
    public IReadOnlyList<ExpectedAnswer> Answers { get; init; } = [];

    /// <summary>Bodies that are not JSON: each must be answered by a ParseError whose id is null (JSON-RPC §5).</summary>
    public int ParseErrorsRequired { get; init; }

    /// <summary>How many answers with a null id this message may draw (an invalid request whose id cannot
    /// be read, a body that is not JSON).</summary>
    public int NullIdAnswersAllowed { get; init; }

    /// <summary>An LSP-invalid id (1.5, 2^63): the request must be refused with InvalidRequest, under that id or null.</summary>
    public string? InvalidId { get; init; }

    /// <summary>The framing is broken (a wrong Content-Length, stray bytes): what follows in the batch may be
    /// lost, but the server must find the next frames again.</summary>
    public bool BreaksFraming { get; init; }

    /// <summary>The id (JSON text) of an earlier request this message cancels: that one may end in RequestCancelled.</summary>
    public string? Cancels { get; init; }

    /// <summary>How many JSON-RPC messages the bytes hold (a flood or a burst holds many), for the budget.</summary>
    public int Count { get; init; } = 1;

    public Lifecycle Lifecycle { get; init; }

    /// <summary>Workspace folders added and removed (absolute paths), for the runner's model of the folders.</summary>
    public IReadOnlyList<string> FoldersAdded { get; init; } = [];

    public IReadOnlyList<string> FoldersRemoved { get; init; } = [];

    /// <summary>The message as a test can paste it: its label and its bytes, escaped, cut if long.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var b in Bytes.Take(600))
        {
            text.Append(b switch
            {
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                (byte)'\\' => "\\\\",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }
        if (Bytes.Length > 600) text.Append($"… ({Bytes.Length} bytes)");
        return $"{Label}: {text}";
    }
}
