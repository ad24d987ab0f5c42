using BenchmarkDotNet.Attributes;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>The event bodies of <see cref="RetrieveEventBenchmarks"/>.</summary>
public enum EventSize
{
    /// <summary>The spec's example, 5.3 KB.</summary>
    Example5KB,

    /// <summary>The example grown to 134 frames and 100 breadcrumbs, about 108 KB.</summary>
    Grown108KB,
}

/// <summary><c>RetrieveProjectEventAsync</c> at both sizes against the raw baseline.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class RetrieveEventBenchmarks : ClientAndRawBenchmark
{
    [Params(EventSize.Example5KB, EventSize.Grown108KB)]
    public EventSize Size { get; set; }

    private string EventId => Size == EventSize.Grown108KB ? "large" : "small";

    [Benchmark(Baseline = true)]
    public Task<Event> Raw() => Baseline.RetrieveEventAsync(Size == EventSize.Grown108KB);

    [Benchmark]
    public Task<Event> Client() => SentryClient.Events.RetrieveProjectEventAsync("acme", "pump-station", EventId);
}
