using System.Net.Http.Headers;

namespace Sentry.OpenApi.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;token&gt;</c> to requests for a trusted Sentry origin (the base
/// URL's, and region origins Sentry reported), and to no other host: a redirect or a link elsewhere
/// never carries the token. The token is found on first use and kept once found, so a pipeline built
/// before <c>SENTRY_AUTH_TOKEN</c> or <c>~/.netrc</c> has one (a DI container at start-up) works as soon
/// as it is set, instead of caching the failure.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly Func<string> _resolve;
    private readonly SentryTrustedOrigins _origins;
    private volatile string? _token;

    public BearerTokenHandler(Func<string> resolve, SentryTrustedOrigins origins)
    {
        _resolve = resolve;
        _origins = origins;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = request.RequestUri is { } uri && _origins.Contains(uri)
            ? new AuthenticationHeaderValue("Bearer", _token ??= _resolve())
            : null;
        return base.SendAsync(request, cancellationToken);
    }

    public override string ToString() => $"BearerTokenHandler {{ Origin = {_origins.BaseOrigin}, Token = {(_token is null ? "(not yet resolved)" : "(redacted)")} }}";
}
