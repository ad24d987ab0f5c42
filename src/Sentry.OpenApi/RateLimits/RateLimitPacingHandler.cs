using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Sentry.OpenApi.Retries;

namespace Sentry.OpenApi.RateLimits;

/// <summary>
/// Client-side pacing, per endpoint (Sentry limits per caller and endpoint): at most the last seen
/// <c>X-Sentry-Rate-Limit-ConcurrentLimit</c> requests in flight, and no new request while the window's
/// <c>Remaining</c> is used up, until <c>Reset</c>. Many tasks sharing one client then queue here
/// instead of collecting 429s. No wait here is longer than <see cref="CallBudget.LongestWait"/>: a call
/// that would need longer is not sent and fails with <see cref="SentryRateLimitedException"/>
/// (<see cref="SentryApiException.StatusCode"/> 0, <c>RetryAfter</c> the wait it would have needed). A
/// slot taken is given back on every path, exceptions included.
/// </summary>
internal sealed partial class RateLimitPacingHandler(SentryRetryOptions retry, ILogger logger, TimeProvider time) : DelegatingHandler
{
    // Keyed by the operation object the generated code attaches (one static instance per operation, so the
    // reference is the key: no key text per call); requests without one (other callers of the pipeline) by
    // "METHOD path".
    private readonly ConcurrentDictionary<Sentry.OpenApi.Http.SentryOperation, EndpointBudget> _byOperation = new(); // SentryOperation has reference equality
    private readonly ConcurrentDictionary<string, EndpointBudget> _byPath = new(StringComparer.Ordinal);

    private TimeProvider Time => time;

    private SentryRetryOptions Retry => retry;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Sentry.OpenApi.Http.SentryRequestOptions.GetOperation(request);
        var budget = operation is not null
            ? _byOperation.GetOrAdd(operation, static _ => new EndpointBudget())
            : _byPath.GetOrAdd($"{request.Method.Method} {request.RequestUri?.AbsolutePath}", static _ => new EndpointBudget());
        CallBudget.StartUnlessStarted(request, time);
        var (refusal, ticket) = await budget.EnterAsync(this, request, cancellationToken).ConfigureAwait(false);
        if (refusal is { } refused)
        {
            throw Refused(request, refused);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            SentryRateLimit? limit = null;
            try
            {
                limit = response is null ? null : SentryRateLimit.Read(response, time.GetUtcNow(), out _);
            }
            finally
            {
                budget.Exit(limit, time.GetUtcNow(), ticket);
            }
        }
    }

    private static SentryRateLimitedException Refused(HttpRequestMessage request, Refusal refusal)
    {
        var method = request.Method.Method;
        var path = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.PathAndQuery : request.RequestUri?.ToString();
        var allowed = Seconds(refusal.Allowed);
        var message = refusal.WindowWait is { } wait
            ? $"Sentry API {method} {path} was not sent: its rate-limit window is used up for another {Seconds(wait)}, longer than this call may wait "
                + $"({allowed}: Retry.MaxRateLimitWait, or what is left of Retry.TotalBudget). RetryAfter says how long to wait."
            : $"Sentry API {method} {path} was not sent: the endpoint's ConcurrentLimit of {refusal.ConcurrentLimit} requests stayed in flight for as long as this call may wait "
                + $"({allowed}: Retry.MaxRateLimitWait, or what is left of Retry.TotalBudget).";
        return new SentryRateLimitedException(message, 0, method, path, detail: null, headers: null, responseBody: null, retryAfter: refusal.WindowWait);
    }

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sentry API {Endpoint}: rate-limit window used up; holding the request for {Wait}")]
    private static partial void LogPacing(ILogger logger, string endpoint, TimeSpan wait);

    // Only when a call waits: the endpoint's name is formatted for the log line, not for every call.
    private void LogPacing(HttpRequestMessage request, TimeSpan wait) =>
        LogPacing(logger, $"{request.Method.Method} {Sentry.OpenApi.Http.SentryRequestOptions.GetOperation(request)?.Id ?? request.RequestUri?.AbsolutePath}", wait);

    /// <summary>Why a call was not let in: the window wait it needed (null: waiting for a concurrency slot), and what it was allowed.</summary>
    private readonly record struct Refusal(TimeSpan? WindowWait, TimeSpan Allowed, int ConcurrentLimit);

    /// <summary>What is known of one endpoint's limits, and the requests in flight to it.</summary>
    private sealed class EndpointBudget
    {
        private readonly object _gate = new();

        // Made when a call starts waiting for a slot and completed by the next exit; null while nobody waits, so a
        // call that never waits allocates none (a TaskCompletionSource per exit was most of pacing's cost).
        private TaskCompletionSource? _changed;
        private int _inFlight;
        private int _concurrentLimit = int.MaxValue;
        private int? _remaining;
        private DateTimeOffset? _reset;

        // Counts the requests let in, so an answer's Remaining (counted by Sentry when that request arrived) can
        // be lowered by the requests let in after it: those are not in it yet.
        private long _admitted;

        /// <summary>
        /// Takes a slot (no refusal, and the request's ticket for <see cref="Exit"/>), or says why the call may not
        /// wait for one (no slot is then taken).
        /// </summary>
        public async Task<(Refusal? Refusal, long Ticket)> EnterAsync(RateLimitPacingHandler handler, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var time = handler.Time;
            while (true)
            {
                Task changed;
                TimeSpan? windowWait = null;
                int concurrentLimit;
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
                        return (null, ++_admitted);
                    }

                    _changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    changed = _changed.Task;
                    concurrentLimit = _concurrentLimit;
                }

                var allowed = CallBudget.LongestWait(request, handler.Retry, time);
                if (windowWait is { } wait)
                {
                    if (wait > allowed)
                    {
                        return (new Refusal(wait, allowed, concurrentLimit), 0);
                    }

                    handler.LogPacing(request, wait);
                    await Compat.Delays.DelayAsync(time, wait, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    try
                    {
                        await changed.WaitAsync(allowed, time, cancellationToken).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        return (new Refusal(null, allowed, concurrentLimit), 0);
                    }
                }
            }
        }

        public void Exit(SentryRateLimit? limit, DateTimeOffset now, long ticket)
        {
            TaskCompletionSource? changed;
            lock (_gate)
            {
                _inFlight--;
                if (limit?.ConcurrentLimit is { } concurrent)
                {
                    _concurrentLimit = Math.Max(1, concurrent);
                }

                if (limit?.Remaining is { } reported && limit.Reset is { } reset && reset > now)
                {
                    // What is left once the requests let in after this one are counted too (a new window's first
                    // answer, otherwise, would let in again the requests sent while its count was unknown).
                    var remaining = (int)Math.Max(0, reported - (_admitted - ticket));
                    // Responses arrive out of order: within one window keep the lower count.
                    _remaining = _reset == reset && _remaining is { } counted ? Math.Min(counted, remaining) : remaining;
                    _reset = reset;
                }

                changed = _changed;
                _changed = null;
            }

            changed?.SetResult();
        }
    }
}
