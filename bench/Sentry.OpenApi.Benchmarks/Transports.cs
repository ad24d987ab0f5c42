namespace Sentry.OpenApi.Benchmarks;

/// <summary>The two transports every comparison runs over.</summary>
public enum TransportKind
{
    /// <summary><see cref="InMemoryTransport"/>: canned bytes, no network.</summary>
    InMemory,

    /// <summary><see cref="LoopbackServer"/> on 127.0.0.1 through a <see cref="SocketsHttpHandler"/>.</summary>
    Loopback,
}

/// <summary>
/// Makes the client and the raw baseline over the same transport. The loopback server is the host process's
/// (its origin in <see cref="LoopbackOriginVariable"/>, inherited by BenchmarkDotNet's child processes); when
/// the variable is unset (a benchmark run in-process) a server is started here instead.
/// </summary>
public static class Transports
{
    public const string LoopbackOriginVariable = "SENTRY_BENCH_LOOPBACK_ORIGIN";

    /// <summary>The token both sides send.</summary>
    public const string Token = "x";

    /// <summary>Pages of the loopback server's issue list (and of the in-memory one unless told).</summary>
    public const int DefaultPages = 100;

    private static readonly Lazy<string> LoopbackOrigin = new(() =>
        Environment.GetEnvironmentVariable(LoopbackOriginVariable) is { Length: > 0 } origin
            ? origin
            : LoopbackServer.Start(DefaultPages).Origin); // lives until the process ends

    /// <summary>The origin requests go to.</summary>
    public static string OriginOf(TransportKind kind) => kind == TransportKind.InMemory ? InMemoryTransport.Origin : LoopbackOrigin.Value;

    /// <summary>A fresh transport (each client owns and disposes its own).</summary>
    public static HttpMessageHandler Create(TransportKind kind, int pages = DefaultPages) => kind switch
    {
        TransportKind.InMemory => new InMemoryTransport(new CannedApi(InMemoryTransport.Origin, pages)),
        // What SentryApiClient(options) uses itself.
        _ => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false },
    };

    /// <summary>The client as a user makes it over a transport: <c>new SentryApiClient(options, handler)</c>.</summary>
    public static SentryApiClient Client(TransportKind kind, Action<SentryApiClientOptions>? configure = null, int pages = DefaultPages) =>
        new(Options(kind, configure), Create(kind, pages));

    /// <summary>The generated code alone: an <see cref="HttpClient"/> straight over the transport, none of the client's handlers.</summary>
    public static SentryApiClient BareClient(TransportKind kind, int pages = DefaultPages) =>
        new(new HttpClient(Create(kind, pages)) { Timeout = Timeout.InfiniteTimeSpan }, Options(kind, null));

    /// <summary>The baseline over the same transport.</summary>
    public static RawSentry Raw(TransportKind kind, int pages = DefaultPages) => new(Create(kind, pages), OriginOf(kind));

    private static SentryApiClientOptions Options(TransportKind kind, Action<SentryApiClientOptions>? configure)
    {
        var options = new SentryApiClientOptions { AuthToken = Token, BaseUrl = new Uri(OriginOf(kind) + "/api/0/") };
        configure?.Invoke(options);
        return options;
    }
}
