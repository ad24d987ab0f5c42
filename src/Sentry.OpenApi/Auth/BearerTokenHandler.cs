using System.Net.Http.Headers;

namespace Sentry.OpenApi.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;token&gt;</c> to requests for the configured Sentry origin, and
/// to no other host: a redirect or a pagination link elsewhere never carries the token.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly string _token;
    private readonly Uri _origin;

    public BearerTokenHandler(string token, Uri baseUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _token = token;
        _origin = new Uri(baseUrl.GetLeftPart(UriPartial.Authority));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && SameOrigin(uri))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }
        else
        {
            request.Headers.Authorization = null;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private bool SameOrigin(Uri uri) =>
        uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _origin.Port;

    public override string ToString() => $"BearerTokenHandler {{ Origin = {_origin}, Token = (redacted) }}";
}
