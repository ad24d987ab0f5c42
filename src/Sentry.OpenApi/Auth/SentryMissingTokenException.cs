namespace Sentry.OpenApi;

/// <summary>
/// No usable auth token was found: not in <see cref="SentryApiClientOptions.AuthToken"/>, not in the
/// <c>SENTRY_AUTH_TOKEN</c> environment variable, and not in <c>~/.netrc</c> for the API host (or that file
/// could not be read: the inner exception says why, naming the file and line). The message names the
/// sources in the order they were tried and where to create a token; it never contains a token.
/// </summary>
public sealed class SentryMissingTokenException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="host">The API host whose <c>.netrc</c> entry was looked up.</param>
    /// <param name="message">What was tried.</param>
    public SentryMissingTokenException(string host, string message)
        : this(host, message, innerException: null)
    {
    }

    /// <summary>Creates the exception for a token source that could not be read.</summary>
    /// <param name="host">The API host whose <c>.netrc</c> entry was looked up.</param>
    /// <param name="message">What was tried.</param>
    /// <param name="innerException">Why the source could not be read.</param>
    public SentryMissingTokenException(string host, string message, Exception? innerException)
        : base(message, innerException)
    {
        Host = host;
    }

    /// <summary>The API host whose <c>machine</c> entry was looked up in <c>.netrc</c>, e.g. <c>sentry.io</c>.</summary>
    public string Host { get; }
}
