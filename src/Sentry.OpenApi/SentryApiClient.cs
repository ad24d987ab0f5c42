using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sentry.OpenApi.Auth;
using Sentry.OpenApi.Http;
using Sentry.OpenApi.RateLimits;
using Sentry.OpenApi.Regions;
using Sentry.OpenApi.Retries;

namespace Sentry.OpenApi;

/// <summary>
/// The entry point: one generated client per API tag (<see cref="Organizations"/>,
/// <see cref="Projects"/>, <see cref="Issues"/>, ...), sharing one <see cref="HttpClient"/> whose
/// handlers add the bearer token and User-Agent, route regions, retry and pace. Every failed call
/// throws the <see cref="SentryApiException"/> hierarchy.
/// </summary>
public sealed partial class SentryApiClient : ISentryApiClient, IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;

    /// <summary>Creates a client that owns its connections.</summary>
    public SentryApiClient(SentryApiClientOptions options)
        : this(options, Compat.DefaultTransport.Create())
    {
    }

    /// <summary>Creates a client over <paramref name="transport"/> (a custom or test handler); the client disposes it.</summary>
    public SentryApiClient(SentryApiClientOptions options, HttpMessageHandler transport)
        : this(new HttpClient(CreatePipeline(options, transport), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan }, options, ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> whose handlers were set up by
    /// <see cref="CreatePipeline"/> (for example by an <c>IHttpClientFactory</c>); the caller keeps ownership.
    /// </summary>
    public SentryApiClient(HttpClient httpClient, SentryApiClientOptions options)
        : this(httpClient, options, ownsHttpClient: false)
    {
    }

    private SentryApiClient(HttpClient httpClient, SentryApiClientOptions options, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Clone();
        if (Options.MaxResponseBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.MaxResponseBytes, "SentryApiClientOptions.MaxResponseBytes must be positive.");
        }

        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        // Shared by the tag clients, which the generated properties create on first use.
        Context = new SentryClientContext(_httpClient, Options.GeneratedClientBaseUrl(), Options.MaxResponseBytes, Options.TimeProvider);
    }

    /// <summary>The settings this client was created with (a copy).</summary>
    public SentryApiClientOptions Options { get; }

    private SentryClientContext Context { get; }

    /// <summary>
    /// Builds the handler chain every Sentry request goes through, on top of <paramref name="transport"/>,
    /// outermost first: User-Agent; region routing (opt-in); retries; rate-limit pacing (opt-in); the
    /// per-attempt timeout (which also bounds the streamed body); the bearer token
    /// (sent to trusted Sentry origins only). The token comes from the options, else
    /// <c>SENTRY_AUTH_TOKEN</c>, else <c>~/.netrc</c>; it is looked up on the first request and kept once
    /// found, so a request made while no source has one fails with <see cref="SentryMissingTokenException"/>
    /// and a later one succeeds once a token is set.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid (a header value, the base URL, a trusted region origin); the message names it.</exception>
    public static DelegatingHandler CreatePipeline(SentryApiClientOptions options, HttpMessageHandler transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        options.Validate();
        var baseUrl = options.NormalizedBaseUrl();
        // An explicit token is checked now (a bad one is a configuration error); the other sources on first use.
        var explicitToken = string.IsNullOrWhiteSpace(options.AuthToken) ? null : SentryTokenSources.Resolve(options.AuthToken, baseUrl);
        var logger = (ILogger?)options.LoggerFactory?.CreateLogger("Sentry.OpenApi") ?? NullLogger.Instance;
        var origins = new SentryTrustedOrigins(baseUrl);

        var handlers = new List<DelegatingHandler> { new UserAgentHandler(options.UserAgent) };
        if (options.EnableRegionRouting)
        {
            handlers.Add(new RegionRoutingHandler(baseUrl, origins, logger, options.TimeProvider, options.TrustedRegionOrigins));
        }

        handlers.Add(new RetryHandler(options.Retry, logger, options.TimeProvider));
        if (options.EnableRateLimitPacing)
        {
            handlers.Add(new RateLimitPacingHandler(options.Retry, logger, options.TimeProvider));
        }

        handlers.Add(new AttemptTimeoutHandler(options.Timeout));
        handlers.Add(new BearerTokenHandler(() => explicitToken ?? ResolveToken(baseUrl), origins));
        return Chain(transport, handlers);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SentryApiClient {{ {Options} }}";

    // The environment's token; an unreadable ~/.netrc is a missing token too, with the file and line as the cause.
    private static string ResolveToken(Uri baseUrl)
    {
        try
        {
            return SentryTokenSources.Resolve(null, baseUrl);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            throw new SentryMissingTokenException(baseUrl.IdnHost, $"No usable Sentry auth token: {e.Message}", e);
        }
    }

    // Links handlers outermost first; the last one sends through the transport.
    private static DelegatingHandler Chain(HttpMessageHandler transport, List<DelegatingHandler> handlers)
    {
        for (var i = 0; i < handlers.Count - 1; i++)
        {
            handlers[i].InnerHandler = handlers[i + 1];
        }

        handlers[^1].InnerHandler = transport;
        return handlers[0];
    }
}
