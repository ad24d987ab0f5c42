namespace Sentry.Cli;

/// <summary>The auth token could not be read (a malformed or unreadable <c>~/.netrc</c>); reported with <see cref="ExitCodes.AuthMissing"/>.</summary>
public sealed class CliTokenException(string message, Exception innerException) : Exception(message, innerException);
