using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Recording;

/// <summary>
/// Takes credentials out of a mapping the recorder is about to save: request header and cookie
/// matchers for credentials, <c>Set-Cookie</c> and transport headers of the response, and any
/// occurrence of a credential the proxied requests carried (a server that echoes the token back).
/// </summary>
internal sealed class RecordingScrubber
{
    /// <summary>Request headers that carry credentials: never matched on, never saved.</summary>
    public static readonly string[] CredentialHeaders = ["Authorization", "Cookie", "Proxy-Authorization", "X-Sentry-Auth"];

    // Set-Cookie is a credential; the others describe the recorded transfer, not the response, and would break a replay.
    private static readonly string[] DroppedResponseHeaders =
        ["Set-Cookie", "Transfer-Encoding", "Content-Length", "Content-Encoding", "Connection", "Keep-Alive"];

    private const string Redacted = "[redacted]";

    private readonly ConcurrentDictionary<string, bool> _secrets = new(StringComparer.Ordinal);

    /// <summary>Remembers a credential value seen on a proxied request (the whole header value and, for a scheme, its token).</summary>
    public void Remember(string headerValue)
    {
        foreach (var value in headerValue.Split(';', ',').Select(v => v.Trim()).Prepend(headerValue.Trim()))
        {
            AddSecret(value);
            AddSecret(value.Split(' ', 2) is [_, var token] ? token.Trim() : null);
            AddSecret(value.Split('=', 2) is [_, var cookie] ? cookie.Trim() : null);
        }
    }

    /// <summary>The mapping JSON without credentials.</summary>
    public string Scrub(string mappingJson)
    {
        var text = mappingJson;
        foreach (var secret in _secrets.Keys.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        if (JsonNode.Parse(text) is not JsonObject mapping)
        {
            return text;
        }

        if (mapping["Request"] is JsonObject request)
        {
            request.Remove("Cookies");
            RemoveHeaders(request["Headers"], CredentialHeaders);
        }

        if (mapping["Response"] is JsonObject response)
        {
            RemoveHeaders(response["Headers"], DroppedResponseHeaders);
        }

        return mapping.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private void AddSecret(string? value)
    {
        // Short values ("Bearer", "1") would redact ordinary text; real tokens and cookies are longer.
        if (value is { Length: >= 8 })
        {
            _secrets.TryAdd(value, true);
        }
    }

    // Header matchers are a list of {"Name": ...}; response headers an object of name to value(s).
    private static void RemoveHeaders(JsonNode? headers, string[] names)
    {
        switch (headers)
        {
            case JsonArray list:
                foreach (var item in list.OfType<JsonObject>().Where(h => names.Contains((string?)h["Name"], StringComparer.OrdinalIgnoreCase)).ToList())
                {
                    list.Remove(item);
                }

                break;
            case JsonObject map:
                foreach (var name in map.Select(h => h.Key).Where(k => names.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList())
                {
                    map.Remove(name);
                }

                break;
        }
    }
}
