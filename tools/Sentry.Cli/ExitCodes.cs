namespace Sentry.Cli;

/// <summary>The exit codes of <c>sentry-api</c>, for scripts.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>Sentry answered with an error (its <c>detail</c> is on standard error), or no usable answer came.</summary>
    public const int ApiError = 1;

    /// <summary>The command line is wrong: an unknown command or option, a bad value, a missing <c>--org</c> or <c>--yes</c>.</summary>
    public const int Usage = 2;

    /// <summary>No auth token: not <c>--token</c>, not <c>SENTRY_AUTH_TOKEN</c>, not in <c>~/.netrc</c>.</summary>
    public const int AuthMissing = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
