using Microsoft.Extensions.Logging;

namespace Sentry.OpenApi.RateLimits;

/// <summary>
/// Logs, once per client, that a response carried a rate-limit header that is not a number or out of
/// range (it is then treated as unknown). Once per client: a misbehaving proxy would otherwise log on
/// every response. After the warning, responses are no longer inspected.
/// </summary>
internal sealed partial class RateLimitHeaderWarning(ILogger logger)
{
    private int _warned;

    public void Check(HttpResponseMessage response, DateTimeOffset now)
    {
        if (Volatile.Read(ref _warned) != 0)
        {
            return;
        }

        SentryRateLimit.Read(response, now, out var unusable);
        if (unusable is not null && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            var request = response.RequestMessage;
            LogUnusable(logger, request?.Method.Method, request?.RequestUri?.AbsolutePath, unusable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentry API {Method} {Path}: the response's {Header} header is not a number or out of range; it is treated as unknown. "
        + "Further unusable rate-limit headers are not logged by this client.")]
    private static partial void LogUnusable(ILogger logger, string? method, string? path, string header);
}
