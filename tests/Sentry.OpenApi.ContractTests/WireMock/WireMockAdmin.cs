using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.ContractTests.WireMock;

/// <summary>
/// A small client of WireMock's admin REST API: stub mappings, the request journal, scenarios and
/// reset. Mappings are WireMock's own JSON mapping format.
/// </summary>
internal sealed class WireMockAdmin(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>Adds one stub mapping (<c>{"request": ..., "response": ...}</c>).</summary>
    public async Task StubAsync(JObject mapping)
    {
        using var content = Json(mapping);
        using var response = await _http.PostAsync("__admin/mappings", content).ConfigureAwait(false);
        await EnsureAsync(response, "add a stub mapping").ConfigureAwait(false);
    }

    /// <summary>Removes all stubs, the request journal and scenario states.</summary>
    public async Task ResetAsync()
    {
        using var response = await _http.PostAsync("__admin/reset", null).ConfigureAwait(false);
        await EnsureAsync(response, "reset").ConfigureAwait(false);
    }

    /// <summary>Every request WireMock received since the last reset, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> RequestsAsync()
    {
        using var response = await _http.GetAsync("__admin/requests").ConfigureAwait(false);
        await EnsureAsync(response, "read the request journal").ConfigureAwait(false);
        var journal = JObject.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return ((JArray?)journal["requests"] ?? [])
            .Select(r => RecordedRequest.From((JObject)r["request"]!))
            .OrderBy(r => r.LoggedDate)
            .ToList();
    }

    /// <summary>Requests that WireMock received but no stub matched.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> UnmatchedRequestsAsync()
    {
        using var response = await _http.GetAsync("__admin/requests/unmatched").ConfigureAwait(false);
        await EnsureAsync(response, "read unmatched requests").ConfigureAwait(false);
        var journal = JObject.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return ((JArray?)journal["requests"] ?? []).Select(r => RecordedRequest.From((JObject)r)).ToList();
    }

    public void Dispose() => _http.Dispose();

    private static StringContent Json(JToken body) =>
        new(body.ToString(Formatting.None), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"WireMock admin could not {what}: {(int)response.StatusCode} {body}");
        }
    }
}

/// <summary>One request from WireMock's journal.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Url,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    DateTimeOffset LoggedDate)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static RecordedRequest From(JObject request)
    {
        var url = (string?)request["url"] ?? "/";
        var split = url.Split('?', 2);
        var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (split.Length == 2)
        {
            foreach (var pair in split[1].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                var key = Uri.UnescapeDataString(kv[0].Replace('+', ' '));
                var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "";
                if (!query.TryGetValue(key, out var values))
                {
                    query[key] = values = [];
                }

                values.Add(value);
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in (JObject?)request["headers"] ?? [])
        {
            headers[header.Key] = header.Value is JArray values ? string.Join(", ", values) : (string?)header.Value ?? "";
        }

        var logged = request["loggedDate"]?.Type == JTokenType.Integer
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)request["loggedDate"]!)
            : DateTimeOffset.MinValue;
        return new RecordedRequest(
            (string?)request["method"] ?? "?",
            url,
            Uri.UnescapeDataString(split[0]),
            query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value),
            headers,
            (string?)request["body"],
            logged);
    }
}
