using BenchmarkDotNet.Attributes;

namespace Sentry.OpenApi.Benchmarks;

/// <summary><c>RetrieveIssueAsync</c> (the 4.4 KB issue) against the raw baseline.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class RetrieveIssueBenchmarks
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
    public Task<IssueDetails> Raw() => _raw.RetrieveIssueAsync();

    [Benchmark]
    public Task<IssueDetails> Client() => _client.Issues.RetrieveIssueAsync("acme", "1");
}
