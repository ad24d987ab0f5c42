using BenchmarkDotNet.Attributes;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>One page of 100 issues (<c>ListOrganizationIssuesAsync</c>: items, Link, rate limits) against the raw baseline.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class ListIssuesPageBenchmarks
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
    public async Task<int> Raw() => (await _raw.ListIssuesPageAsync()).Items.Count;

    [Benchmark]
    public async Task<int> Client() => (await _client.Issues.ListOrganizationIssuesAsync("acme")).Items.Count;
}
