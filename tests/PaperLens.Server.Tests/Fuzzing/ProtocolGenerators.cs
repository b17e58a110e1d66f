using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>A message still to be given its serial number (unique in the episode, so every id is) and the
/// messages before it in its batch (a cancellation names one of them).</summary>
public delegate FuzzMessage Draft(int serial, IReadOnlyList<FuzzMessage> earlier);

/// <summary>CsCheck generators of what a client, a broken plugin or a hostile peer writes to the server:
/// LSP requests with hostile but well-typed params, params of the wrong type or missing, unknown methods,
/// ids of every JSON type, notifications, cancellations, responses nobody asked for, bodies that are not
/// JSON, and raw framing faults. Each knows what the server must answer.</summary>
public sealed class ProtocolGenerators(FuzzWorld world, IReadOnlySet<string> without)
{
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int MethodNotFound = -32601;
    private const int InvalidParams = -32602;
    private const int RequestFailed = -32803;

    private static readonly string[] PaperIds = ["2012.07436", "2404.16112", "1409.3215", "2313.00752", "2312.00752", "hep-th/9901001", "", "../../etc/passwd", "2012.07436v99", "x\u0000y"];

    private static readonly string[] PositionMethods =
        ["textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion", "paperlens/abstractAt"];

    /// <summary>Text a hostile client puts in strings: empty, Unicode of every width, control characters,
    /// Markdown and HTML, very long, and a lone surrogate.</summary>
    private static readonly Gen<string> HostileString = Gen.Frequency(
        (4, Gen.String[Gen.Char.AlphaNumeric, 0, 12]),
        (2, Gen.String),
        (1, Gen.OneOfConst("", " ", "arXiv:2012.07436", "<script>alert(1)</script>", "[x](javascript:1)", "🙂🙂", "e\u0301", "\u202E", "\0", "%00", "\r\n", Frames.LoneSurrogate + "x")),
        (1, Gen.Int[1_000, 200_000].Select(n => new string('a', n))));

    private static readonly Gen<int> Coordinate = Gen.Frequency(
        (6, Gen.Int[0, 4]),
        (3, Gen.Int[0, 300]),
        (1, Gen.OneOfConst(-1, int.MinValue, int.MaxValue, 1 << 30)));

    private Gen<string> Uri => Gen.OneOfConst([.. world.Documents]);

    private Gen<JsonObject> Position => Gen.Select(Coordinate, Coordinate, (line, character) => new JsonObject { ["line"] = line, ["character"] = character });

    private Gen<JsonObject> Range => Gen.Select(Position, Position, (start, end) => new JsonObject { ["start"] = start, ["end"] = end });

    private Gen<JsonObject> Document => Uri.Select(uri => new JsonObject { ["uri"] = uri });

    /// <summary>A request LSP allows, with params of the right types and hostile values: method, params,
    /// and the paths to its typed members (for mutations) and to the members it cannot do without.</summary>
    private Gen<(string Method, JsonObject? Params, string[] Typed, string[] Required)> WellTypedRequest => Gen.OneOf(
        Gen.Select(Gen.OneOfConst(PositionMethods), Document, Position, Gen.Bool, (method, document, position, include) =>
        {
            var parameters = new JsonObject { ["textDocument"] = document, ["position"] = position };
            if (method == "textDocument/references") parameters["context"] = new JsonObject { ["includeDeclaration"] = include };
            if (method == "textDocument/completion" && include) parameters["context"] = new JsonObject { ["triggerKind"] = 2, ["triggerCharacter"] = ":" };
            return (method, (JsonObject?)parameters, new[] { "textDocument", "textDocument.uri", "position", "position.line", "position.character" },
                new[] { "textDocument", "textDocument.uri", "position" });
        }),
        Gen.Select(Gen.OneOfConst("textDocument/documentLink", "textDocument/diagnostic"), Document, (method, document) =>
            (method, (JsonObject?)new JsonObject { ["textDocument"] = document }, new[] { "textDocument", "textDocument.uri" }, new[] { "textDocument", "textDocument.uri" })),
        Gen.Select(Document, Range, (document, range) =>
            ("textDocument/inlayHint", (JsonObject?)new JsonObject { ["textDocument"] = document, ["range"] = range },
                new[] { "textDocument", "range", "range.start", "range.end.line" }, new[] { "textDocument", "range" })),
        Gen.Select(Document, Range, (document, range) =>
            ("textDocument/codeAction", (JsonObject?)new JsonObject { ["textDocument"] = document, ["range"] = range, ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() } },
                new[] { "textDocument", "range", "context", "context.diagnostics" }, new[] { "textDocument", "range" })),
        HostileString.Select(query => ("workspace/symbol", (JsonObject?)new JsonObject { ["query"] = query }, new[] { "query" }, Array.Empty<string>())),
        Gen.Select(HostileString, Gen.OneOfConst(-5, 0, 1, 20, int.MaxValue), (query, limit) =>
            ("paperlens/searchPapers", (JsonObject?)new JsonObject { ["query"] = query, ["limit"] = limit }, new[] { "query", "limit" }, Array.Empty<string>())),
        Gen.OneOfConst(PaperIds).Select(id => ("paperlens/abstract", (JsonObject?)new JsonObject { ["id"] = id }, new[] { "id" }, new[] { "id" })),
        HostileString.Select(label => ("completionItem/resolve", (JsonObject?)new JsonObject { ["label"] = label, ["data"] = new JsonObject { ["id"] = "2012.07436" } },
            new[] { "label" }, new[] { "label" })),
        Gen.Const(("paperlens/status", (JsonObject?)null, Array.Empty<string>(), Array.Empty<string>())),
        Gen.Const(("workspace/executeCommand", (JsonObject?)new JsonObject { ["command"] = "paperlens.checkWorkspace" }, new[] { "command" }, new[] { "command" })));

    /// <summary>Ids LSP allows (integer or string), unique by serial: small, negative, beyond 2^53, Unicode.</summary>
    private static readonly Gen<Func<int, JsonNode>> ValidId = Gen.OneOfConst<Func<int, JsonNode>>(
        serial => serial,
        serial => -serial,
        serial => 9_007_199_254_740_993L + serial,
        serial => $"{serial}",
        serial => $"req-{serial}-🙂",
        serial => $"{serial}\u00e9\u0000\"");

    /// <summary>Numeric ids LSP does not allow, which the server must still refuse with an answer.</summary>
    private static readonly Gen<Func<int, JsonNode>> InvalidNumericId = Gen.OneOfConst<Func<int, JsonNode>>(
        serial => serial + 0.5,
        serial => 9_223_372_036_854_775_808UL + (ulong)serial);

    /// <summary>Ids that are not ids at all: null, booleans, objects, arrays.</summary>
    private static readonly Gen<JsonNode?> NotAnId = Gen.OneOfConst<Func<JsonNode?>>(
        () => null, () => true, () => new JsonObject { ["id"] = 1 }, () => new JsonArray(1)).Select(make => make());

    /// <summary>The kinds of message, by name, and how often each comes.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["good-request", "ill-typed-request", "missing-param-request", "unknown-method-request", "scalar-params-request", "invalid-id-request", "not-an-id-request", "non-string-method", "document-notification", "cancellation", "other-notification", "unsolicited-response", "unparseable", "not-a-request", "folder-change", "framing-fault", "flood", "concurrent-burst", "huge-document", "reinitialize", "shutdown"];

    /// <summary>Any message of the kinds not left out (PAPERLENS_FUZZ_WITHOUT names kinds, to look past a
    /// known failure while it is being fixed).</summary>
    public Gen<Draft> Message => Weighted(
        (30, "good-request", GoodRequest),
        (8, "ill-typed-request", IllTypedRequest),
        (4, "missing-param-request", MissingParamRequest),
        (3, "unknown-method-request", UnknownMethodRequest),
        (3, "scalar-params-request", ScalarParamsRequest),
        (2, "invalid-id-request", InvalidIdRequest),
        (2, "not-an-id-request", NotAnIdRequest),
        (2, "non-string-method", NonStringMethod),
        (14, "document-notification", DocumentNotification),
        (4, "cancellation", Cancellation),
        (4, "other-notification", OtherNotification),
        (4, "unsolicited-response", UnsolicitedResponse),
        (4, "unparseable", Unparseable),
        (2, "not-a-request", NotARequest),
        (3, "folder-change", FolderChange),
        (3, "framing-fault", FramingFault),
        (1, "flood", Flood),
        (1, "concurrent-burst", ConcurrentBurst),
        (1, "huge-document", HugeDocument),
        (1, "reinitialize", Reinitialize));

    private Gen<Draft> Weighted(params (int Weight, string Kind, Gen<Draft> Gen)[] kinds) =>
        Gen.Frequency(kinds.Where(k => !without.Contains(k.Kind)).Select(k => (k.Weight, (IGen<Draft>)k.Gen)).ToArray());

    private Gen<Draft> GoodRequest => Gen.Select(WellTypedRequest, ValidId, (request, makeId) => (Draft)((serial, _) =>
    {
        var id = makeId(serial);
        return Request(id, request.Method, request.Params, "request", new ExpectedAnswer(Frames.IdText(id), request.Method, true, [RequestFailed])
        {
            Verify = request.Method == "paperlens/abstract" ? AbstractFileIsWhole : null,
        });
    }));

    private Gen<Draft> IllTypedRequest => Gen.Select(WellTypedRequest.Where(r => r.Typed.Length > 0), Gen.Int, WrongValue, ValidId, (request, pick, wrong, makeId) =>
        (Draft)((serial, _) =>
        {
            var path = request.Typed[(int)((uint)pick % request.Typed.Length)];
            var parameters = (JsonObject)request.Params!.DeepClone();
            var value = wrong(path);
            // An empty array for a member that is an array (context.diagnostics) is no wrong type at all.
            if (At(parameters, path)?.GetValueKind() is { } kind && value?.GetValueKind() == kind)
                value = kind == System.Text.Json.JsonValueKind.String ? 42 : "wrong";
            Replace(parameters, path, value);
            var id = makeId(serial);
            return Request(id, request.Method, parameters, $"{path} of the wrong type",
                new ExpectedAnswer(Frames.IdText(id), request.Method, false, [InvalidParams]));
        }));

    private Gen<Draft> MissingParamRequest => Gen.Select(WellTypedRequest.Where(r => r.Required.Length > 0), Gen.Int, Gen.Bool, ValidId, (request, pick, asNull, makeId) =>
        (Draft)((serial, _) =>
        {
            var path = request.Required[(int)((uint)pick % request.Required.Length)];
            var parameters = (JsonObject)request.Params!.DeepClone();
            Replace(parameters, path, null, remove: !asNull);
            var id = makeId(serial);
            return Request(id, request.Method, parameters, asNull ? $"{path} null" : $"{path} missing",
                new ExpectedAnswer(Frames.IdText(id), request.Method, false, [InvalidParams]));
        }));

    /// <summary>A value of another JSON type than the member at the path has.</summary>
    private static Gen<Func<string, JsonNode?>> WrongValue => Gen.OneOfConst<Func<string, JsonNode?>>(
        path => path.EndsWith("line", StringComparison.Ordinal) || path.EndsWith("character", StringComparison.Ordinal) || path == "limit" ? "first" : 42,
        path => path.EndsWith("line", StringComparison.Ordinal) || path.EndsWith("character", StringComparison.Ordinal) || path == "limit" ? 1.5 : new JsonArray(),
        path => path.EndsWith("line", StringComparison.Ordinal) || path.EndsWith("character", StringComparison.Ordinal) || path == "limit" ? 4_294_967_296L : true,
        path => path is "textDocument" or "position" or "range" or "context" or "range.start" ? "here" : new JsonObject { ["x"] = 1 });

    private static Gen<Draft> UnknownMethodRequest => Gen.Select(Gen.OneOfConst("paperlens/noSuchMethod", "textDocument/prepareTypeHierarchy", "$/unknown", "", "rpc.discover", "textDocument/hover ", "TEXTDOCUMENT/HOVER"), ValidId,
        (method, makeId) => (Draft)((serial, _) =>
        {
            var id = makeId(serial);
            return Request(id, method, new JsonObject(), "unknown method", new ExpectedAnswer(Frames.IdText(id), method, false, [MethodNotFound]));
        }));

    private Gen<Draft> ScalarParamsRequest => Gen.Select(WellTypedRequest, Gen.OneOfConst<JsonNode>("here", 42, true, 1.5), ValidId, (request, parameters, makeId) =>
        (Draft)((serial, _) =>
        {
            var id = makeId(serial);
            return Request(id, request.Method, parameters.DeepClone(), "params neither an object nor an array",
                new ExpectedAnswer(Frames.IdText(id), request.Method, false, [InvalidRequest, InvalidParams]));
        }));

    private Gen<Draft> InvalidIdRequest => Gen.Select(WellTypedRequest, InvalidNumericId, (request, makeId) => (Draft)((serial, _) =>
    {
        var id = makeId(serial);
        return new FuzzMessage("id LSP does not allow", Frames.Frame(Frames.Request(id, request.Method, request.Params?.DeepClone()))) { InvalidId = Frames.IdText(id), NullIdAnswersAllowed = 1 };
    }));

    private Gen<Draft> NotAnIdRequest => Gen.Select(WellTypedRequest, NotAnId, (request, id) => (Draft)((_, _) =>
        new FuzzMessage("id that is not an id", Frames.Frame(Frames.Request(id?.DeepClone()!, request.Method, request.Params?.DeepClone()))) { NullIdAnswersAllowed = 1 }));

    private static Gen<Draft> NonStringMethod => Gen.Select(Gen.OneOfConst<JsonNode?>(null, 42, new JsonObject(), new JsonArray("initialize")), Gen.Bool, ValidId, (method, withId, makeId) =>
        (Draft)((serial, _) =>
        {
            var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method?.DeepClone(), ["params"] = new JsonObject() };
            if (!withId) return new FuzzMessage("method that is not a string", Frames.Frame(message)) { NullIdAnswersAllowed = 1 };
            var id = makeId(serial);
            message["id"] = id;
            return new FuzzMessage("method that is not a string", Frames.Frame(message))
            {
                Answers = [new ExpectedAnswer(Frames.IdText(id), "(no method)", false, [InvalidRequest])],
            };
        }));

    private Gen<Draft> DocumentNotification => Gen.OneOf(
        Gen.Select(Uri, HostileText, Gen.Int[-1, 5], (uri, text, version) => Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "markdown", ["version"] = version, ["text"] = text },
        })),
        Gen.Select(Uri, Range, HostileText, Gen.Int[-1, 1000], (uri, range, text, version) => Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range, ["text"] = text }),
        })),
        Gen.Select(Uri, HostileText, (uri, text) => Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        })),
        Uri.Select(uri => Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } })),
        Gen.Select(Uri, Gen.OneOfConst<JsonNode>(5, "x", new JsonArray(), true), (uri, wrong) => Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = wrong.DeepClone() },
            ["contentChanges"] = wrong.DeepClone(),
        })),
        Gen.OneOfConst<JsonNode>(new JsonArray(), 5, new JsonObject { ["textDocument"] = "x" }).Select(wrong => Notify("textDocument/didOpen", wrong.DeepClone())));

    private static Gen<string> HostileText => Gen.Frequency(
        (5, Gen.OneOfConst("arXiv:2012.07436", "Survey arXiv:2404.16112\n", "Typo arXiv:2313.00752\r\n", "[@zhou2021]", "🙂", "\r", "", "x")),
        (3, HostileString),
        (1, Gen.String[Gen.Char["arXiv:0123456789.\n\r 🙂/[]@"], 0, 80]));

    private static Gen<Draft> Cancellation => Gen.Frequency(
        (3, Gen.Int.Select(pick => (Draft)((_, earlier) =>
        {
            var requests = earlier.SelectMany(m => m.Answers).Where(a => !a.Optional).ToList();
            if (requests.Count == 0) return Notify("$/cancelRequest", new JsonObject { ["id"] = 424_242 })(0, earlier);
            var target = requests[(int)((uint)pick % requests.Count)].Id;
            return new FuzzMessage("$/cancelRequest", Frames.Frame(Frames.Notification("$/cancelRequest", new JsonObject { ["id"] = JsonNode.Parse(target) })))
            {
                Cancels = target,
            };
        }))),
        (1, Gen.OneOfConst<JsonNode?>(null, "nobody", 1.5, new JsonObject(), -1).Select(id => Notify("$/cancelRequest", new JsonObject { ["id"] = id?.DeepClone() }))));

    private static Gen<Draft> OtherNotification => Gen.OneOf(
        Gen.OneOfConst("$/someClientExtension", "workspace/noSuchNotification", "$/setTrace", "$/progress", "initialized", "textDocument/didSave", "workspace/didChangeWatchedFiles")
            .Select(method => Notify(method, new JsonObject { ["value"] = "verbose", ["changes"] = new JsonArray(new JsonObject { ["uri"] = "file:///x.md", ["type"] = 9 }) })),
        Gen.OneOfConst<JsonNode?>(null, 5, new JsonObject { ["paperlens"] = new JsonObject { ["rules"] = "all" } })
            .Select(settings => Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings?.DeepClone() })));

    /// <summary>Responses to requests the server never made: with a result, an error, an empty error, no id.</summary>
    private static Gen<Draft> UnsolicitedResponse => Gen.Select(
        Gen.OneOfConst<JsonNode?>(null, 424_242, "nobody-asked", 0, 1, 2, -7),
        Gen.OneOfConst<Func<JsonObject>>(
            () => new JsonObject { ["result"] = null },
            () => new JsonObject { ["result"] = new JsonObject { ["x"] = 1 } },
            () => new JsonObject { ["error"] = new JsonObject() },
            () => new JsonObject { ["error"] = new JsonObject { ["code"] = -32603, ["message"] = "no" } },
            () => new JsonObject { ["error"] = "broken" },
            () => new JsonObject { ["result"] = 1, ["error"] = new JsonObject { ["code"] = 1 } }),
        Gen.Bool,
        (id, body, withId) => (Draft)((_, _) =>
        {
            var message = body();
            message["jsonrpc"] = "2.0";
            if (withId) message["id"] = id?.DeepClone();
            return new FuzzMessage("response nobody asked for", Frames.Frame(message)) { NullIdAnswersAllowed = 1 };
        }));

    /// <summary>Bodies, well framed, that are not JSON: broken syntax, a request cut short, invalid UTF-8.</summary>
    private Gen<Draft> Unparseable => Gen.Select(WellTypedRequest, Gen.Int[1, 60], Gen.Byte.Array[1, 40], Gen.Int[0, 3], (request, cut, bytes, kind) => (Draft)((serial, _) =>
    {
        var whole = Encoding.UTF8.GetBytes(Frames.Json(Frames.Request(LostId(serial), request.Method, request.Params?.DeepClone())));
        byte[] body = kind switch
        {
            0 => whole[..Math.Max(1, whole.Length - cut)],
            1 => Encoding.UTF8.GetBytes("{not json"),
            2 => [.. whole[..(whole.Length / 2)], 0xFF, 0xC3, .. whole[(whole.Length / 2)..]],
            _ => [(byte)'{', .. bytes],
        };
        return IsJson(body)
            ? new FuzzMessage("body", Frames.Frame(body)) { NullIdAnswersAllowed = 1, Answers = [Lost(serial, request.Method), .. RepairedId(body, serial, request.Method)] }
            : new FuzzMessage("body that is not JSON", Frames.Frame(body)) { ParseErrorsRequired = 1, NullIdAnswersAllowed = 1, Answers = [Lost(serial, request.Method)] };
    }));

    /// <summary>JSON that is no JSON-RPC message: scalars, batches (LSP has none), empty objects, deep nesting, an empty body.</summary>
    private static Gen<Draft> NotARequest => Gen.OneOfConst("\"just a string\"", "42", "null", "[]", "[1, 2]", "{}", "{\"jsonrpc\":\"2.0\"}", "",
            new string('[', 100_000) + new string(']', 100_000), string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000))
        .Select(body => (Draft)((_, _) => new FuzzMessage("JSON that is not a request", Frames.Frame(body)) { NullIdAnswersAllowed = 1 }));

    private Gen<Draft> FolderChange => Gen.Select(Gen.Int[0, world.Folders.Count - 1].Array[0, 2], Gen.Int[0, world.Folders.Count - 1].Array[0, 2], Gen.Bool,
        (added, removed, garbage) => (Draft)((_, _) =>
        {
            var add = added.Select(i => world.Folders[i]).ToList();
            var remove = removed.Select(i => world.Folders[i]).ToList();
            JsonArray Folders(IEnumerable<string> paths) => new(paths.Select(p => (JsonNode)new JsonObject { ["uri"] = DocumentUri.FromPath(p), ["name"] = Path.GetFileName(p) }).ToArray());
            var change = new JsonObject { ["added"] = Folders(add), ["removed"] = Folders(remove) };
            if (garbage) change["added"]!.AsArray().Add(new JsonObject { ["uri"] = "https://example.com/ws", ["name"] = "remote" });
            return new FuzzMessage("workspace folders changed", Frames.Frame(Frames.Notification("workspace/didChangeWorkspaceFolders", new JsonObject { ["event"] = change })))
            {
                FoldersAdded = add,
                FoldersRemoved = remove,
            };
        }));

    /// <summary>Bytes that break LSP framing: a Content-Length a few bytes off (counting characters, or
    /// UTF-16 bytes), a header without a length, stray bytes, an LF-only header, a length beyond any cap.</summary>
    private Gen<Draft> FramingFault => Gen.Select(WellTypedRequest, Gen.Int[1, 300], Gen.Bool, Gen.Byte.Array[1, 64], Gen.Int[0, 6], (request, delta, longer, stray, kind) =>
        (Draft)((serial, _) =>
        {
            var body = Encoding.UTF8.GetBytes(Frames.Json(Frames.Request(LostId(serial), request.Method, request.Params?.DeepClone())));
            byte[] bytes = kind switch
            {
                0 => [.. Encoding.ASCII.GetBytes($"Content-Length: {(longer ? body.Length + delta : Math.Max(0, body.Length - delta))}\r\n\r\n"), .. body],
                1 => [.. Encoding.ASCII.GetBytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"), .. body],
                2 => stray,
                3 => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\n\n"), .. body],
                4 => [.. Encoding.ASCII.GetBytes("Content-Length: 99999999999\r\n\r\n"), .. body],
                5 => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length * 2}\r\n\r\n"), .. body],
                _ => [.. Encoding.ASCII.GetBytes($"Content-Length: -{delta}\r\n\r\n"), .. body],
            };
            return new FuzzMessage("framing fault", bytes) { BreaksFraming = true, Answers = [Lost(serial, request.Method)] };
        }));

    /// <summary>Many bodies that are not JSON in a row: a client stuck in a loop.</summary>
    private static Gen<Draft> Flood => Gen.Int[100, 1_200].Select(count => (Draft)((_, _) =>
        new FuzzMessage($"{count} bodies that are not JSON", Enumerable.Range(0, count).SelectMany(_ => Frames.Frame("{not json")).ToArray())
        {
            ParseErrorsRequired = count,
            NullIdAnswersAllowed = count,
            Count = count,
        }));

    /// <summary>Many requests at once for the same thing: abstracts of one paper (written to one file),
    /// workspace checks, hovers.</summary>
    private static Gen<Draft> ConcurrentBurst => Gen.Select(Gen.Int[5, 40], Gen.OneOfConst("paperlens/abstract", "workspace/executeCommand"), (count, method) =>
        (Draft)((serial, _) =>
        {
            var parameters = method == "paperlens/abstract" ? new JsonObject { ["id"] = "2012.07436" } : new JsonObject { ["command"] = "paperlens.checkWorkspace" };
            var ids = Enumerable.Range(0, count).Select(i => $"burst-{serial}-{i}").ToList();
            var bytes = ids.SelectMany(id => Frames.Frame(Frames.Request(id, method, parameters.DeepClone()))).ToArray();
            return new FuzzMessage($"{count} concurrent {method}", bytes)
            {
                Answers = ids.Select(id => new ExpectedAnswer(Frames.IdText(id), method, true, [RequestFailed]) { Verify = method == "paperlens/abstract" ? AbstractFileIsWhole : null }).ToList(),
                Count = count,
            };
        }));

    private Gen<Draft> HugeDocument => Gen.Select(Uri, Gen.Int[1, 3], (uri, megabytes) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject
        {
            ["uri"] = uri,
            ["languageId"] = "markdown",
            ["version"] = 1,
            ["text"] = string.Concat(Enumerable.Repeat("Prose about arXiv:2012.07436 and 🙂 state space models.\n", megabytes * 1024 * 1024 / 56)),
        },
    }));

    /// <summary>An abstract's file holds the whole page the answer carries, never a half-written one.</summary>
    private static string? AbstractFileIsWhole(JsonNode result)
    {
        if (result["uri"]?.GetValue<string>() is not { } uri || DocumentUri.ToPath(uri) is not { } path) return null;
        var markdown = result["markdown"]?.GetValue<string>();
        var written = File.Exists(path) ? File.ReadAllText(path) : null;
        return written == markdown ? null : $"the abstract file {path} holds {written?.Length.ToString() ?? "nothing"} characters, the answer {markdown?.Length} characters";
    }

    /// <summary>The id of a request inside bytes that may not reach the server whole.</summary>
    private static string LostId(int serial) => $"lost-{serial}";

    /// <summary>Bytes that are no UTF-8 inside the id are read as U+FFFD, so the answer may carry the id so repaired.</summary>
    private static IEnumerable<ExpectedAnswer> RepairedId(byte[] body, int serial, string method)
    {
        if (JsonNode.Parse(Encoding.UTF8.GetString(body))?["id"] is { } id && Frames.IdText(id) is var repaired && repaired != Frames.IdText(LostId(serial)))
            yield return new ExpectedAnswer(repaired, method, true, [ParseError, InvalidRequest, MethodNotFound, InvalidParams, RequestFailed]) { Optional = true };
    }

    private static ExpectedAnswer Lost(int serial, string method) =>
        new(Frames.IdText(LostId(serial)), method, true, [ParseError, InvalidRequest, MethodNotFound, InvalidParams, RequestFailed]) { Optional = true };

    private static Draft Notify(string method, JsonNode? parameters) =>
        (_, _) => new FuzzMessage(method, Frames.Frame(Frames.Notification(method, parameters)));

    private static FuzzMessage Request(JsonNode id, string method, JsonNode? parameters, string label, ExpectedAnswer answer) =>
        new($"{method} ({label})", Frames.Frame(Frames.Request(id, method, parameters))) { Answers = [answer] };

    /// <summary>Sets or removes the member at a dotted path.</summary>
    private static JsonNode? At(JsonObject parameters, string path) =>
        path.Split('.').Aggregate((JsonNode?)parameters, (node, name) => node?[name]);

    private static void Replace(JsonObject parameters, string path, JsonNode? value, bool remove = false)
    {
        var names = path.Split('.');
        var parent = names[..^1].Aggregate((JsonNode)parameters, (node, name) => node[name]!).AsObject();
        if (remove) parent.Remove(names[^1]);
        else parent[names[^1]] = value;
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body, new System.Text.Json.JsonDocumentOptions { MaxDepth = 100_000 });
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>One session: maybe requests before initialize (shutdown among them), initialize with random
    /// capabilities (UTF-8 positions, pulled diagnostics, watcher registration) and folders, batches of
    /// messages, shutdown, maybe requests after it, exit. About <paramref name="messages"/> messages.</summary>
    public Gen<List<List<FuzzMessage>>> Episode(int messages) => Gen.Select(
        BeforeInitialize.Array[0, 8],
        Initialize,
        Message.Array[messages],
        Gen.Int[1, 40].Array[messages],
        AfterShutdown.Array[0, 8],
        (before, initialize, drafts, sizes, after) =>
        {
            var batches = new List<List<Draft>>();
            if (before.Length > 0) batches.Add([.. before]);
            var start = 0;
            batches.Add([initialize, Notify("initialized", new JsonObject())]);
            for (var i = 0; start < drafts.Length; i++)
            {
                batches.Add(drafts[start..Math.Min(drafts.Length, start + sizes[i])].ToList());
                start += sizes[i];
            }
            batches.Add([Lifecycle(Fuzzing.Lifecycle.Shutdown, "shutdown", null)]);
            if (after.Length > 0) batches.Add([.. after]);
            batches.Add([Lifecycle(Fuzzing.Lifecycle.Exit, "exit", null)]);
            var serial = 0;
            return batches.Select(batch =>
            {
                var made = new List<FuzzMessage>();
                foreach (var draft in batch) made.Add(draft(++serial, made));
                return made;
            }).ToList();
        });

    private Gen<Draft> BeforeInitialize => Weighted(
        (6, "good-request", GoodRequest), (2, "unknown-method-request", UnknownMethodRequest), (2, "ill-typed-request", IllTypedRequest),
        (4, "document-notification", DocumentNotification), (1, "cancellation", Cancellation), (1, "unparseable", Unparseable),
        (2, "shutdown", Gen.Const(Lifecycle(Fuzzing.Lifecycle.Shutdown, "shutdown", null))));

    private Gen<Draft> AfterShutdown => Weighted(
        (6, "good-request", GoodRequest), (2, "unknown-method-request", UnknownMethodRequest), (2, "ill-typed-request", IllTypedRequest),
        (4, "document-notification", DocumentNotification), (1, "cancellation", Cancellation), (1, "unparseable", Unparseable),
        (1, "shutdown", Gen.Const(Lifecycle(Fuzzing.Lifecycle.Shutdown, "shutdown", null))), (1, "reinitialize", Reinitialize), (1, "folder-change", FolderChange));

    /// <summary>An initialize request: folders from the root, a folder in it and one beside it (as
    /// workspaceFolders, or the root alone as rootUri), capabilities that change what the server does.</summary>
    private Gen<Draft> Initialize => Gen.Select(Gen.Int[0, 2].Array[0, 3], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool,
        (folders, utf8, pull, register, progress) => (Draft)((serial, _) =>
        {
            var chosen = folders.Select(i => world.Folders[i]).ToList();
            var capabilities = new JsonObject
            {
                ["general"] = new JsonObject { ["positionEncodings"] = utf8 ? new JsonArray("utf-8", "utf-16") : new JsonArray("utf-16") },
                ["window"] = new JsonObject { ["workDoneProgress"] = progress },
                ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = register } },
            };
            if (pull) capabilities["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject() };
            var parameters = new JsonObject
            {
                ["processId"] = null,
                ["rootUri"] = DocumentUri.FromPath(world.Workspace.Root),
                ["capabilities"] = capabilities,
            };
            if (chosen.Count > 0)
            {
                parameters["workspaceFolders"] = new JsonArray(chosen.Select(p => (JsonNode)new JsonObject { ["uri"] = DocumentUri.FromPath(p), ["name"] = "f" }).ToArray());
            }
            var id = $"initialize-{serial}";
            return new FuzzMessage("initialize", Frames.Frame(Frames.Request(id, "initialize", parameters)))
            {
                Lifecycle = Fuzzing.Lifecycle.Initialize,
                Answers = [new ExpectedAnswer(Frames.IdText(id), "initialize", true, [])],
                FoldersAdded = chosen.Count > 0 ? chosen : [world.Workspace.Root],
            };
        }));

    /// <summary>initialize again, while the server runs or after shutdown: refused with InvalidRequest.</summary>
    private Gen<Draft> Reinitialize => Gen.Const((Draft)((serial, earlier) =>
    {
        var id = $"initialize-{serial}";
        return new FuzzMessage("initialize again", Frames.Frame(Frames.Request(id, "initialize", new JsonObject { ["capabilities"] = new JsonObject() })))
        {
            Lifecycle = Fuzzing.Lifecycle.Initialize,
            Answers = [new ExpectedAnswer(Frames.IdText(id), "initialize", false, [InvalidRequest])],
            FoldersAdded = [world.Workspace.Root],
        };
    }));

    private static Draft Lifecycle(Lifecycle lifecycle, string method, JsonNode? parameters) => (serial, _) =>
    {
        var id = $"{method}-{serial}";
        return lifecycle == Fuzzing.Lifecycle.Exit
            ? new FuzzMessage(method, Frames.Frame(Frames.Notification(method, parameters))) { Lifecycle = lifecycle }
            : new FuzzMessage(method, Frames.Frame(Frames.Request(id, method, parameters)))
            {
                Lifecycle = lifecycle,
                Answers = [new ExpectedAnswer(Frames.IdText(id), method, true, [])],
            };
    };
}
