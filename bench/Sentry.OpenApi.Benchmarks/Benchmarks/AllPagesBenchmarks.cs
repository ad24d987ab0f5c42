using BenchmarkDotNet.Attributes;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>10,000 issues over 100 pages: <c>ListOrganizationIssuesAllAsync</c> against a raw loop following <c>Link</c>.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class AllPagesBenchmarks : ClientAndRawBenchmark
{
    [Benchmark(Baseline = true)]
    public Task<int> Raw() => Baseline.CountAllIssuesAsync();

    [Benchmark]
    public async Task<int> Client()
    {
        var count = 0;
        await foreach (var issue in SentryClient.Issues.ListOrganizationIssuesAllAsync("acme"))
        {
            count++;
        }

        return count;
    }
}
