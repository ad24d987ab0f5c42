using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi;

/// <summary>
/// Reads Sentry's error bodies, which come in three shapes: <c>{"detail": "..."}</c>, a bare JSON
/// string, or a map of field names to messages (<c>{"slug": ["This field is required."]}</c>).
/// </summary>
internal static class SentryErrorDetail
{
    public static (string? Detail, IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors) Parse(string? body)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, fields);
        }

        JToken token;
        try
        {
            token = JToken.Parse(body!);
        }
        catch (JsonException)
        {
            return (null, fields); // HTML or plain text: the body excerpt says it all.
        }

        switch (token)
        {
            case JValue { Type: JTokenType.String } text:
                return ((string?)text, fields);
            case JObject map:
                string? detail = null;
                foreach (var (name, value) in map)
                {
                    if (name == "detail")
                    {
                        detail = Flatten(value!).FirstOrDefault();
                    }
                    else
                    {
                        fields[name] = Flatten(value!).ToList();
                    }
                }

                detail ??= fields.Count == 0 ? null : string.Join("; ", fields.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"));
                return (detail, fields);
            case JArray list:
                return (string.Join(" ", Flatten(list)), fields);
            default:
                return (token.ToString(Formatting.None), fields);
        }
    }

    private static IEnumerable<string> Flatten(JToken token) => token switch
    {
        JValue value => [value.Type == JTokenType.Null ? "null" : value.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        JArray array => array.SelectMany(Flatten),
        // Nested maps, e.g. {"detail": {"code": "...", "message": "..."}}: keep their message when present.
        JObject obj => obj["message"] is { } message ? Flatten(message) : [obj.ToString(Formatting.None)],
        _ => [token.ToString(Formatting.None)],
    };
}
