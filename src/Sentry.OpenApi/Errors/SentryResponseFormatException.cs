using Newtonsoft.Json;

namespace Sentry.OpenApi;

/// <summary>
/// A successful (2xx) response whose body is not the documented JSON: HTML from a proxy, a truncated
/// body, or JSON of the wrong shape. Names the operation, the JSON path where reading failed, and
/// starts with an excerpt of the body. The generated clients throw it (nswag.json's
/// <c>exceptionClass</c>); non-2xx responses never reach them (see <see cref="SentryApiException"/>).
/// </summary>
public class SentryResponseFormatException : SentryApiException
{
    /// <summary>The constructor the generated clients call.</summary>
    public SentryResponseFormatException(string message, int statusCode, string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, response, headers, innerException, SentryResponseCapture.Current)
    {
    }

    private SentryResponseFormatException(string message, int statusCode, string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException, SentryResponseCapture? capture)
        : base(Describe(message, statusCode, innerException, capture, BodyOf(response, capture)), statusCode,
            capture?.Method, capture?.PathAndQuery, detail: null, headers, BodyOf(response, capture), innerException)
    {
        Operation = capture?.Operation;
        JsonPath = JsonPathOf(innerException);
    }

    /// <summary>The operation that was called, e.g. <c>RetrieveIssue</c>, when known.</summary>
    public string? Operation { get; }

    /// <summary>The JSON path at which the body stopped matching the schema, e.g. <c>[0].project.id</c>.</summary>
    public string? JsonPath { get; }

    private static string? BodyOf(string? response, SentryResponseCapture? capture) =>
        string.IsNullOrEmpty(response) ? capture?.BodyExcerpt : response;

    private static string? JsonPathOf(Exception? exception) => exception switch
    {
        JsonReaderException reader => reader.Path,
        JsonSerializationException serialization => serialization.Path,
        _ => null,
    };

    private static string Describe(string message, int statusCode, Exception? inner, SentryResponseCapture? capture, string? body)
    {
        var operation = capture is null ? "a Sentry API call" : $"{capture.Operation} ({capture.Method} {capture.PathAndQuery})";
        var path = JsonPathOf(inner);
        var excerpt = body is null ? "(no body)" : Shorten(body, 200);
        var at = string.IsNullOrEmpty(path) ? "" : $" at JSON path '{path}'";
        return $"The {statusCode} response of {operation} is not the documented JSON{at}: {message} {inner?.Message} Body starts: {excerpt}";
    }

    private static string Shorten(string text, int length) =>
        (text.Length > length ? text[..length] + "…" : text).ReplaceLineEndings(" ");
}

/// <summary>The generic form the generated clients use for documented error bodies.</summary>
/// <typeparam name="TResult">The documented error body type.</typeparam>
public sealed class SentryResponseFormatException<TResult> : SentryResponseFormatException
{
    /// <summary>The constructor the generated clients call.</summary>
    public SentryResponseFormatException(string message, int statusCode, string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>The deserialized body.</summary>
    public TResult Result { get; }
}
