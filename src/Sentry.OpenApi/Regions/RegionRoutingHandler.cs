using System.Collections.Concurrent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Logging;
using Sentry.OpenApi.Auth;

namespace Sentry.OpenApi.Regions;

/// <summary>
/// Sends each organization's requests to its data region: the region is <c>links.regionUrl</c> of
/// <c>GET {base}/organizations/{slug}/</c>, looked up once per organization (concurrent callers share
/// the lookup) and cached; the request keeps its path and query on the region's origin, which becomes
/// a trusted origin for the token. A region that <see cref="RegionTrustPolicy"/> does not trust is
/// logged and remembered as the base URL (it never gets a request or the token). A failed lookup is
/// logged, the call goes to the base URL, and the lookup is tried again after <see cref="FailedLookupRetryDelay"/>.
/// </summary>
internal sealed partial class RegionRoutingHandler : DelegatingHandler
{
    /// <summary>
    /// How long a failed lookup is remembered. Long enough that a burst of calls for an organization the
    /// token cannot read does not double every request; short enough that an outage heals soon.
    /// </summary>
    public static readonly TimeSpan FailedLookupRetryDelay = TimeSpan.FromSeconds(30);

    // The path segments after the API root that are followed by an organization slug.
    private static readonly string[] OrganizationScopes = ["organizations", "organization", "projects", "teams"];

    private readonly Uri _baseUrl;
    private readonly string _baseOrigin;
    private readonly SentryTrustedOrigins _origins;
    private readonly RegionTrustPolicy _policy;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<Task<RegionLookup>>> _lookups = new(StringComparer.Ordinal);
    // Lookups are shared, so no caller's token may cancel one; disposing the pipeline does.
    private readonly CancellationTokenSource _disposed = new();

    public RegionRoutingHandler(Uri baseUrl, SentryTrustedOrigins origins, ILogger logger)
        : this(baseUrl, origins, logger, TimeProvider.System)
    {
    }

    internal RegionRoutingHandler(Uri baseUrl, SentryTrustedOrigins origins, ILogger logger, TimeProvider time, IEnumerable<Uri>? trustedRegionOrigins = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _baseUrl = baseUrl;
        _baseOrigin = SentryTrustedOrigins.OriginOf(baseUrl);
        _origins = origins;
        _policy = new RegionTrustPolicy(baseUrl, trustedRegionOrigins);
        _logger = logger;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && OrganizationOf(uri) is { } slug)
        {
            var lookup = await LookupAsync(slug, request, cancellationToken).ConfigureAwait(false);
            if (lookup.RegionOrigin is { } region && !string.Equals(region, _baseOrigin, StringComparison.OrdinalIgnoreCase))
            {
                request.RequestUri = new Uri(region + uri.PathAndQuery, UriKind.Absolute);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.Cancel();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The organization slug (as written in the path) of a request for the base origin under the API
    /// root, e.g. <c>acme</c> of <c>/api/0/projects/acme/backend/</c>; null for anything else, such as
    /// <c>/api/0/organizations/</c> or a request already sent to a region.
    /// </summary>
    private string? OrganizationOf(Uri uri)
    {
        if (!uri.IsAbsoluteUri || !string.Equals(SentryTrustedOrigins.OriginOf(uri), _baseOrigin, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = uri.AbsolutePath;
        var root = _baseUrl.AbsolutePath;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[root.Length..].Split('/');
        return segments.Length >= 2 && OrganizationScopes.Contains(segments[0], StringComparer.Ordinal) && segments[1].Length > 0
            ? segments[1]
            : null;
    }

    private async Task<RegionLookup> LookupAsync(string slug, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = _lookups.GetOrAdd(slug, s => new Lazy<Task<RegionLookup>>(() => ResolveAsync(s, request.Headers.UserAgent.ToString())));
            var lookup = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (lookup.RegionOrigin is not null || _time.GetUtcNow() < lookup.RetryAfter)
            {
                return lookup;
            }

            // An old failure: forget it (unless another caller already did) and look up again.
            ((ICollection<KeyValuePair<string, Lazy<Task<RegionLookup>>>>)_lookups).Remove(new KeyValuePair<string, Lazy<Task<RegionLookup>>>(slug, entry));
        }
    }

    // Never throws: every failure becomes "use the base URL for now".
    private async Task<RegionLookup> ResolveAsync(string slug, string userAgent)
    {
        var organization = Uri.UnescapeDataString(slug);
        try
        {
            var region = await FetchRegionAsync(slug, userAgent, _disposed.Token).ConfigureAwait(false);
            if (region.Origin is { } origin && region.Problem is { } distrust)
            {
                // A definite answer, not an outage: remembered like a region, so it is logged once.
                LogUntrustedRegion(_logger, origin, organization, distrust, _baseOrigin);
                return new RegionLookup(_baseOrigin, DateTimeOffset.MaxValue);
            }

            if (region.Origin is { } trusted)
            {
                _origins.Add(new Uri(trusted));
                LogRegionResolved(_logger, organization, trusted);
                return new RegionLookup(trusted, DateTimeOffset.MaxValue);
            }

            LogLookupFailed(_logger, null, organization, region.Problem!, _baseOrigin);
        }
        catch (Exception e)
        {
            LogLookupFailed(_logger, e, organization, $"{e.GetType().Name}: {e.Message}", _baseOrigin);
        }

        return new RegionLookup(null, _time.GetUtcNow() + FailedLookupRetryDelay);
    }

    // (origin, null): trusted; (origin, problem): reported but not trusted; (null, problem): no usable answer.
    private async Task<(string? Origin, string? Problem)> FetchRegionAsync(string slug, string userAgent, CancellationToken cancellationToken)
    {
        using var lookup = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl, $"organizations/{slug}/"));
        lookup.Headers.Accept.ParseAdd("application/json");
        if (userAgent.Length > 0)
        {
            lookup.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        // Straight to the inner pipeline (retries, timeout, token): the error mapping is outside this handler.
        using var response = await base.SendAsync(lookup, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (null, $"GET {lookup.RequestUri!.AbsolutePath} returned {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var text = new StreamReader(body);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
        JToken json;
        try
        {
            json = await JToken.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (null, $"the response is not JSON ({e.Message})");
        }

        if ((json as JObject)?["links"] is not JObject links || links["regionUrl"] is not JValue { Type: JTokenType.String } regionUrl)
        {
            return (null, "the response has no links.regionUrl");
        }

        if (!Uri.TryCreate((string?)regionUrl, UriKind.Absolute, out var region)
            || (region.Scheme != Uri.UriSchemeHttps && region.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(region.Host))
        {
            return (null, "links.regionUrl is not an absolute http(s) URL");
        }

        // The token goes wherever requests are routed: only to origins the policy trusts.
        return (SentryTrustedOrigins.OriginOf(region), _policy.ProblemWith(region));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sentry organization {Organization} is served from {RegionOrigin}.")]
    private static partial void LogRegionResolved(ILogger logger, string organization, string regionOrigin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentry reported {RegionOrigin} as the data region of organization {Organization}, but it is not a trusted region origin ({Problem}); "
        + "its requests go to {BaseOrigin} and the token is not sent there. If that origin is yours, list it in SentryApiClientOptions.TrustedRegionOrigins.")]
    private static partial void LogUntrustedRegion(ILogger logger, string regionOrigin, string organization, string problem, string baseOrigin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not resolve the data region of Sentry organization {Organization} ({Problem}); sending its requests to {BaseOrigin} for now.")]
    private static partial void LogLookupFailed(ILogger logger, Exception? exception, string organization, string problem, string baseOrigin);

    /// <summary>The region origin, or null with the time from which a failed lookup may be retried.</summary>
    private sealed record RegionLookup(string? RegionOrigin, DateTimeOffset RetryAfter);
}
