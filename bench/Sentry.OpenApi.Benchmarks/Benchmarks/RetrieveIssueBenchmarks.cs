using BenchmarkDotNet.Attributes;

namespace Sentry.OpenApi.Benchmarks;

/// <summary><c>RetrieveIssueAsync</c> (the 4.4 KB issue) against the raw baseline.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class RetrieveIssueBenchmarks : ClientAndRawBenchmark
{
    [Benchmark(Baseline = true)]
    public Task<IssueDetails> Raw() => Baseline.RetrieveIssueAsync();

    [Benchmark]
    public Task<IssueDetails> Client() => SentryClient.Issues.RetrieveIssueAsync("acme", "1");
}
