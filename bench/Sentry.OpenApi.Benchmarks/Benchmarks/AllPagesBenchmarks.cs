using BenchmarkDotNet.Attributes;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>10,000 issues over 100 pages: <c>ListOrganizationIssuesAllAsync</c> against a raw loop following <c>Link</c>.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class AllPagesBenchmarks
{
    private SentryApiClient _client = null!;
    private RawSentry _raw = null!;

    [Params(TransportKind.InMemory, TransportKind.Loopback)]
    public TransportKind Transport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _client = Transports.Client(Transport);
        _raw = Transports.Raw(Transport);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> Raw() => _raw.CountAllIssuesAsync();

    [Benchmark]
    public async Task<int> Client()
    {
        var count = 0;
        await foreach (var issue in _client.Issues.ListOrganizationIssuesAllAsync("acme"))
        {
            count++;
        }

        return count;
    }
}
