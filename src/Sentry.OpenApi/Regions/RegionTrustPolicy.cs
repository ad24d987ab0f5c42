using Sentry.OpenApi.Auth;

namespace Sentry.OpenApi.Regions;

/// <summary>
/// Decides whether a <c>links.regionUrl</c> that Sentry reported may be followed, which also makes it an
/// origin the token is sent to. Trusted: an origin listed in
/// <see cref="SentryApiClientOptions.TrustedRegionOrigins"/> (exactly that scheme, host and port), or an
/// origin without user info, on the base URL's scheme and port, whose host is the base host or lies
/// under the base URL's <em>trusted domain</em>:
/// <list type="bullet">
/// <item><c>sentry.io</c> when the base host is <c>sentry.io</c> or one of its subdomains (Sentry SaaS:
/// <c>us.sentry.io</c> and <c>de.sentry.io</c> are trusted from any of them);</item>
/// <item>the base host itself for any other DNS name (<c>sentry.example.com</c> trusts
/// <c>eu.sentry.example.com</c>, not <c>other.example.com</c>);</item>
/// <item>nothing beyond itself for an IP address or a single-label host such as <c>localhost</c>.</item>
/// </list>
/// Without a public suffix list the parent of a host cannot be told apart from a public suffix
/// (<c>example.co.uk</c> → <c>co.uk</c>, <c>acme.herokuapp.com</c> → <c>herokuapp.com</c>), so the rule never
/// climbs above the base host, except for the one registrable domain it knows, <c>sentry.io</c>.
/// </summary>
internal sealed class RegionTrustPolicy
{
    private const string SaasDomain = "sentry.io";
    private readonly Uri _baseUrl;
    private readonly string _baseHost;
    private readonly string? _trustedDomain;
    private readonly HashSet<string> _listed;

    public RegionTrustPolicy(Uri baseUrl, IEnumerable<Uri>? listedOrigins)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _baseUrl = baseUrl;
        _baseHost = HostOf(baseUrl);
        _trustedDomain = TrustedDomainOf(baseUrl);
        _listed = new HashSet<string>((listedOrigins ?? []).Select(SentryTrustedOrigins.OriginOf), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The domain whose subdomains are trusted, e.g. <c>sentry.io</c>; null for an IP address or a single-label host.</summary>
    public static string? TrustedDomainOf(Uri baseUrl)
    {
        var host = HostOf(baseUrl);
        if (baseUrl.HostNameType != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return IsUnder(host, SaasDomain) ? SaasDomain : host;
    }

    /// <summary>Why <paramref name="region"/> is not trusted, or null when it is.</summary>
    public string? ProblemWith(Uri region)
    {
        if (region.UserInfo.Length > 0)
        {
            return "it has user info";
        }

        if (_listed.Contains(SentryTrustedOrigins.OriginOf(region)))
        {
            return null;
        }

        if (!string.Equals(region.Scheme, _baseUrl.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return $"its scheme is not the base URL's ({_baseUrl.Scheme})";
        }

        if (region.Port != _baseUrl.Port)
        {
            return $"its port is not the base URL's ({_baseUrl.Port})";
        }

        var host = HostOf(region);
        if (string.Equals(host, _baseHost, StringComparison.Ordinal))
        {
            return null;
        }

        if (_trustedDomain is null)
        {
            return $"the base host {_baseHost} is an IP address or a single-label name, which trusts no other host";
        }

        return region.HostNameType == UriHostNameType.Dns && IsUnder(host, _trustedDomain)
            ? null
            : $"its host is not {_trustedDomain} or a subdomain of it";
    }

    /// <summary>Checks the listed origins: each an absolute http(s) origin without user info, path, query or fragment.</summary>
    /// <exception cref="ArgumentException">One is not; the message names it by index, without its user info.</exception>
    public static void ValidateListed(IList<Uri>? origins, string optionName, string parameterName)
    {
        for (var i = 0; origins is not null && i < origins.Count; i++)
        {
            var origin = origins[i];
            var problem = origin switch
            {
                null => "is null",
                { IsAbsoluteUri: false } => "is a relative URL",
                _ when origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp => "is not http or https",
                _ when origin.UserInfo.Length > 0 => "has user info",
                _ when origin.Host.Length == 0 => "has no host",
                _ when origin.AbsolutePath != "/" => "has a path",
                _ when origin.Query.Length > 0 => "has a query",
                _ when origin.Fragment.Length > 0 => "has a fragment",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ArgumentException(
                    $"{optionName}[{i}] must be an absolute http(s) origin (scheme, host and optional port only), such as https://sentry-eu.example.com; '{UrlDisplay.Show(origin)}' {problem}.",
                    parameterName);
            }
        }
    }

    // Punycode, lower case: a look-alike Unicode host never equals an ASCII one.
    private static string HostOf(Uri url) => url.IdnHost.ToLowerInvariant();

    private static bool IsUnder(string host, string domain) =>
        string.Equals(host, domain, StringComparison.Ordinal) || host.EndsWith("." + domain, StringComparison.Ordinal);
}
