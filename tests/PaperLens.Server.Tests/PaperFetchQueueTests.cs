using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Metadata;
using PaperLens.Server.Session;
using PaperLens.Testing;

namespace PaperLens.Server.Tests;

/// <summary>The fetch queue on its own, with a real MetadataService against the loopback arXiv and a
/// fake clock: what it asks arXiv again, and when.</summary>
public sealed class PaperFetchQueueTests : IDisposable
{
    private static readonly ArxivId Known = ArxivId.Of("2101.00001");
    private static readonly ArxivId Unknown = ArxivId.Of("2101.99999");

    private readonly TestWorkspace _folder = new();
    private readonly LoopbackArxivServer _arxiv = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PaperCatalog _catalog;
    private readonly MetadataService _service;
    private readonly Channel<FetchReport> _landed = Channel.CreateUnbounded<FetchReport>();
    private readonly Channel<string> _warnings = Channel.CreateUnbounded<string>();
    private readonly PaperFetchQueue _queue;

    public PaperFetchQueueTests()
    {
        _arxiv.AddPaper(Known.Canonical, "A Paper arXiv Has");
        _catalog = PaperCatalog.Open(_folder.CatalogPath);
        _service = new MetadataService(_catalog, new MetadataOptions { ApiBase = _arxiv.ApiBase, Clock = _clock });
        _queue = new PaperFetchQueue(Task.FromResult(_service), report => _landed.Writer.TryWrite(report),
            (level, message) => { if (level <= 2) _warnings.Writer.TryWrite(message); }, _clock);
    }

    [Fact]
    public async Task An_id_arXiv_answered_for_is_not_asked_about_again_in_the_session()
    {
        _queue.Enqueue([Known, Unknown], fromOpenDocument: true);

        var report = await Next(_landed);
        Assert.Equal([Known], report.Found);
        Assert.Equal([Unknown], report.Missing);
        Assert.Equal("A Paper arXiv Has", _catalog.Find(Known)?.Title);

        _queue.Enqueue([Known, Unknown], fromOpenDocument: true);
        Assert.False(_queue.IsPending(Known));
        Assert.False(_queue.IsPending(Unknown));
        Assert.Single(await ArxivLookupTests.AnsweredRequests(_arxiv, 1));
    }

    [Fact]
    public async Task A_failed_lookup_is_tried_again_only_after_the_retry_delay()
    {
        _arxiv.FailNext(ArxivFault.ErrorFeed, times: 1);
        _queue.Enqueue([Known], fromOpenDocument: false);

        Assert.Contains("arXiv lookup of 1 of 1 papers failed", await Next(_warnings));
        Assert.True(_queue.HasFailed(Known));
        Assert.Null(_catalog.Find(Known));
        _queue.Enqueue([Known], fromOpenDocument: false);
        Assert.False(_queue.IsPending(Known));

        _clock.Advance(PaperFetchQueue.RetryAfter);
        _queue.Enqueue([Known], fromOpenDocument: false);

        Assert.Equal([Known], (await Next(_landed)).Found);
        Assert.False(_queue.HasFailed(Known));
        Assert.NotNull(_catalog.Find(Known));
    }

    private static async Task<T> Next<T>(Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    public void Dispose()
    {
        _queue.Dispose();
        _service.Dispose();
        _catalog.Dispose();
        _arxiv.Dispose();
        _folder.Dispose();
    }
}
