using BenchmarkDotNet.Attributes;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// What each part of the client costs on <c>RetrieveIssueAsync</c> (in memory): the default client, then with
/// one handler turned off at a time, pacing turned on, everything off, and the generated code alone (no handlers:
/// the request check, the error mapping of <c>SentryClientBase</c> and the streamed read). The difference between two
/// lines is one handler's cost.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class HandlerCostBenchmarks
{
    private RawSentry _raw = null!;
    private SentryApiClient _default = null!;
    private SentryApiClient _noRetries = null!;
    private SentryApiClient _noTimeout = null!;
    private SentryApiClient _pacing = null!;
    private SentryApiClient _allOff = null!;
    private SentryApiClient _bare = null!;

    [GlobalSetup]
    public void Setup()
    {
        const TransportKind memory = TransportKind.InMemory;
        _raw = Transports.Raw(memory);
        _default = Transports.Client(memory);
        _noRetries = Transports.Client(memory, o => o.Retry = o.Retry with { MaxRetries = 0 });
        _noTimeout = Transports.Client(memory, o => o.Timeout = Timeout.InfiniteTimeSpan);
        _pacing = Transports.Client(memory, o => o.EnableRateLimitPacing = true);
        _allOff = Transports.Client(memory, o =>
        {
            o.Retry = o.Retry with { MaxRetries = 0 };
            o.Timeout = Timeout.InfiniteTimeSpan;
        });
        _bare = Transports.BareClient(memory);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in new[] { _default, _noRetries, _noTimeout, _pacing, _allOff, _bare })
        {
            client.Dispose();
        }

        _raw.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<IssueDetails> Raw() => _raw.RetrieveIssueAsync();

    /// <summary>The default client: retries and the attempt timeout on, pacing off.</summary>
    [Benchmark]
    public Task<IssueDetails> Default() => _default.Issues.RetrieveIssueAsync("acme", "1");

    /// <summary>Retry.MaxRetries = 0.</summary>
    [Benchmark]
    public Task<IssueDetails> RetriesOff() => _noRetries.Issues.RetrieveIssueAsync("acme", "1");

    /// <summary>Timeout = InfiniteTimeSpan: no attempt deadline.</summary>
    [Benchmark]
    public Task<IssueDetails> TimeoutOff() => _noTimeout.Issues.RetrieveIssueAsync("acme", "1");

    /// <summary>EnableRateLimitPacing = true.</summary>
    [Benchmark]
    public Task<IssueDetails> PacingOn() => _pacing.Issues.RetrieveIssueAsync("acme", "1");

    /// <summary>Both off: what is left is the User-Agent, retry (empty) and token handlers.</summary>
    [Benchmark]
    public Task<IssueDetails> RetriesAndTimeoutOff() => _allOff.Issues.RetrieveIssueAsync("acme", "1");

    /// <summary>An HttpClient straight over the transport: the generated code and SentryClientBase alone.</summary>
    [Benchmark]
    public Task<IssueDetails> GeneratedCodeOnly() => _bare.Issues.RetrieveIssueAsync("acme", "1");
}
