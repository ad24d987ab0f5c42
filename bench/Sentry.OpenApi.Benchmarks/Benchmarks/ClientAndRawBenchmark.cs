using BenchmarkDotNet.Attributes;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// What every client-against-raw benchmark shares: a <see cref="SentryApiClient"/> and the raw baseline
/// (<see cref="RawSentry"/>) over the same transport, made once per parameter set.
/// </summary>
public abstract class ClientAndRawBenchmark
{
    /// <summary>The client under test.</summary>
    protected SentryApiClient SentryClient { get; private set; } = null!;

    /// <summary>The baseline: HttpClient and Newtonsoft by hand, on the same transport.</summary>
    protected RawSentry Baseline { get; private set; } = null!;

    /// <summary>In memory (the client's own cost) or over loopback HTTP (with the socket's).</summary>
    [Params(TransportKind.InMemory, TransportKind.Loopback)]
    public TransportKind Transport { get; set; }

    /// <summary>Makes the client and the baseline.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SentryClient = Transports.Client(Transport);
        Baseline = Transports.Raw(Transport);
    }

    /// <summary>Disposes both.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        SentryClient.Dispose();
        Baseline.Dispose();
    }
}
