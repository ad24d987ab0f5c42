namespace Sentry.Cli;

/// <summary>A command line the tool cannot act on; reported with <see cref="ExitCodes.Usage"/> before anything is sent.</summary>
public sealed class CliUsageException(string message) : Exception(message);
