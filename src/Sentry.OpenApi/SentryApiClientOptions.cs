using System.Reflection;

namespace Sentry.OpenApi;

/// <summary>Configures a <see cref="SentryApiClient"/>: who is calling, and where requests go.</summary>
public sealed class SentryApiClientOptions
{
    /// <summary>The default API root, Sentry SaaS (routes to the organization's region).</summary>
    public static readonly Uri SaasBaseUrl = new("https://sentry.io/api/0/");

    /// <summary>The API root of Sentry's US region.</summary>
    public static readonly Uri UsRegionBaseUrl = new("https://us.sentry.io/api/0/");

    /// <summary>The API root of Sentry's EU (Germany) region.</summary>
    public static readonly Uri DeRegionBaseUrl = new("https://de.sentry.io/api/0/");

    /// <summary>The API prefix every Sentry path starts with; the spec's paths carry it.</summary>
    internal const string ApiPathPrefix = "api/0/";

    /// <summary>
    /// The auth token sent as <c>Authorization: Bearer</c>, only to the base URL's origin (and the region
    /// origins Sentry reports when region routing is on). When null: <c>SENTRY_AUTH_TOKEN</c>, then the
    /// <c>~/.netrc</c> entry for the base URL's host.
    /// </summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// The API root, ending in <c>/api/0/</c>: <see cref="SaasBaseUrl"/> (default), a region URL, or a
    /// self-hosted Sentry such as <c>https://sentry.example.com/api/0/</c>.
    /// </summary>
    public Uri BaseUrl { get; set; } = SaasBaseUrl;

    /// <summary>The <c>User-Agent</c> header; defaults to <c>Sentry.OpenApi/&lt;version&gt;</c>.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// How long one HTTP attempt may take before it fails with <see cref="TimeoutException"/> (distinct
    /// from the caller's cancellation, which gives <see cref="OperationCanceledException"/>).
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The largest 2xx response body the client reads, in bytes (default 64 MiB). A larger body ends the call
    /// with <see cref="SentryResponseTooLargeException"/> before its memory is spent: bodies are streamed into
    /// the result type, so memory is bounded by what the result needs, not by what the server sends.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Retries of rate-limited and transiently failed requests; <c>Retry.MaxRetries = 0</c> turns them off.</summary>
    public SentryRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Client-side pacing: keep requests in flight within the last seen <c>ConcurrentLimit</c>, and hold
    /// new requests while <c>Remaining</c> is 0 until <c>Reset</c>, so callers sharing this client see no 429.
    /// </summary>
    public bool EnableRateLimitPacing { get; set; }

    /// <summary>
    /// Send each organization's requests to its data region (<c>links.regionUrl</c> of
    /// <c>GET /organizations/{slug}/</c>), resolved once per organization and cached; on failure the
    /// base URL is used.
    /// </summary>
    public bool EnableRegionRouting { get; set; }

    /// <summary>Where retries, pacing waits and region lookups are logged (never with the token).</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary><c>Sentry.OpenApi/&lt;informational version&gt;</c> of this assembly.</summary>
    public static string DefaultUserAgent { get; } = "Sentry.OpenApi/" + LibraryVersion();

    /// <summary>The origin plus path prefix the generated clients append <c>api/0/...</c> paths to.</summary>
    internal Uri GeneratedClientBaseUrl()
    {
        var root = NormalizedBaseUrl();
        var text = root.AbsoluteUri;
        return new Uri(text[..^ApiPathPrefix.Length], UriKind.Absolute);
    }

    /// <summary>The base URL with a trailing slash; throws when it is not an absolute http(s) API root.</summary>
    internal Uri NormalizedBaseUrl()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"SentryApiClientOptions.BaseUrl must be an absolute http(s) URL ending in /{ApiPathPrefix}, e.g. {SaasBaseUrl}; got '{BaseUrl}'.", nameof(BaseUrl));
        }

        var text = BaseUrl.GetLeftPart(UriPartial.Path);
        if (!text.EndsWith('/'))
        {
            text += "/";
        }

        if (!text.EndsWith("/" + ApiPathPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"SentryApiClientOptions.BaseUrl must end in /{ApiPathPrefix} (the API root), e.g. {SaasBaseUrl}; got '{BaseUrl}'.", nameof(BaseUrl));
        }

        return new Uri(text, UriKind.Absolute);
    }

    /// <summary>A copy, so a client keeps the settings it was created with.</summary>
    internal SentryApiClientOptions Clone()
    {
        var copy = (SentryApiClientOptions)MemberwiseClone();
        copy.Retry = Retry with { };
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"SentryApiClientOptions {{ BaseUrl = {BaseUrl}, UserAgent = {UserAgent}, AuthToken = {(string.IsNullOrEmpty(AuthToken) ? "(none)" : "(set)")} }}";

    private static string LibraryVersion()
    {
        var assembly = typeof(SentryApiClientOptions).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // Drop SourceLink's "+commit" suffix: the User-Agent names the release, not the build.
        return (informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0").Split('+')[0];
    }
}
