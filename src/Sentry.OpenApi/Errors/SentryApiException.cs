using System.Net;

namespace Sentry.OpenApi;

/// <summary>
/// A Sentry API call that did not succeed: a non-2xx status (see the subclasses per status) or a 2xx
/// whose body is not the documented JSON (<see cref="SentryResponseFormatException"/>).
/// Never carries the auth token: only method, path, status, headers and a body excerpt.
/// </summary>
public class SentryApiException : Exception
{
    /// <summary>How much of a response body an exception keeps.</summary>
    public const int MaxBodyExcerptLength = 4096;

    /// <summary>Creates an exception for a failed call.</summary>
    public SentryApiException(string message, int statusCode, string? method, string? path, string? detail,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        Detail = detail;
        Headers = headers ?? new Dictionary<string, IEnumerable<string>>();
        ResponseBody = Excerpt(responseBody);
        RateLimit = SentryRateLimit.FromHeaders(Headers);
    }

    /// <summary>The HTTP status code (0 when no response arrived).</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP status as an enum.</summary>
    public HttpStatusCode Status => (HttpStatusCode)StatusCode;

    /// <summary>The request's HTTP method, e.g. <c>PUT</c>.</summary>
    public string? Method { get; }

    /// <summary>The request's path and query, e.g. <c>/api/0/organizations/acme/issues/1/</c>.</summary>
    public string? Path { get; }

    /// <summary>Sentry's error message: the <c>detail</c> field, a bare JSON string body, or the field errors.</summary>
    public string? Detail { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The first <see cref="MaxBodyExcerptLength"/> characters of the response body.</summary>
    public string? ResponseBody { get; }

    /// <summary>The rate-limit headers of the response, when Sentry sent them.</summary>
    public SentryRateLimit? RateLimit { get; }

    /// <summary>The operation that was called (the spec's operationId, e.g. <c>RetrieveIssue</c>), when known.</summary>
    public string? Operation { get; internal set; }

    /// <summary>
    /// Set when the call was one page of an <c>...AllAsync</c> walk: how far the walk got, and the cursor to
    /// resume it from. Null for single calls.
    /// </summary>
    public SentryPagingProgress? Paging { get; internal set; }

    /// <summary>
    /// Set when the call was one batch of a bulk helper (e.g. <c>BulkMutateProjectIssuesInBatchesAsync</c>): which
    /// ids earlier batches already changed, which this batch held, and which were not attempted. Null otherwise.
    /// </summary>
    public SentryBulkProgress? Bulk { get; internal set; }

    /// <summary>
    /// The exception the generated methods throw for <paramref name="response"/>, for requests made another way
    /// (e.g. through an <see cref="HttpClient"/> over <see cref="SentryApiClient.CreatePipeline"/>): the subclass of
    /// its status, with Sentry's <c>detail</c> and up to 64 KiB of the body read, the request's own credential
    /// redacted from all of it. The response is not disposed.
    /// </summary>
    /// <exception cref="ArgumentException">The response is a success (2xx) or has no request.</exception>
    public static async Task<SentryApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode || response.RequestMessage is not { } request)
        {
            throw new ArgumentException("Only a failed (non-2xx) response of a sent request becomes a SentryApiException.", nameof(response));
        }

        return await Errors.SentryErrors.FromResponseAsync(request, response, operation: null, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the first <see cref="MaxBodyExcerptLength"/> characters of a body.</summary>
    internal static string? Excerpt(string? body) =>
        body is { Length: > MaxBodyExcerptLength } ? body[..MaxBodyExcerptLength] : body;
}
