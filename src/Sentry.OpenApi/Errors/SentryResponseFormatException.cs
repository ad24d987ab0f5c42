namespace Sentry.OpenApi;

/// <summary>
/// A successful (2xx) response whose body is not the documented JSON: HTML from a proxy, a truncated
/// body, or JSON of the wrong shape. Names the operation and the JSON path where reading failed, and the
/// message ends with an excerpt of the body.
/// </summary>
public class SentryResponseFormatException : SentryApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the operation.</param>
    /// <param name="statusCode">The response's status.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The request's path and query.</param>
    /// <param name="operation">The operationId, e.g. <c>RetrieveIssue</c>.</param>
    /// <param name="jsonPath">Where reading stopped, e.g. <c>[0].project.id</c>.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="responseBody">The start of the body.</param>
    /// <param name="innerException">The reader's exception.</param>
    public SentryResponseFormatException(string message, int statusCode, string? method, string? path, string? operation, string? jsonPath,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? responseBody, Exception? innerException = null)
        : base(message, statusCode, method, path, detail: null, headers, responseBody, innerException)
    {
        Operation = operation;
        JsonPath = jsonPath;
    }

    /// <summary>The JSON path at which the body stopped matching the schema, e.g. <c>[0].project.id</c>.</summary>
    public string? JsonPath { get; }
}

/// <summary>
/// A 2xx body larger than <see cref="SentryApiClientOptions.MaxResponseBytes"/>: the read stopped at the limit
/// (or before it began, when <c>Content-Length</c> said so), before the memory was spent.
/// </summary>
public sealed class SentryResponseTooLargeException : SentryResponseFormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the operation and the limit.</param>
    /// <param name="statusCode">The response's status.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The request's path and query.</param>
    /// <param name="operation">The operationId.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="limit">The limit in bytes.</param>
    public SentryResponseTooLargeException(string message, int statusCode, string? method, string? path, string? operation,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers, long limit)
        : base(message, statusCode, method, path, operation, jsonPath: null, headers, responseBody: null)
    {
        Limit = limit;
    }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long Limit { get; }
}
