namespace Sentry.OpenApi;

/// <summary>
/// No usable HTTP response arrived: the connection was refused or reset, the response was empty,
/// cut off or not HTTP at all. Raised after the retry policy gave up (idempotent requests) or at once
/// (POST). <see cref="SentryApiException.StatusCode"/> is 0; the cause is the inner exception.
/// </summary>
public sealed class SentryTransportException(string message, string? method, string? path, Exception innerException)
    : SentryApiException(message, 0, method, path, detail: null, headers: null, responseBody: null, innerException)
{
    /// <summary>
    /// The exception the generated methods throw when <paramref name="request"/> got no usable response, for
    /// requests made another way; the request's own credential is redacted from the message.
    /// </summary>
    public static SentryTransportException For(HttpRequestMessage request, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cause);
        return Errors.SentryErrors.Transport(request, operation: null, cause);
    }
}
