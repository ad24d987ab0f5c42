using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Sentry.OpenApi.Retries;

/// <summary>
/// Retries rate-limited (429) and transiently failed requests with Polly. A 429 waits for
/// <c>Retry-After</c>, else until <c>X-Sentry-Rate-Limit-Reset</c> (Sentry usually sends no
/// Retry-After), with jitter; 502/503/504, connection failures and attempt timeouts back off
/// exponentially with jitter. Only idempotent methods are retried unless POST is opted in. A 429 whose
/// wait is longer than <see cref="SentryRetryOptions.MaxRateLimitWait"/> is not retried (waiting less would
/// only meet another 429), and no retry starts that would end past the total budget: the 429 then surfaces
/// as <see cref="SentryRateLimitedException"/> with the wait Sentry asked for. Every response is also
/// checked, once per client, for unusable rate-limit headers (<see cref="RateLimits.RateLimitHeaderWarning"/>).
/// </summary>
internal sealed partial class RetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Sentry.OpenApi.Request");
    private readonly SentryRetryOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly RateLimits.RateLimitHeaderWarning _headerWarning;

    public RetryHandler(SentryRetryOptions options, ILogger logger, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries, nameof(options.MaxRetries));
        _options = options;
        _logger = logger;
        _time = time;
        _headerWarning = new RateLimits.RateLimitHeaderWarning(logger);
        _pipeline = options.MaxRetries == 0
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(DelayBefore(args.Outcome, args.AttemptNumber)),
                    OnRetry = args =>
                    {
                        LogRetry(args.Context.Properties.GetValue(RequestKey, null!), Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
                        args.Outcome.Result?.Dispose(); // the failed attempt's connection goes back to the pool
                        return default;
                    },
                })
                .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        CallBudget.Start(request, _time);
        try
        {
            var response = await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            _headerWarning.Check(response, _time.GetUtcNow());
            return response;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attempt, ResilienceContext context)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        if (!Retryable(outcome, context.CancellationToken) || !MethodMayRetry(request.Method))
        {
            return false;
        }

        if (RateLimitWait(outcome) is { } wait && wait > CallBudget.LongestSingleWait(_options))
        {
            LogWaitTooLong(request, Describe(outcome), wait, _options.MaxRateLimitWait);
            return false;
        }

        var elapsed = CallBudget.Elapsed(request, _time);
        var delay = DelayBefore(outcome, attempt);
        if (elapsed + delay > _options.TotalBudget)
        {
            LogBudgetSpent(request, Describe(outcome), _options.TotalBudget);
            return false;
        }

        return true;
    }

    private static bool Retryable(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: OperationCanceledException } => false, // the caller cancelled
        { Exception: HttpRequestException or TimeoutException or IOException } => !cancellationToken.IsCancellationRequested,
        { Result: { } response } => response.StatusCode is (HttpStatusCode)429 or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    private bool MethodMayRetry(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete
        || method == HttpMethod.Options || (_options.RetryPost && method == HttpMethod.Post);

    /// <summary>What a 429 asks to wait (Retry-After, else until the reset); null for anything else or when it does not say.</summary>
    private TimeSpan? RateLimitWait(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is not { StatusCode: (HttpStatusCode)429 } limited)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        return SentryRateLimit.Read(limited, now, out _)?.SuggestedDelay(now);
    }

    /// <summary>The wait before the next attempt: the rate-limit wait for a 429 (checked against MaxRateLimitWait before), else exponential backoff.</summary>
    private TimeSpan DelayBefore(Outcome<HttpResponseMessage> outcome, int attempt)
    {
        if (RateLimitWait(outcome) is { } wait)
        {
            // Reset is whole epoch seconds: a little jitter spreads callers that share a window.
            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
            return (wait > _options.MaxRateLimitWait ? _options.MaxRateLimitWait : wait) + jitter;
        }

        var backoff = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        return TimeSpan.FromMilliseconds(backoff * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name : $"{(int)outcome.Result!.StatusCode} {outcome.Result.ReasonPhrase}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentry API {Method} {Path} failed ({Outcome}); retry {Retry} in {Delay}")]
    private static partial void LogRetry(ILogger logger, HttpMethod method, string? path, string outcome, int retry, TimeSpan delay);

    private void LogRetry(HttpRequestMessage request, string outcome, int retry, TimeSpan delay) =>
        LogRetry(_logger, request.Method, request.RequestUri?.AbsolutePath, outcome, retry, delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentry API {Method} {Path} failed ({Outcome}); not retrying: Sentry asks to wait {Wait}, longer than MaxRateLimitWait ({MaxWait})")]
    private static partial void LogWaitTooLong(ILogger logger, HttpMethod method, string? path, string outcome, TimeSpan wait, TimeSpan maxWait);

    private void LogWaitTooLong(HttpRequestMessage request, string outcome, TimeSpan wait, TimeSpan maxWait) =>
        LogWaitTooLong(_logger, request.Method, request.RequestUri?.AbsolutePath, outcome, wait, maxWait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentry API {Method} {Path} failed ({Outcome}); not retrying: the next attempt would end past the {Budget} budget")]
    private static partial void LogBudgetSpent(ILogger logger, HttpMethod method, string? path, string outcome, TimeSpan budget);

    private void LogBudgetSpent(HttpRequestMessage request, string outcome, TimeSpan budget) =>
        LogBudgetSpent(_logger, request.Method, request.RequestUri?.AbsolutePath, outcome, budget);
}
