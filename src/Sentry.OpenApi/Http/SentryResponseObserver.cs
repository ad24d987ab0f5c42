namespace Sentry.OpenApi;

/// <summary>
/// Collects what the body alone does not say (status, headers, <c>Link</c>, rate-limit values) of
/// the response a generated method reads. The observer is set in the caller's async context before
/// the call, so the generated client's response hook (running inside the call) can fill it.
/// </summary>
public sealed class SentryResponseObserver
{
    private static readonly AsyncLocal<SentryResponseObserver?> CurrentObserver = new();

    internal static SentryResponseObserver? Current => CurrentObserver.Value;

    /// <summary>The response's status code.</summary>
    public int StatusCode { get; private set; }

    /// <summary>The response's headers (content headers included).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; private set; } = new Dictionary<string, IEnumerable<string>>();

    /// <summary>The <c>Link</c> header, when Sentry sent one.</summary>
    public string? LinkHeader => Headers.TryGetValue("Link", out var values) ? string.Join(", ", values) : null;

    /// <summary>The URL the response came from (after any region routing).</summary>
    public Uri? RequestUri { get; private set; }

    /// <summary>The response's rate-limit values.</summary>
    public SentryRateLimit? RateLimit { get; private set; }

    /// <summary>Runs <paramref name="call"/> (one generated client call) and returns its result with what its response said.</summary>
    public static async Task<(T Result, SentryResponseObserver Response)> ObserveAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var observer = new SentryResponseObserver();
        var previous = CurrentObserver.Value;
        CurrentObserver.Value = observer;
        try
        {
            var result = await call(cancellationToken).ConfigureAwait(false);
            return (result, observer);
        }
        finally
        {
            CurrentObserver.Value = previous;
        }
    }

    internal void Record(HttpResponseMessage response)
    {
        StatusCode = (int)response.StatusCode;
        RequestUri = response.RequestMessage?.RequestUri;
        Headers = Errors.ErrorResponseHandler.HeadersOf(response);
        RateLimit = SentryRateLimit.FromHeaders(Headers);
    }
}
