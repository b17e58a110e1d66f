using PaperLens.Core.Catalog;
using PaperLens.Testing;

namespace PaperLens.Metadata.Tests;

/// <summary>Fetching through the service against the loopback arXiv: what is asked, how often, and
/// what the catalog holds afterwards.</summary>
public sealed class MetadataServiceTests
{
    [Fact]
    public async Task A_fetched_paper_lands_in_the_catalog_and_an_absent_id_becomes_a_confirmed_miss()
    {
        using var bed = new ArxivTestBed();
        bed.Server.AddEntriesFromFile(Fixtures.Atom("francojc_lumen__arxiv_get_by_id.xml"));

        var report = await bed.Fetch("1706.03762", "2401.99999");

        Assert.Equal(ArxivTestBed.Ids("1706.03762"), report.Found);
        Assert.Equal(ArxivTestBed.Ids("2401.99999"), report.Missing);
        Assert.Empty(report.Failed);
        var paper = bed.Catalog.Find(ArxivTestBed.Id("1706.03762"));
        Assert.NotNull(paper);
        Assert.Equal(RecordSource.ArxivApi, paper.Source);
        Assert.Equal(7, paper.LatestVersion);
        Assert.True(bed.Catalog.IsConfirmedMiss(ArxivTestBed.Id("2401.99999")));
        var request = Assert.Single(bed.Server.Requests);
        Assert.Equal(["1706.03762", "2401.99999"], request.IdList);
    }

    [Fact]
    public async Task An_old_style_id_is_asked_for_and_found_by_its_archive_name()
    {
        using var bed = new ArxivTestBed();
        bed.Server.AddEntriesFromFile(Fixtures.Atom("arxiv-docs_user-manual__typical-response-example.xml"));

        var report = await bed.Fetch("hep-ex/0307015", "1706.03762");

        Assert.Equal(ArxivTestBed.Ids("hep-ex/0307015"), report.Found);
        Assert.Equal(["hep-ex/0307015", "1706.03762"], Assert.Single(bed.Server.Requests).IdList);
        Assert.Equal("Eur.Phys.J. C31 (2003) 17-29", bed.Catalog.Find(ArxivTestBed.Id("hep-ex/0307015"))!.JournalRef);
    }

    [Fact]
    public async Task Requests_identify_paperlens_by_name_and_version()
    {
        using var bed = new ArxivTestBed();

        await bed.Fetch("2401.99999");

        var agent = Assert.Single(bed.Server.Requests).UserAgent;
        Assert.Matches(@"^PaperLens/\d+\.\d+\.\d+ \(.*https?://", agent);
    }

    [Fact]
    public async Task Many_ids_go_in_batches_of_a_hundred_with_max_results_to_match()
    {
        using var bed = new ArxivTestBed();
        var ids = Enumerable.Range(1, 250).Select(n => $"2401.{n:D5}").ToArray();
        foreach (var id in ids.Where((_, i) => i % 2 == 0)) bed.Server.AddPaper(id, "Paper " + id);
        var progress = new List<FetchProgress>();

        var report = await bed.Drive(() => bed.Service.FetchAsync(ArxivTestBed.Ids(ids), new InlineProgress(progress.Add), CancellationToken.None));

        Assert.Equal([100, 100, 50], bed.Server.Requests.Select(r => r.IdList.Count));
        Assert.All(bed.Server.Requests, r => Assert.Equal(r.IdList.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Parameters["max_results"]));
        Assert.Equal(ids, bed.Server.Requests.SelectMany(r => r.IdList));
        Assert.Equal(125, report.Found.Count);
        Assert.Equal(125, report.Missing.Count);
        Assert.Equal([0, 100, 200, 250], progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(250, p.Total));
    }

    [Fact]
    public async Task Requests_are_at_least_three_seconds_apart_and_never_overlap()
    {
        using var bed = new ArxivTestBed();
        using var second = new MetadataService(bed.Catalog, bed.Options);
        var ids = Enumerable.Range(1, 300).Select(n => $"2402.{n:D5}").ToArray();

        await bed.Drive(() => Task.WhenAll(
            bed.Service.FetchAsync(ArxivTestBed.Ids(ids[..150]), null, CancellationToken.None),
            second.FetchAsync(ArxivTestBed.Ids(ids[150..]), null, CancellationToken.None)));

        var requests = bed.Server.Requests.OrderBy(r => r.ArrivedAt).ToList();
        Assert.Equal(4, requests.Count);
        foreach (var (earlier, later) in requests.Zip(requests.Skip(1)))
        {
            Assert.True(later.ArrivedAt - earlier.ArrivedAt >= TimeSpan.FromSeconds(3), $"{earlier.ArrivedAt:O} then {later.ArrivedAt:O}");
            Assert.True(later.ArrivedAt >= earlier.FinishedAt);
        }
    }

    [Fact]
    public async Task Offline_makes_no_request_and_needs_nothing()
    {
        using var bed = new ArxivTestBed(offline: true);

        var needed = bed.Service.NeedingFetch(ArxivTestBed.Ids("2401.99999"));
        var report = await bed.Fetch("2401.99999");
        var found = await bed.Service.SearchTitlesAsync("attention is all you need", 5, CancellationToken.None);

        Assert.Empty(needed);
        Assert.Equal(ArxivTestBed.Ids("2401.99999"), report.Failed);
        Assert.Empty(found);
        Assert.Empty(bed.Server.Requests);
        Assert.False(bed.Catalog.IsConfirmedMiss(ArxivTestBed.Id("2401.99999")));
    }

    [Theory]
    [InlineData(ArxivFault.TooManyRequests, 3)]
    [InlineData(ArxivFault.ServiceUnavailable, 3)]
    [InlineData(ArxivFault.Html, 3)]
    [InlineData(ArxivFault.Truncated, 3)]
    [InlineData(ArxivFault.Hang, 3)]
    [InlineData(ArxivFault.SlowBody, 3)]
    [InlineData(ArxivFault.CloseConnection, 3)]
    [InlineData(ArxivFault.ErrorFeed, 1)]
    public async Task A_lasting_fault_is_retried_a_bounded_number_of_times_and_leaves_the_catalog_untouched(ArxivFault fault, int attempts)
    {
        using var bed = new ArxivTestBed();
        bed.Server.AddEntriesFromFile(Fixtures.Atom("francojc_lumen__arxiv_get_by_id.xml"));
        bed.Server.FailNext(fault);
        var papersBefore = bed.Catalog.Count();

        var report = await bed.Fetch("1706.03762", "2401.99999");

        Assert.Equal(ArxivTestBed.Ids("1706.03762", "2401.99999"), report.Failed);
        Assert.NotNull(report.Problem);
        Assert.Equal(attempts, bed.Server.Requests.Count);
        Assert.Equal(papersBefore, bed.Catalog.Count());
        Assert.Null(bed.Catalog.Find(ArxivTestBed.Id("1706.03762")));
        Assert.False(bed.Catalog.IsConfirmedMiss(ArxivTestBed.Id("2401.99999")));
        Assert.Equal(ArxivTestBed.Ids("1706.03762", "2401.99999"), bed.Service.NeedingFetch(ArxivTestBed.Ids("1706.03762", "2401.99999")));
    }

    [Fact]
    public async Task An_oversized_answer_is_not_asked_for_again_and_nothing_is_written()
    {
        using var bed = new ArxivTestBed();
        bed.Server.AddEntriesFromFile(Fixtures.Atom("francojc_lumen__arxiv_get_by_id.xml"));
        bed.Server.FailNext(ArxivFault.Oversized);
        var papersBefore = bed.Catalog.Count();

        // A timeout far beyond the fake clock's steps: reading 33 MB takes real time, and it must not be
        // the timeout that ends the first attempt.
        using var patient = new MetadataService(bed.Catalog, bed.Options with { RequestTimeout = TimeSpan.FromDays(1) });
        var report = await bed.Drive(() => patient.FetchAsync(ArxivTestBed.Ids("1706.03762"), null, CancellationToken.None));

        Assert.Equal(ArxivTestBed.Ids("1706.03762"), report.Failed);
        Assert.Contains("larger than 32 MB", report.Problem);
        Assert.Single(bed.Server.Requests);
        Assert.Equal(papersBefore, bed.Catalog.Count());
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_and_nothing_is_written()
    {
        using var bed = new ArxivTestBed();
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var service = new MetadataService(bed.Catalog, bed.Options with { ApiBase = new Uri($"http://127.0.0.1:{closedPort}/api/query") });
        var papersBefore = bed.Catalog.Count();

        var report = await bed.Drive(() => service.FetchAsync(ArxivTestBed.Ids("1706.03762"), null, CancellationToken.None));

        Assert.Equal(ArxivTestBed.Ids("1706.03762"), report.Failed);
        Assert.Contains("cannot reach arXiv", report.Problem, StringComparison.Ordinal);
        Assert.Contains($"after {ArxivApiClient.FetchAttempts} attempts", report.Problem, StringComparison.Ordinal);
        Assert.Equal(papersBefore, bed.Catalog.Count());
        Assert.False(bed.Catalog.IsConfirmedMiss(ArxivTestBed.Id("1706.03762")));
    }

    [Fact]
    public async Task Without_a_usable_lock_directory_nothing_is_sent()
    {
        using var bed = new ArxivTestBed();
        var notADirectory = Path.Combine(bed.Directory, "a-file");
        File.WriteAllText(notADirectory, "");
        using var service = new MetadataService(bed.Catalog, bed.Options with { LockDirectory = notADirectory });

        var report = await bed.Drive(() => service.FetchAsync(ArxivTestBed.Ids("1706.03762"), null, CancellationToken.None));

        Assert.Equal(ArxivTestBed.Ids("1706.03762"), report.Failed);
        Assert.Contains("rate-limit lock", report.Problem, StringComparison.Ordinal);
        Assert.Empty(bed.Server.Requests);
    }

    [Fact]
    public async Task Retry_after_is_honoured_before_asking_again()
    {
        using var bed = new ArxivTestBed();
        bed.Server.AddEntriesFromFile(Fixtures.Atom("francojc_lumen__arxiv_get_by_id.xml"));
        bed.Server.FailNext(ArxivFault.ServiceUnavailable, times: 1, retryAfterSeconds: 20);

        var report = await bed.Fetch("1706.03762");

        Assert.Equal(ArxivTestBed.Ids("1706.03762"), report.Found);
        var requests = bed.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ArrivedAt - requests[0].ArrivedAt >= TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_huge_retry_after_is_capped()
    {
        using var bed = new ArxivTestBed();
        bed.Server.FailNext(ArxivFault.TooManyRequests, times: 1, retryAfterSeconds: 86_400);

        var report = await bed.Fetch("2401.99999");

        Assert.Equal(ArxivTestBed.Ids("2401.99999"), report.Missing);
        var requests = bed.Server.Requests;
        Assert.True(requests[1].ArrivedAt - requests[0].ArrivedAt < TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task After_a_network_fault_the_batches_written_before_it_stay_and_the_rest_are_left_for_later()
    {
        using var bed = new ArxivTestBed();
        var ids = Enumerable.Range(1, 300).Select(n => $"2403.{n:D5}").ToArray();
        foreach (var id in ids) bed.Server.AddPaper(id, "Paper " + id);
        var progress = new InlineProgress(p =>
        {
            if (p.Done == 100) bed.Server.FailNext(ArxivFault.CloseConnection);
        });

        var report = await bed.Drive(() => bed.Service.FetchAsync(ArxivTestBed.Ids(ids), progress, CancellationToken.None));

        Assert.Equal(ArxivTestBed.Ids(ids[..100]), report.Found);
        Assert.Equal(ArxivTestBed.Ids(ids[100..]), report.Failed);
        Assert.Equal(1 + ArxivApiClient.FetchAttempts, bed.Server.Requests.Count);
        Assert.Equal(100, bed.Catalog.FindMany(ArxivTestBed.Ids(ids)).Count);
        Assert.Equal(ArxivTestBed.Ids(ids[100..]), bed.Service.NeedingFetch(ArxivTestBed.Ids(ids)));
    }

    [Fact]
    public async Task Records_and_misses_are_asked_again_only_once_they_are_old()
    {
        using var bed = new ArxivTestBed();
        bed.Server.AddEntriesFromFile(Fixtures.Atom("francojc_lumen__arxiv_get_by_id.xml"));
        var ids = ArxivTestBed.Ids("1706.03762", "2401.99999");
        await bed.Fetch("1706.03762", "2401.99999");
        var fetchedAt = bed.Catalog.Find(ids[0])!.FetchedAt;

        var fresh = bed.Service.NeedingFetch(ids);
        bed.Clock.Advance(TimeSpan.FromDays(2));
        var missExpired = bed.Service.NeedingFetch(ids);
        bed.Clock.Advance(TimeSpan.FromDays(30));
        var bothExpired = bed.Service.NeedingFetch(ids);
        await bed.Fetch(bothExpired.Select(i => i.Canonical).ToArray());

        Assert.Empty(fresh);
        Assert.Equal([ids[1]], missExpired);
        Assert.Equal(ids, bothExpired);
        Assert.True(bed.Catalog.Find(ids[0])!.FetchedAt > fetchedAt);
        Assert.Empty(bed.Service.NeedingFetch(ids));
    }

    [Fact]
    public async Task A_record_from_a_bib_file_is_replaced_by_arxivs()
    {
        using var bed = new ArxivTestBed();
        bed.Server.AddEntriesFromFile(Fixtures.Atom("francojc_lumen__arxiv_get_by_id.xml"));
        var id = ArxivTestBed.Id("1706.03762");
        bed.Catalog.Upsert([new PaperRecord { Id = id, Title = "Attention is all you need", Authors = "Vaswani", Source = RecordSource.Bibtex, FetchedAt = bed.Clock.GetUtcNow() }]);

        var needed = bed.Service.NeedingFetch([id]);
        await bed.Fetch("1706.03762");

        Assert.Equal([id], needed);
        Assert.Equal(RecordSource.ArxivApi, bed.Catalog.Find(id)!.Source);
    }

    [Fact]
    public async Task A_title_search_adds_its_results_to_the_catalog_and_is_asked_once()
    {
        using var bed = new ArxivTestBed();
        bed.Server.AddSearch("transformer", Fixtures.AtomText("francojc_lumen__arxiv_search.xml"));

        var first = await bed.Drive(() => bed.Service.SearchTitlesAsync("Transformer in", 10, CancellationToken.None));
        var again = await bed.Drive(() => bed.Service.SearchTitlesAsync("transformer  IN", 10, CancellationToken.None));

        Assert.Equal(3, first.Count);
        Assert.Equal(first.Select(p => p.Id), again.Select(p => p.Id));
        var request = Assert.Single(bed.Server.Requests);
        Assert.Equal("ti:transformer AND ti:in", request.SearchQuery);
        Assert.All(first, p => Assert.NotNull(bed.Catalog.Find(p.Id)));
    }

    [Fact]
    public async Task A_failed_title_search_finds_nothing_and_changes_nothing()
    {
        using var bed = new ArxivTestBed();
        bed.Server.AddSearch("transformer", Fixtures.AtomText("francojc_lumen__arxiv_search.xml"));
        bed.Server.FailNext(ArxivFault.Truncated);
        var papersBefore = bed.Catalog.Count();

        var found = await bed.Drive(() => bed.Service.SearchTitlesAsync("transformer", 10, CancellationToken.None));

        Assert.Empty(found);
        Assert.Single(bed.Server.Requests);
        Assert.Equal(papersBefore, bed.Catalog.Count());
    }

    private sealed class InlineProgress(Action<FetchProgress> report) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value) => report(value);
    }
}
