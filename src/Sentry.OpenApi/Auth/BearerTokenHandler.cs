using System.Net.Http.Headers;

namespace Sentry.OpenApi.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;token&gt;</c> to requests for a trusted Sentry origin (the base
/// URL's, and region origins Sentry reported), and to no other host: a redirect or a link elsewhere
/// never carries the token.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly string _token;
    private readonly SentryTrustedOrigins _origins;

    public BearerTokenHandler(string token, SentryTrustedOrigins origins)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _token = token;
        _origins = origins;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = request.RequestUri is { } uri && _origins.Contains(uri)
            ? new AuthenticationHeaderValue("Bearer", _token)
            : null;
        return base.SendAsync(request, cancellationToken);
    }

    public override string ToString() => $"BearerTokenHandler {{ Origin = {_origins.BaseOrigin}, Token = (redacted) }}";
}
