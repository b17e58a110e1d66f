using Microsoft.Extensions.Time.Testing;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Testing;

namespace PaperLens.Metadata.Tests;

/// <summary>A loopback arXiv, a fresh catalog in a temporary directory and a fake clock that both the
/// service and the server read, so pacing and retries are observed without sleeping.</summary>
internal sealed class ArxivTestBed : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "paperlens-metadata-" + Guid.NewGuid().ToString("N")[..12]);

    public ArxivTestBed(bool offline = false)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        Server = new LoopbackArxivServer(Clock);
        Catalog = PaperCatalog.Open(Path.Combine(directory, "catalog.db"));
        Options = new MetadataOptions
        {
            ApiBase = Server.ApiBase,
            Offline = offline,
            RequestTimeout = TimeSpan.FromSeconds(10),
            Clock = Clock,
        };
        Service = new MetadataService(Catalog, Options);
    }

    public FakeTimeProvider Clock { get; }

    public LoopbackArxivServer Server { get; }

    public PaperCatalog Catalog { get; }

    public MetadataOptions Options { get; }

    public MetadataService Service { get; }

    public string Directory => directory;

    public static ArxivId Id(string text) => ArxivId.Of(text);

    public static IReadOnlyList<ArxivId> Ids(params string[] texts) => texts.Select(ArxivId.Of).ToList();

    /// <summary>Runs <paramref name="operation"/> while moving the fake clock forward in small steps, so
    /// that every delay and timeout it waits for on the clock comes due.</summary>
    public async Task<T> Drive<T>(Func<Task<T>> operation)
    {
        var task = operation();
        while (!task.IsCompleted)
        {
            Clock.Advance(Step);
            await Task.WhenAny(task, Task.Delay(1));
        }
        return await task;
    }

    public Task<FetchReport> Fetch(params string[] ids) =>
        Drive(() => Service.FetchAsync(Ids(ids), null, CancellationToken.None));

    public void Dispose()
    {
        Service.Dispose();
        Catalog.Dispose();
        Server.Dispose();
        if (System.IO.Directory.Exists(directory)) System.IO.Directory.Delete(directory, recursive: true);
    }
}
