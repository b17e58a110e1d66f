using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Web;
using System.Xml.Linq;

namespace PaperLens.Testing;

/// <summary>How the next requests to a <see cref="LoopbackArxivServer"/> go wrong.</summary>
public enum ArxivFault
{
    /// <summary>429 with a Retry-After header.</summary>
    TooManyRequests,

    /// <summary>503 with a Retry-After header.</summary>
    ServiceUnavailable,

    /// <summary>200 with an HTML page instead of Atom (a proxy's or a maintenance page).</summary>
    Html,

    /// <summary>200 with the first half of the feed it would have sent.</summary>
    Truncated,

    /// <summary>Accepts the request and never answers (until the server is disposed).</summary>
    Hang,

    /// <summary>Sends the headers and a little of the body, then stalls (until the server is disposed).</summary>
    SlowBody,

    /// <summary>400 with arXiv's error feed (entry id <c>http://arxiv.org/api/errors#…</c>, title Error).</summary>
    ErrorFeed,

    /// <summary>Drops the connection without an answer.</summary>
    CloseConnection,

    /// <summary>200 with a feed padded past the 32 MB any real answer stays under (a misconfigured proxy
    /// or API URL).</summary>
    Oversized,
}

/// <summary>A request the server received: the decoded query parameters, the User-Agent, and when it
/// arrived and was answered (on the server's clock; null while it is still being answered, or stalled).</summary>
public sealed record RecordedRequest(
    string Query,
    IReadOnlyDictionary<string, string> Parameters,
    string? UserAgent,
    DateTimeOffset ArrivedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The ids of an <c>id_list</c> query, in order; empty for a search.</summary>
    public IReadOnlyList<string> IdList =>
        Parameters.TryGetValue("id_list", out var list) && list.Length > 0 ? list.Split(',') : [];

    public string? SearchQuery => Parameters.GetValueOrDefault("search_query");
}

/// <summary>Stands in for <c>export.arxiv.org/api/query</c> on 127.0.0.1 (HttpListener, a free port):
/// answers <c>id_list</c> queries with a feed composed of the entries it knows (an unknown id is simply
/// absent, as arXiv does), <c>search_query=ti:…</c> from recorded search feeds, fails on demand
/// (<see cref="FailNext"/>), and records every request. Shared by the Metadata, Server and CLI tests
/// (linked into their projects), so its public members are a stable API.</summary>
public sealed class LoopbackArxivServer : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";
    private static readonly XNamespace ArxivNs = "http://arxiv.org/schemas/atom";

    private readonly HttpListener listener;
    private readonly TimeProvider clock;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, XElement> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Word, XElement Feed)> searches = new();
    private readonly ConcurrentDictionary<int, RecordedRequest> requests = new();
    private readonly Lock faultGate = new();
    private readonly Task serving;
    private int arrivals;
    private ArxivFault fault;
    private int faultsLeft;
    private TimeSpan retryAfter;

    /// <param name="clock">Stamps the arrival and answer times of requests (a fake clock in pacing tests).</param>
    public LoopbackArxivServer(TimeProvider? clock = null)
    {
        this.clock = clock ?? TimeProvider.System;
        var (started, baseAddress) = LoopbackListener.Start();
        (listener, ApiBase) = (started, new Uri($"{baseAddress}/api/query"));
        serving = Task.Run(ServeAsync);
    }

    /// <summary>The query endpoint, e.g. <c>http://127.0.0.1:40123/api/query</c>: what PAPERLENS_ARXIV_API
    /// or MetadataOptions.ApiBase should point at.</summary>
    public Uri ApiBase { get; }

    /// <summary>Every request received so far, in arrival order, answered or not.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.OrderBy(r => r.Key).Select(r => r.Value).ToList();

    /// <summary>Learns every entry of an Atom feed (either response generation), keyed by the bare id
    /// of its entry id (<c>http://arxiv.org/abs/1706.03762v7</c> → <c>1706.03762</c>).</summary>
    public void AddEntries(string feedXml)
    {
        foreach (var entry in XDocument.Parse(feedXml).Root!.Elements(Atom + "entry"))
            entries[BareId(entry.Element(Atom + "id")!.Value)] = new XElement(entry);
    }

    public void AddEntriesFromFile(string path) => AddEntries(File.ReadAllText(path));

    /// <summary>Learns a paper made up by a test: <paramref name="versions"/> versions, v1 on
    /// <paramref name="published"/> (default 2020-01-01), the latest a day per version later.</summary>
    public void AddPaper(string id, string title, int versions = 1, string summary = "An abstract.",
        IReadOnlyList<string>? authors = null, string? comment = null, DateTimeOffset? published = null)
    {
        var first = published ?? new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var updated = first.AddDays(versions - 1);
        var entry = new XElement(Atom + "entry",
            new XElement(Atom + "id", $"http://arxiv.org/abs/{id}v{versions}"),
            new XElement(Atom + "title", title),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "summary", summary),
            new XElement(Atom + "category", new XAttribute("term", "cs.LG"), new XAttribute("scheme", "http://arxiv.org/schemas/atom")),
            new XElement(Atom + "published", Timestamp(first)),
            comment is null ? null : new XElement(ArxivNs + "comment", comment),
            new XElement(ArxivNs + "primary_category", new XAttribute("term", "cs.LG")),
            (authors ?? ["A. Author"]).Select(a => new XElement(Atom + "author", new XElement(Atom + "name", a))));
        entries[id] = entry;
    }

    /// <summary>A title search whose query mentions <paramref name="word"/> (case-insensitive) is
    /// answered with <paramref name="feedXml"/>; other searches get a feed with no entry.</summary>
    public void AddSearch(string word, string feedXml) => searches.Enqueue((word, XDocument.Parse(feedXml).Root!));

    /// <summary>The next <paramref name="times"/> requests fail with <paramref name="kind"/> (all of them
    /// when omitted); <paramref name="retryAfterSeconds"/> is the Retry-After of 429 and 503.</summary>
    public void FailNext(ArxivFault kind, int times = int.MaxValue, int retryAfterSeconds = 1)
    {
        lock (faultGate)
        {
            fault = kind;
            faultsLeft = times;
            retryAfter = TimeSpan.FromSeconds(retryAfterSeconds);
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener's disposal exception; nothing is left to clean up.
        }
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        var handlers = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }
            handlers.Add(Task.Run(() => AnswerAsync(context)));
        }
        await Task.WhenAll(handlers);
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var arrived = clock.GetUtcNow();
        var query = context.Request.Url?.Query.TrimStart('?') ?? "";
        var decoded = HttpUtility.ParseQueryString(query);
        var parameters = decoded.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => decoded[k] ?? "", StringComparer.Ordinal);
        var response = context.Response;
        var number = Interlocked.Increment(ref arrivals);
        requests[number] = new RecordedRequest(query, parameters, context.Request.UserAgent, arrived, null);
        try
        {
            var body = Feed(parameters);
            switch (TakeFault())
            {
                case null:
                    await Send(response, 200, "application/atom+xml; charset=utf-8", body);
                    break;
                case ArxivFault.TooManyRequests:
                    response.Headers["Retry-After"] = CurrentRetryAfter();
                    await Send(response, 429, "text/plain", "Rate exceeded.");
                    break;
                case ArxivFault.ServiceUnavailable:
                    response.Headers["Retry-After"] = CurrentRetryAfter();
                    await Send(response, 503, "text/html", "<html><body>Service Unavailable</body></html>");
                    break;
                case ArxivFault.Html:
                    await Send(response, 200, "text/html", "<!DOCTYPE html><html><head><title>arXiv</title></head><body><p>We are down for maintenance.</p></body></html>");
                    break;
                case ArxivFault.Truncated:
                    await Send(response, 200, "application/atom+xml; charset=utf-8", body[..(body.Length / 2)]);
                    break;
                case ArxivFault.ErrorFeed:
                    await Send(response, 400, "application/atom+xml; charset=utf-8", ErrorFeed(query));
                    break;
                case ArxivFault.CloseConnection:
                    response.Abort();
                    break;
                case ArxivFault.Oversized:
                    await Send(response, 200, "application/atom+xml; charset=utf-8", body.Replace("<feed", "<!--" + new string(' ', 33 * 1024 * 1024) + "--><feed", StringComparison.Ordinal));
                    break;
                case ArxivFault.Hang:
                    await Stall();
                    response.Abort();
                    return;
                case ArxivFault.SlowBody:
                    response.StatusCode = 200;
                    response.ContentType = "application/atom+xml; charset=utf-8";
                    response.SendChunked = true;
                    var head = Encoding.UTF8.GetBytes(body[..Math.Min(200, body.Length)]);
                    await response.OutputStream.WriteAsync(head);
                    await response.OutputStream.FlushAsync();
                    await Stall();
                    response.Abort();
                    return;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (its timeout) or the server is stopping: the request is still recorded.
        }
        requests[number] = requests[number] with { FinishedAt = clock.GetUtcNow() };
    }

    private ArxivFault? TakeFault()
    {
        lock (faultGate)
        {
            if (faultsLeft <= 0) return null;
            if (faultsLeft != int.MaxValue) faultsLeft--;
            return fault;
        }
    }

    private string CurrentRetryAfter()
    {
        lock (faultGate) return ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    private async Task Stall()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposal ends the stall.
        }
    }

    private static async Task Send(HttpListenerResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.SendChunked = true;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private string Feed(IReadOnlyDictionary<string, string> parameters)
    {
        var max = parameters.TryGetValue("max_results", out var m) && int.TryParse(m, CultureInfo.InvariantCulture, out var n) ? n : 10;
        IEnumerable<XElement> found;
        if (parameters.TryGetValue("search_query", out var search) && search.Length > 0)
        {
            var recorded = searches.FirstOrDefault(s => search.Contains(s.Word, StringComparison.OrdinalIgnoreCase)).Feed;
            found = recorded?.Elements(Atom + "entry") ?? [];
        }
        else
        {
            var ids = parameters.TryGetValue("id_list", out var list) && list.Length > 0 ? list.Split(',') : [];
            found = ids.Select(id => entries.GetValueOrDefault(BareId(id))).OfType<XElement>();
        }
        var shown = found.Take(max).Select(e => new XElement(e)).ToList();
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xmlns + "opensearch", OpenSearch),
            new XAttribute(XNamespace.Xmlns + "arxiv", ArxivNs),
            new XElement(Atom + "id", "https://arxiv.org/api/loopback"),
            new XElement(Atom + "title", "arXiv Query: loopback"),
            new XElement(Atom + "updated", Timestamp(DateTimeOffset.UtcNow)),
            new XElement(OpenSearch + "itemsPerPage", max),
            new XElement(OpenSearch + "totalResults", shown.Count),
            new XElement(OpenSearch + "startIndex", 0),
            shown);
        return "<?xml version='1.0' encoding='UTF-8'?>\n" + feed.ToString(SaveOptions.DisableFormatting);
    }

    private static string ErrorFeed(string query) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>ArXiv Query: {SecurityElement.Escape(query)}</title>
          <id>http://arxiv.org/api/loopback-error</id>
          <entry>
            <id>http://arxiv.org/api/errors#malformed_query</id>
            <title>Error</title>
            <summary>malformed query</summary>
            <updated>2007-10-12T00:00:00-04:00</updated>
          </entry>
        </feed>
        """;

    /// <summary><c>http://arxiv.org/abs/hep-ex/0307015v1</c> or <c>1706.03762v7</c> → the id without version.</summary>
    private static string BareId(string idOrUrl)
    {
        var text = idOrUrl.Trim();
        var abs = text.IndexOf("/abs/", StringComparison.Ordinal);
        if (abs >= 0) text = text[(abs + 5)..];
        var v = text.LastIndexOf('v');
        return v > 0 && v < text.Length - 1 && text[(v + 1)..].All(char.IsAsciiDigit) ? text[..v] : text;
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
