namespace Sentry.OpenApi;

/// <summary>
/// No usable HTTP response arrived: the connection was refused or reset, the response was empty,
/// cut off or not HTTP at all. Raised after the retry policy gave up (idempotent requests) or at once
/// (POST). <see cref="SentryApiException.StatusCode"/> is 0; the cause is the inner exception.
/// </summary>
public sealed class SentryTransportException(string message, string? method, string? path, Exception innerException)
    : SentryApiException(message, 0, method, path, detail: null, headers: null, responseBody: null, innerException);
