using System.Collections.Concurrent;

namespace Sentry.OpenApi.Auth;

/// <summary>
/// The origins the auth token may be sent to: the base URL's, plus the region origins Sentry itself
/// reported for the caller's organizations and <see cref="Regions.RegionTrustPolicy"/> accepted (region
/// routing). Everything else gets no token, and so does any URL with user info.
/// </summary>
internal sealed class SentryTrustedOrigins
{
    private readonly ConcurrentDictionary<string, byte> _origins = new(StringComparer.OrdinalIgnoreCase);

    public SentryTrustedOrigins(Uri baseUrl)
    {
        BaseOrigin = OriginOf(baseUrl);
        _origins[BaseOrigin] = 0;
    }

    /// <summary>The configured base URL's origin, e.g. <c>https://sentry.io</c>.</summary>
    public string BaseOrigin { get; }

    public void Add(Uri url) => _origins[OriginOf(url)] = 0;

    public bool Contains(Uri url) => url.IsAbsoluteUri && url.UserInfo.Length == 0 && _origins.ContainsKey(OriginOf(url));

    /// <summary>Scheme, host and port, never user info: <c>https://us.sentry.io</c> (default ports omitted).</summary>
    public static string OriginOf(Uri url) => url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
}
