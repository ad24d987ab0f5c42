namespace Sentry.OpenApi.Compat;

/// <summary>
/// The transport a client makes for itself: no automatic redirects (a redirect must not silently change the
/// origin the token goes to) and, where the runtime has it, pooled connections that are recycled so DNS
/// changes are seen.
/// </summary>
internal static class DefaultTransport
{
    public static HttpMessageHandler Create() =>
#if NET
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
#else
        new HttpClientHandler { AllowAutoRedirect = false };
#endif
}
