using System.Net;
using PaperLens.Testing;

namespace PaperLens.Metadata.Tests;

/// <summary>The stand-in for arXiv behaves like arXiv where the other tests rely on it.</summary>
public sealed class LoopbackArxivServerTests
{
    [Fact]
    public async Task An_id_list_query_returns_the_known_entries_and_leaves_unknown_ids_out()
    {
        using var server = new LoopbackArxivServer();
        server.AddEntriesFromFile(Fixtures.Atom("francojc_lumen__arxiv_get_by_id.xml"));
        using var http = new HttpClient();

        var body = await http.GetStringAsync(new Uri(server.ApiBase, "?id_list=1706.03762,2401.99999&max_results=2"));

        Assert.Contains("http://arxiv.org/abs/1706.03762v7", body, StringComparison.Ordinal);
        Assert.DoesNotContain("2401.99999", body, StringComparison.Ordinal);
        var request = Assert.Single(server.Requests);
        Assert.Equal(["1706.03762", "2401.99999"], request.IdList);
    }

    [Fact]
    public async Task A_fault_lasts_for_the_number_of_requests_asked_for()
    {
        using var server = new LoopbackArxivServer();
        server.FailNext(ArxivFault.ServiceUnavailable, times: 1, retryAfterSeconds: 7);
        using var http = new HttpClient();

        using var first = await http.GetAsync(new Uri(server.ApiBase, "?id_list=1706.03762"));
        using var second = await http.GetAsync(new Uri(server.ApiBase, "?id_list=1706.03762"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }
}
