using System.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sentry.OpenApi;

namespace Sentry.Cli.Api;

/// <summary>
/// The library's typed errors for <c>api</c>'s own requests: a non-2xx response becomes the same
/// <see cref="SentryApiException"/> subclass a generated call throws, with Sentry's <c>detail</c>; the request's
/// token is removed from everything kept. (The library builds these internally for its generated calls only.)
/// </summary>
internal static class ApiErrors
{
    private const string Redacted = "[redacted]";

    public static SentryApiException FromResponse(HttpRequestMessage request, HttpResponseMessage response, string? body)
    {
        var secret = request.Headers.Authorization?.Parameter;
        body = Redact(body, secret);
        var status = (int)response.StatusCode;
        var method = request.Method.Method;
        var path = request.RequestUri?.PathAndQuery;
        var (detail, fields) = Detail(body);
        var headers = Headers(response);
        var message = $"Sentry API {method} {path} failed with {status} {Redact(response.ReasonPhrase, secret)}{(detail is null ? "." : $": {detail}")}";
        return status switch
        {
            400 => new SentryBadRequestException(message, status, method, path, detail, headers, body, fields),
            401 => new SentryUnauthorizedException(message, status, method, path, detail, headers, body),
            403 => new SentryForbiddenException(message, status, method, path, detail, headers, body),
            404 => new SentryNotFoundException(message, status, method, path, detail, headers, body),
            409 => new SentryConflictException(message, status, method, path, detail, headers, body),
            429 => new SentryRateLimitedException(message, status, method, path, detail, headers, body,
                SentryRateLimit.FromResponse(response)?.SuggestedDelay(DateTimeOffset.UtcNow)),
            >= 500 => new SentryServerException(message, status, method, path, detail, headers, body),
            _ => new SentryApiException(message, status, method, path, detail, headers, body),
        };
    }

    public static SentryTransportException Transport(HttpRequestMessage request, Exception cause) =>
        new($"Sentry API {request.Method} {request.RequestUri?.PathAndQuery} failed without a usable response: {Redact(cause.Message, request.Headers.Authorization?.Parameter)}",
            request.Method.Method, request.RequestUri?.PathAndQuery, cause);

    public static string? Redact(string? text, string? secret) =>
        text is null || string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Redacted, StringComparison.Ordinal);

    // Sentry's error bodies: {"detail": "..."} (or {"detail": {"message": ...}}), a bare JSON string, or field -> messages.
    private static (string? Detail, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields) Detail(string? body)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        JToken token;
        try
        {
            token = string.IsNullOrWhiteSpace(body) ? JValue.CreateNull() : JToken.Parse(body);
        }
        catch (JsonReaderException)
        {
            return (null, fields); // an HTML error page: the status says it
        }

        switch (token)
        {
            case JValue { Type: JTokenType.String } text:
                return ((string?)text, fields);
            case JObject { } obj when obj["detail"] is { } detail:
                return (detail.Type == JTokenType.String ? (string?)detail : (string?)detail["message"] ?? detail.ToString(Formatting.None), fields);
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    var messages = property.Value is JArray array
                        ? array.Select(m => m.Type == JTokenType.String ? (string)m! : m.ToString(Formatting.None)).ToList()
                        : [property.Value.Type == JTokenType.String ? (string)property.Value! : property.Value.ToString(Formatting.None)];
                    fields[property.Name] = messages;
                }

                return (fields.Count == 0 ? null : string.Join("; ", fields.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}")), fields);
            default:
                return (null, fields);
        }
    }

    private static Dictionary<string, IEnumerable<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat<KeyValuePair<string, IEnumerable<string>>>(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToArray();
        }

        return headers;
    }
}
