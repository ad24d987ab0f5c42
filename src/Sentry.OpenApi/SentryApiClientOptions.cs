using System.Reflection;
using System.Text;
using Sentry.OpenApi.Auth;
using Sentry.OpenApi.Http;
using Sentry.OpenApi.Regions;

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
    /// self-hosted Sentry such as <c>https://sentry.example.com/api/0/</c>. User info
    /// (<c>user:password@</c>) is refused: .NET never sends it, Sentry authenticates with the token, and a
    /// password in a URL would be shown wherever the URL is.
    /// </summary>
    public Uri BaseUrl { get; set; } = SaasBaseUrl;

    /// <summary>
    /// The <c>User-Agent</c> header; defaults to <c>Sentry.OpenApi/&lt;version&gt;</c>; empty sends none. Printable
    /// ASCII, spaces and tabs only: a line break or other control character is refused when the client is
    /// made (it could start another header).
    /// </summary>
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

    /// <summary>
    /// Region origins to trust beyond the built-in rule (see README, "Security"), each an absolute http(s)
    /// origin such as <c>https://sentry-eu.example.com</c> or <c>http://localhost:9001</c>: no path, query
    /// or user info. A region Sentry reports is used (and gets the token) only when it is the base URL's
    /// origin, a subdomain of the base URL's trusted domain on the same scheme and port, or listed here.
    /// </summary>
    public IList<Uri> TrustedRegionOrigins { get; set; } = [];

    /// <summary>The clock of waits, backoffs and rate-limit windows; tests replace it.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary><c>Sentry.OpenApi/&lt;informational version&gt;</c> of this assembly.</summary>
    public static string DefaultUserAgent { get; } = "Sentry.OpenApi/" + LibraryVersion();

    /// <summary>
    /// Checks every option that ends up in a URL or a header, so bad values fail when the client is made
    /// (naming the option) rather than at send time. The token is checked where it is resolved.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid; <see cref="ArgumentException.ParamName"/> names it.</exception>
    internal void Validate()
    {
        NormalizedBaseUrl();
        if (UserAgentHandler.ProblemWith(UserAgent) is { } problem)
        {
            throw new ArgumentException($"SentryApiClientOptions.UserAgent {problem}", nameof(UserAgent));
        }

        RegionTrustPolicy.ValidateListed(TrustedRegionOrigins, $"SentryApiClientOptions.{nameof(TrustedRegionOrigins)}", nameof(TrustedRegionOrigins));
        if (Retry is null)
        {
            throw new ArgumentException("SentryApiClientOptions.Retry must not be null; use MaxRetries = 0 to turn retrying off.", nameof(Retry));
        }

        if (Retry.MaxRetries < 0 || Retry.TotalBudget < TimeSpan.Zero || Retry.MaxRateLimitWait < TimeSpan.Zero || Retry.BaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"SentryApiClientOptions.Retry values must not be negative (use TimeSpan.MaxValue for no bound); got MaxRetries = {Retry.MaxRetries}, TotalBudget = {Retry.TotalBudget}, MaxRateLimitWait = {Retry.MaxRateLimitWait}, BaseDelay = {Retry.BaseDelay}.",
                nameof(Retry));
        }
    }

    /// <summary>The origin plus path prefix the generated clients append <c>api/0/...</c> paths to.</summary>
    internal Uri GeneratedClientBaseUrl()
    {
        var root = NormalizedBaseUrl();
        var text = root.AbsoluteUri;
        return new Uri(text[..^ApiPathPrefix.Length], UriKind.Absolute);
    }

    /// <summary>The base URL with a trailing slash; throws when it is not an absolute http(s) API root without user info.</summary>
    internal Uri NormalizedBaseUrl()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"SentryApiClientOptions.BaseUrl must be an absolute http(s) URL ending in /{ApiPathPrefix}, e.g. {SaasBaseUrl}; got '{UrlDisplay.Show(BaseUrl)}'.", nameof(BaseUrl));
        }

        if (BaseUrl.UserInfo.Length > 0)
        {
            throw new ArgumentException(
                $"SentryApiClientOptions.BaseUrl must not contain user info (user:password@): the client authenticates with AuthToken, and .NET would not send it; got '{UrlDisplay.Show(BaseUrl)}' (user info removed here).",
                nameof(BaseUrl));
        }

        var text = BaseUrl.GetLeftPart(UriPartial.Path);
        if (!text.EndsWith('/'))
        {
            text += "/";
        }

        if (!text.EndsWith("/" + ApiPathPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"SentryApiClientOptions.BaseUrl must end in /{ApiPathPrefix} (the API root), e.g. {SaasBaseUrl}; got '{UrlDisplay.Show(BaseUrl)}'.", nameof(BaseUrl));
        }

        return new Uri(text, UriKind.Absolute);
    }

    /// <summary>A copy, so a client keeps the settings it was created with.</summary>
    internal SentryApiClientOptions Clone()
    {
        var copy = (SentryApiClientOptions)MemberwiseClone();
        copy.Retry = Retry is null ? null! : Retry with { }; // null is refused by Validate, naming the option
        copy.TrustedRegionOrigins = TrustedRegionOrigins is null ? [] : [.. TrustedRegionOrigins];
        return copy;
    }

    /// <summary>The settings for a log line: the base URL without user info, the token as (set)/(none), control characters escaped.</summary>
    public override string ToString()
    {
        var trusted = TrustedRegionOrigins is { Count: > 0 } origins
            ? $", TrustedRegionOrigins = [{string.Join(", ", origins.Select(UrlDisplay.Show))}]"
            : "";
        return $"SentryApiClientOptions {{ BaseUrl = {UrlDisplay.Show(BaseUrl)}, UserAgent = {Escaped(UserAgent)}{trusted}, AuthToken = {(string.IsNullOrEmpty(AuthToken) ? "(none)" : "(set)")} }}";
    }

    // A value printed into a log line must not break it (or forge the next one).
    private static string? Escaped(string? value)
    {
        if (value is null || !value.Any(char.IsControl))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\r' => @"\r",
                '\n' => @"\n",
                '\t' => @"\t",
                _ when char.IsControl(c) => $@"\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    private static string LibraryVersion()
    {
        var assembly = typeof(SentryApiClientOptions).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // Drop SourceLink's "+commit" suffix: the User-Agent names the release, not the build.
        return (informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0").Split('+')[0];
    }
}
