using System.Net;
using System.Reflection;
using System.Text;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Metadata;

/// <summary>The arXiv API over HTTP: <c>id_list</c> queries and title searches, each request paced by
/// <see cref="RequestPacer"/>, bounded by a timeout and read whole before it is parsed. Transient faults
/// (timeouts, 429/503 and other 5xx, dropped connections, truncated or non-Atom bodies) are retried with
/// backoff, honouring Retry-After up to <see cref="MaxRetryAfter"/>; an error feed, another 4xx or an
/// answer over 32 MB is not, since asking again gives the same answer.</summary>
internal sealed class ArxivApiClient : IDisposable
{
    /// <summary>Ids per request: about 1.5 kB of query, well within URL limits and arXiv's page size.</summary>
    public const int BatchSize = 100;

    public const int FetchAttempts = 3;

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private const int MaxResponseBytes = 32 * 1024 * 1024;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(3);

    private readonly HttpClient http;
    private readonly Uri apiBase;
    private readonly TimeSpan requestTimeout;
    private readonly TimeProvider clock;
    private readonly RequestPacer pacer;

    public ArxivApiClient(Uri apiBase, TimeSpan requestTimeout, string lockDirectory, TimeProvider clock)
    {
        this.apiBase = apiBase;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        pacer = new RequestPacer(lockDirectory, clock);
        http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        {
            // Each request gets its own timeout on the injected clock (see SendOnceAsync).
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <summary>Identifies PaperLens to arXiv, as its terms ask: name, version and where to learn more.</summary>
    public static string UserAgent { get; } =
        $"PaperLens/{typeof(ArxivApiClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"} " +
        "(arXiv citation checker; +https://github.com/paperlens/paperlens)";

    /// <summary>The records arXiv has for <paramref name="ids"/> (at most <see cref="BatchSize"/>); an id
    /// with no entry in the answer is one arXiv does not have.</summary>
    /// <exception cref="ArxivApiException">No usable answer after <see cref="FetchAttempts"/> attempts.</exception>
    public Task<IReadOnlyList<PaperRecord>> FetchAsync(IReadOnlyCollection<ArxivId> ids, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, BatchSize);
        // Literal commas, as the API manual writes the list; each id escaped (the slash of an old-style id).
        var list = string.Join(',', ids.Select(id => Uri.EscapeDataString(id.Canonical)));
        return QueryAsync($"id_list={list}&start=0&max_results={ids.Count}", FetchAttempts, cancellationToken);
    }

    /// <summary>One title search for <paramref name="words"/>, at least one, as <see cref="TitleWords"/>
    /// gives them (no retry: a completion that waited for retries would be stale anyway).</summary>
    /// <exception cref="ArxivApiException">No usable answer.</exception>
    public Task<IReadOnlyList<PaperRecord>> SearchTitlesAsync(IReadOnlyList<string> words, int limit, CancellationToken cancellationToken)
    {
        var search = string.Join(" AND ", words.Select(w => "ti:" + w));
        return QueryAsync($"search_query={Uri.EscapeDataString(search)}&start=0&max_results={limit}&sortBy=relevance", 1, cancellationToken);
    }

    /// <summary>Letters and digits only: quotes, parentheses and the search syntax's own words would change the query.</summary>
    internal static List<string> TitleWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (word.Length == 0) continue;
            if (word.ToString() is not ("and" or "or" or "andnot") and var finished) words.Add(finished);
            word.Clear();
        }
        return words;
    }

    private async Task<IReadOnlyList<PaperRecord>> QueryAsync(string query, int attempts, CancellationToken cancellationToken)
    {
        var uri = new UriBuilder(apiBase) { Query = query }.Uri;
        for (var attempt = 1; ; attempt++)
        {
            var (records, fault) = await SendOnceAsync(uri, cancellationToken).ConfigureAwait(false);
            if (fault is null) return records!;
            if (!fault.Retryable || attempt == attempts)
            {
                var reason = attempts > 1 && fault.Retryable ? $"{fault.Reason} (after {attempts} attempts)" : fault.Reason;
                throw fault.Cause is null
                    ? new ArxivApiException(reason, fault.Retryable)
                    : new ArxivApiException(reason, fault.Retryable, fault.Cause);
            }
            var backoff = fault.RetryAfter ?? FirstBackoff * (1 << (attempt - 1));
            await Task.Delay(TimeSpan.FromTicks(Math.Clamp(backoff.Ticks, 0, MaxRetryAfter.Ticks)), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(IReadOnlyList<PaperRecord>? Records, Fault? Fault)> SendOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        IAsyncDisposable turn;
        try
        {
            turn = await pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the lock there is no pacing across processes, so no request either.
            return (null, new Fault($"cannot use the rate-limit lock in {pacer.LockDirectory}: {e.Message}", false, null, e));
        }
        await using var pacedTurn = turn;
        using var timeout = new CancellationTokenSource(requestTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            using var body = await ReadBodyAsync(response, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var answered = $"arXiv answered {status} {response.ReasonPhrase}";
            if (status == 429 || status >= 500) return (null, new Fault(answered, true, RetryAfter(response), null));
            IReadOnlyList<PaperRecord> records;
            try
            {
                records = AtomFeedParser.Parse(body, clock.GetUtcNow());
            }
            catch (AtomFeedException e) when (e.IsErrorFeed || status < 400)
            {
                return (null, new Fault(e.Message, !e.IsErrorFeed, null, e));
            }
            catch (AtomFeedException e)
            {
                return (null, new Fault(answered, false, null, e));
            }
            return status < 400 ? (records, null) : (null, new Fault(answered, false, null, null));
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, new Fault($"arXiv did not answer within {requestTimeout.TotalSeconds:0} s", true, null, e));
        }
        catch (HttpRequestException e)
        {
            return (null, new Fault("cannot reach arXiv: " + e.Message, true, null, e));
        }
        catch (IOException e)
        {
            return (null, new Fault("arXiv's answer could not be read: " + e.Message, true, null, e));
        }
        catch (InvalidDataException e)
        {
            // Not worth asking again: the same URL gives the same oversized answer (a wrong API URL, a proxy).
            return (null, new Fault(e.Message, false, null, e));
        }
    }

    private static async Task<MemoryStream> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > MaxResponseBytes)
                throw new InvalidDataException($"arXiv's answer is larger than {MaxResponseBytes / (1024 * 1024)} MB");
            body.Write(buffer, 0, read);
        }
        body.Position = 0;
        return body;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    public void Dispose() => http.Dispose();

    private sealed record Fault(string Reason, bool Retryable, TimeSpan? RetryAfter, Exception? Cause);
}
