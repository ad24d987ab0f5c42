using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Sentry.OpenApi.Http;

namespace Sentry.OpenApi.Errors;

/// <summary>
/// Builds the exceptions of a failed call: the <see cref="SentryApiException"/> subclass of an error status,
/// <see cref="SentryTransportException"/> for a broken connection, <see cref="SentryResponseFormatException"/>
/// for a 2xx body that is not the documented JSON. Every message and body excerpt is redacted of the
/// request's own credential.
/// </summary>
internal static class SentryErrors
{
    // Error bodies are small; reading more than this only wastes memory on an HTML error page.
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task<SentryApiException> FromResponseAsync(HttpRequestMessage request, HttpResponseMessage response, SentryOperation? operation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = await ReadErrorBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return FromResponse(request, response, operation, body, now);
    }

    public static SentryApiException FromResponse(HttpRequestMessage request, HttpResponseMessage response, SentryOperation? operation, string? body, DateTimeOffset now)
    {
        var secret = SentryRedaction.SecretOf(request);
        body = SentryRedaction.Redact(body, secret);
        var status = (int)response.StatusCode;
        var method = request.Method.Method;
        var path = PathOf(request);
        var headers = HeadersOf(response);
        var (detail, fieldErrors) = SentryErrorDetail.Parse(body);
        var name = operation is null ? "" : $"{operation.Id} ";
        var message = $"Sentry API {name}{method} {path} failed with {status} {SentryRedaction.Redact(response.ReasonPhrase, secret)}{(detail is null ? "." : $": {detail}")}";
        SentryApiException exception = status switch
        {
            400 => new SentryBadRequestException(message, status, method, path, detail, headers, body, fieldErrors),
            401 => new SentryUnauthorizedException(message, status, method, path, detail, headers, body),
            403 => new SentryForbiddenException(message, status, method, path, detail, headers, body),
            404 => new SentryNotFoundException(message, status, method, path, detail, headers, body),
            409 => new SentryConflictException(message, status, method, path, detail, headers, body),
            429 => new SentryRateLimitedException(message, status, method, path, detail, headers, body,
                SentryRateLimit.FromResponse(response, now)?.SuggestedDelay(now)),
            >= 500 => new SentryServerException(message, status, method, path, detail, headers, body),
            _ => new SentryApiException(message, status, method, path, detail, headers, body),
        };
        exception.Operation = operation?.Id;
        return exception;
    }

    public static SentryTransportException Transport(HttpRequestMessage request, SentryOperation? operation, Exception cause)
    {
        var path = PathOf(request);
        var message = SentryRedaction.Redact(cause.Message, SentryRedaction.SecretOf(request));
        var name = operation is null ? "" : $"{operation.Id} ";
        return new SentryTransportException($"Sentry API {name}{request.Method} {path} failed without a usable response: {message}", request.Method.Method, path, cause)
        {
            Operation = operation?.Id,
        };
    }

    public static SentryResponseFormatException Format(HttpResponseMessage response, SentryOperation operation, string? excerpt, string problem, JsonException? inner)
    {
        var request = response.RequestMessage;
        var secret = SentryRedaction.SecretOf(request);
        excerpt = SentryRedaction.Redact(excerpt, secret);
        var path = request is null ? null : PathOf(request);
        var jsonPath = inner switch
        {
            JsonReaderException reader => reader.Path,
            JsonSerializationException serialization => serialization.Path,
            _ => null,
        };
        var at = string.IsNullOrEmpty(jsonPath) ? "" : $" at JSON path '{jsonPath}'";
        var status = (int)response.StatusCode;
        var message = $"The {status} response of {operation.Id} ({request?.Method} {path}) is not the documented JSON{at}: {SentryRedaction.Redact(problem, secret)} Body starts: {Shorten(excerpt)}";
        return new SentryResponseFormatException(message, status, request?.Method.Method, path, operation.Id, jsonPath, HeadersOf(response), excerpt, inner);
    }

    public static SentryResponseTooLargeException TooLarge(HttpResponseMessage response, SentryOperation operation, long limit, long? length)
    {
        var request = response.RequestMessage;
        var path = request is null ? null : PathOf(request);
        var size = length is { } declared ? $"its Content-Length is {declared} bytes" : "it grew past that while it was read";
        var message = $"The {(int)response.StatusCode} response of {operation.Id} ({request?.Method} {path}) is larger than SentryApiClientOptions.MaxResponseBytes ({limit} bytes): {size}. The rest was not read.";
        return new SentryResponseTooLargeException(message, (int)response.StatusCode, request?.Method.Method, path, operation.Id, HeadersOf(response), limit);
    }

    internal static IReadOnlyDictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value.ToArray();
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = header.Value.ToArray();
        }

        return headers;
    }

    private static string? PathOf(HttpRequestMessage request) =>
        request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.PathAndQuery : request.RequestUri?.OriginalString;

    private static string Shorten(string? text) => text is null ? "(no body)" : (text.Length > 200 ? text[..200] + "…" : text).ReplaceLineEndings(" ");

    private static async Task<string?> ReadErrorBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxErrorBodyBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return length == 0 ? null : EncodingOf(content.Headers.ContentType).GetString(buffer, 0, length);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return null; // The connection broke while reading an error body: the status still tells.
        }
    }

    private static Encoding EncodingOf(MediaTypeHeaderValue? contentType)
    {
        try
        {
            return contentType?.CharSet is { Length: > 0 } charset ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
