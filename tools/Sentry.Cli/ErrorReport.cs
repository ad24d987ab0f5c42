using System.Globalization;
using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli;

/// <summary>
/// Turns what ended a command into its exit code and a message on standard error: Sentry's <c>detail</c> for
/// API errors, where a walk or bulk call stopped, the token sources for a missing token. Nothing here prints
/// the token: the library's exceptions never carry it, and <c>api</c> redacts its own.
/// </summary>
internal static class ErrorReport
{
    public static int Write(Exception exception, TextWriter error, bool verbose)
    {
        switch (exception)
        {
            case CliUsageException:
                error.WriteLine($"error: {TerminalText.Clean(exception.Message)}");
                return ExitCodes.Usage;
            case SentryMissingTokenException missing:
                error.WriteLine($"error: {TerminalText.Clean(missing.Message)}");
                error.WriteLine($"sentry-api: pass --token, set SENTRY_AUTH_TOKEN, or add 'machine {TerminalText.Clean(missing.Host)} password <token>' to ~/.netrc.");
                return ExitCodes.AuthMissing;
            case CliTokenException:
                error.WriteLine($"error: {TerminalText.Clean(exception.Message)}");
                return ExitCodes.AuthMissing;
            case SentryApiException api:
                WriteApiError(api, error, verbose);
                return ExitCodes.ApiError;
            case TimeoutException:
                error.WriteLine($"error: {TerminalText.Clean(exception.Message)}");
                return ExitCodes.ApiError;
            case OperationCanceledException:
                error.WriteLine("cancelled");
                return ExitCodes.Cancelled;
            case ArgumentException:
                // The library refuses a value before sending (e.g. an id of "." or ".."); the message names it.
                error.WriteLine($"error: {TerminalText.Clean(exception.Message)}");
                return ExitCodes.Usage;
            default:
                error.WriteLine($"error: {exception.GetType().Name}: {TerminalText.Clean(exception.Message)}");
                return ExitCodes.ApiError;
        }
    }

    private static void WriteApiError(SentryApiException api, TextWriter error, bool verbose)
    {
        if (api.StatusCode > 0 && api is not SentryResponseFormatException)
        {
            var detail = api.Detail is { Length: > 0 } d ? d : "(Sentry sent no detail)";
            error.WriteLine($"error: {api.StatusCode} {TerminalText.Clean(api.Method)} {TerminalText.Clean(api.Path)}: {TerminalText.Clean(detail)}");
        }
        else
        {
            error.WriteLine($"error: {TerminalText.Clean(api.Message)}");
        }

        if (api is SentryRateLimitedException { RetryAfter: { } wait })
        {
            error.WriteLine($"rate limited: try again in {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s.");
        }

        // A walk that failed on its first page got nowhere: nothing to resume.
        if (api.Paging is { } paging && (paging.PagesFetched > 0 || paging.Cursor is not null))
        {
            var resume = paging.Cursor is null ? "run it again" : $"resume with --cursor {TerminalText.Clean(paging.Cursor)}";
            error.WriteLine($"stopped after {paging.ItemsDelivered} items ({paging.PagesFetched} pages); {resume}.");
        }

        if (api.Bulk is { } bulk)
        {
            error.WriteLine($"batch {bulk.FailedBatch} of {bulk.BatchCount} failed: {bulk.AppliedIds.Count} issues were changed before it, "
                + $"{bulk.FailedIds.Count} were in it, {bulk.NotAttemptedIds.Count} were not attempted.");
            if (bulk.NotAttemptedIds.Count + bulk.FailedIds.Count > 0)
            {
                error.WriteLine($"not done: {TerminalText.Clean(string.Join(' ', bulk.FailedIds.Concat(bulk.NotAttemptedIds)))}");
            }
        }

        if (verbose)
        {
            error.WriteLine($"{api.GetType().Name}: {TerminalText.Clean(api.Message)}");
            if (!string.IsNullOrEmpty(api.ResponseBody))
            {
                error.WriteLine($"response body: {TerminalText.Clean(api.ResponseBody)}");
            }
        }
    }
}
