namespace Sentry.OpenApi;

/// <summary>
/// No auth token was found: not in <see cref="SentryApiClientOptions.AuthToken"/>, not in the
/// <c>SENTRY_AUTH_TOKEN</c> environment variable, and not in <c>~/.netrc</c> for the API host. The
/// message names the sources in the order they were tried and where to create a token.
/// </summary>
public sealed class SentryMissingTokenException(string host, string message) : InvalidOperationException(message)
{
    /// <summary>The API host whose <c>machine</c> entry was looked up in <c>.netrc</c>, e.g. <c>sentry.io</c>.</summary>
    public string Host { get; } = host;
}
