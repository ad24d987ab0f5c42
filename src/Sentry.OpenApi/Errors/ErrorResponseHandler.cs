using System.Net.Http.Headers;
using System.Text;

namespace Sentry.OpenApi.Errors;

/// <summary>
/// Turns every non-2xx response into the <see cref="SentryApiException"/> subclass for its status,
/// and a broken connection into <see cref="SentryTransportException"/>, before the generated client
/// sees it, so every operation fails the same documented way.
/// </summary>
internal sealed class ErrorResponseHandler : DelegatingHandler
{
    // Error bodies are small; reading more than this only wastes memory on an HTML error page.
    private const int MaxErrorBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var path = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.PathAndQuery : request.RequestUri?.ToString();
            throw new SentryTransportException($"Sentry API {request.Method} {path} failed without a usable response: {e.Message}", request.Method.Method, path, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            throw Create(request, response, body);
        }
    }

    internal static SentryApiException Create(HttpRequestMessage request, HttpResponseMessage response, string? body)
    {
        var status = (int)response.StatusCode;
        var method = request.Method.Method;
        var path = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.PathAndQuery : request.RequestUri?.ToString();
        var headers = HeadersOf(response);
        var (detail, fieldErrors) = SentryErrorDetail.Parse(body);
        var message = $"Sentry API {method} {path} failed with {status} {response.ReasonPhrase}{(detail is null ? "." : $": {detail}")}";
        return status switch
        {
            400 => new SentryBadRequestException(message, status, method, path, detail, headers, body, fieldErrors),
            401 => new SentryUnauthorizedException(message, status, method, path, detail, headers, body),
            403 => new SentryForbiddenException(message, status, method, path, detail, headers, body),
            404 => new SentryNotFoundException(message, status, method, path, detail, headers, body),
            409 => new SentryConflictException(message, status, method, path, detail, headers, body),
            429 => new SentryRateLimitedException(message, status, method, path, detail, headers, body,
                SentryRateLimit.FromHeaders(headers)?.SuggestedDelay(DateTimeOffset.UtcNow)),
            >= 500 => new SentryServerException(message, status, method, path, detail, headers, body),
            _ => new SentryApiException(message, status, method, path, detail, headers, body),
        };
    }

    internal static IReadOnlyDictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = values.ToArray();
        }

        foreach (var (name, values) in (IEnumerable<KeyValuePair<string, IEnumerable<string>>>?)response.Content?.Headers ?? [])
        {
            headers[name] = values.ToArray();
        }

        return headers;
    }

    private static async Task<string?> ReadBodyAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxErrorBodyBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return EncodingOf(content.Headers.ContentType).GetString(buffer, 0, length);
        }
        catch (HttpRequestException)
        {
            return null; // The connection broke while reading an error body: the status still tells.
        }
        catch (IOException)
        {
            return null;
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
