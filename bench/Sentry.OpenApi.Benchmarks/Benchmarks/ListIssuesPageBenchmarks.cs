using BenchmarkDotNet.Attributes;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>One page of 100 issues (<c>ListOrganizationIssuesAsync</c>: items, Link, rate limits) against the raw baseline.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class ListIssuesPageBenchmarks : ClientAndRawBenchmark
{
    [Benchmark(Baseline = true)]
    public async Task<int> Raw() => (await Baseline.ListIssuesPageAsync()).Items.Count;

    [Benchmark]
    public async Task<int> Client() => (await SentryClient.Issues.ListOrganizationIssuesAsync("acme")).Items.Count;
}
