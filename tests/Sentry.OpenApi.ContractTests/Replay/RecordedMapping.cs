using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>What a replay needs from a mapping, read from either mapping format.</summary>
internal sealed record RecordedMapping(
    string Format,
    string? Method,
    string? Url,
    Dictionary<string, List<string>> Query,
    int Status,
    Dictionary<string, string> Headers,
    string? Body,
    string? BodyFile)
{
    /// <summary>WireMock.Net's <c>MappingModel</c>: <c>Request.Path</c> (text or matchers), <c>Methods</c>, <c>Params</c>; <c>Response.StatusCode</c>, <c>Headers</c>, <c>BodyAsJson</c>/<c>Body</c>/<c>BodyAsFile</c>.</summary>
    public static RecordedMapping FromWireMockNet(JObject mapping)
    {
        var request = mapping["Request"] as JObject;
        var response = mapping["Response"] as JObject;
        var method = (string?)(request?["Methods"] as JArray)?.FirstOrDefault();
        var url = Pattern(request?["Path"]) ?? Pattern(request?["Url"]);
        var query = QueryOfUrl(url);
        foreach (var param in (request?["Params"] as JArray ?? []).OfType<JObject>())
        {
            if ((string?)param["Name"] is not { } name || (bool?)param["RejectOnMatch"] == true)
            {
                continue;
            }

            var values = (param["Matchers"] as JArray ?? []).OfType<JObject>().SelectMany(m => m["Patterns"] is JArray many ? many.Select(p => (string?)p) : [(string?)m["Pattern"]])
                .OfType<string>().ToList();
            query[name] = values;
        }

        var status = response?["StatusCode"] is { } code && int.TryParse(code.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 200;
        var body = response?["BodyAsJson"] is { Type: not JTokenType.Null } json ? json.ToString(Newtonsoft.Json.Formatting.None) : (string?)response?["Body"];
        return new RecordedMapping("wiremock-net", method, url?.Split('?')[0], query, status, HeadersOf(response?["Headers"]), body, (string?)response?["BodyAsFile"]);
    }

    /// <summary>Java WireMock's mapping: <c>request.method</c>, <c>url</c>/<c>urlPath</c>, <c>queryParameters</c>; <c>response.status</c>, <c>headers</c>, <c>jsonBody</c>/<c>body</c>/<c>bodyFileName</c>.</summary>
    public static RecordedMapping FromJava(JObject mapping)
    {
        var request = mapping["request"] as JObject;
        var response = mapping["response"] as JObject;
        var url = (string?)request?["url"] ?? (string?)request?["urlPath"];
        var query = QueryOfUrl(url);
        foreach (var matcher in (request?["queryParameters"] as JObject)?.Properties() ?? [])
        {
            var values = matcher.Value["hasExactly"] is JArray exactly
                ? exactly.Select(m => (string?)m["equalTo"]).OfType<string>().ToList()
                : (string?)matcher.Value["equalTo"] is { } single ? [single] : [];
            if (values.Count > 0)
            {
                query[matcher.Name] = values;
            }
        }

        var body = response?["jsonBody"] is { } json ? json.ToString(Newtonsoft.Json.Formatting.None) : (string?)response?["body"];
        return new RecordedMapping("java", (string?)request?["method"], url?.Split('?')[0], query, (int?)response?["status"] ?? 200,
            HeadersOf(response?["headers"]), body, (string?)response?["bodyFileName"]);
    }

    private static string? Pattern(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } text => (string?)text,
        JObject { } matchers => (matchers["Matchers"] as JArray)?.OfType<JObject>().Select(m => (string?)m["Pattern"] ?? (string?)(m["Patterns"] as JArray)?.FirstOrDefault()).FirstOrDefault(),
        _ => null,
    };

    private static Dictionary<string, List<string>> QueryOfUrl(string? url)
    {
        var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var parts = url?.Split('?', 2);
        foreach (var pair in parts is [_, var text] ? text.Split('&', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            if (!query.TryGetValue(key, out var values))
            {
                query[key] = values = [];
            }

            values.Add(kv.Length == 2 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "");
        }

        return query;
    }

    private static Dictionary<string, string> HeadersOf(JToken? headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in (headers as JObject)?.Properties() ?? [])
        {
            result[header.Name] = header.Value is JArray values ? string.Join(", ", values) : (string?)header.Value ?? "";
        }

        return result;
    }
}
