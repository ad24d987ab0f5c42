using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sentry.OpenApi.RateLimits;

/// <summary>
/// Client-side pacing, per endpoint (Sentry limits per caller and endpoint): at most the last seen
/// <c>X-Sentry-Rate-Limit-ConcurrentLimit</c> requests in flight, and no new request while the window's
/// <c>Remaining</c> is used up, until <c>Reset</c>. Many tasks sharing one client then queue here
/// instead of collecting 429s.
/// </summary>
internal sealed partial class RateLimitPacingHandler(ILogger logger, TimeProvider time) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, EndpointBudget> _budgets = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath;
        var endpoint = $"{request.Method.Method} {Sentry.OpenApi.Http.SentryRequestOptions.GetOperation(request)?.Id ?? path}";
        var budget = _budgets.GetOrAdd(endpoint, static _ => new EndpointBudget());
        await budget.EnterAsync(time, wait => LogPacing(logger, endpoint, wait), cancellationToken).ConfigureAwait(false);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            budget.Exit(response is null ? null : SentryRateLimit.FromResponse(response, time.GetUtcNow()), time.GetUtcNow());
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sentry API {Endpoint}: rate-limit window used up; holding the request for {Wait}")]
    private static partial void LogPacing(ILogger logger, string endpoint, TimeSpan wait);

    /// <summary>What is known of one endpoint's limits, and the requests in flight to it.</summary>
    private sealed class EndpointBudget
    {
        private readonly object _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _concurrentLimit = int.MaxValue;
        private int? _remaining;
        private DateTimeOffset? _reset;

        public async Task EnterAsync(TimeProvider time, Action<TimeSpan> onWindowWait, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task changed;
                TimeSpan? windowWait = null;
                lock (_gate)
                {
                    var now = time.GetUtcNow();
                    if (_reset is { } reset && now >= reset)
                    {
                        _remaining = null; // a new window: unknown until the next response says
                        _reset = null;
                    }

                    if (_remaining is 0 && _reset is { } until)
                    {
                        windowWait = until - now;
                    }
                    else if (_inFlight < _concurrentLimit)
                    {
                        _inFlight++;
                        _remaining--; // counted now, so a burst cannot overshoot before responses arrive
                        return;
                    }

                    changed = _changed.Task;
                }

                if (windowWait is { } wait)
                {
                    onWindowWait(wait);
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        public void Exit(SentryRateLimit? limit, DateTimeOffset now)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                _inFlight--;
                if (limit?.ConcurrentLimit is { } concurrent)
                {
                    _concurrentLimit = Math.Max(1, concurrent);
                }

                if (limit?.Remaining is { } remaining && limit.Reset is { } reset && reset > now)
                {
                    // Responses arrive out of order: within one window keep the lower count.
                    _remaining = _reset == reset && _remaining is { } counted ? Math.Min(counted, remaining) : remaining;
                    _reset = reset;
                }

                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.SetResult();
        }
    }
}
