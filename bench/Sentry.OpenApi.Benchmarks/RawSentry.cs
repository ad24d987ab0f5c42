using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// The baseline, the physical limit of a Newtonsoft client: <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>
/// with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, then <see cref="JsonSerializer.Deserialize(JsonReader)"/>
/// streaming from the body into the same generated type, with the client's own settings
/// (<see cref="SentryJson.CreateSerializer"/>). Same token, Accept and User-Agent headers as the client; no retries,
/// no pacing, no timeout, no typed errors.
/// </summary>
public sealed class RawSentry : IDisposable
{
    private static readonly JsonSerializer Serializer = SentryJson.CreateSerializer();
    private readonly HttpClient _http;
    private readonly string _origin;

    public RawSentry(HttpMessageHandler transport, string origin)
    {
        _origin = origin;
        _http = new HttpClient(transport) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Transports.Token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", SentryApiClientOptions.DefaultUserAgent);
    }

    public Task<IssueDetails> RetrieveIssueAsync() => GetAsync<IssueDetails>(_origin + CannedApi.IssuePath);

    public Task<Event> RetrieveEventAsync(bool large) => GetAsync<Event>(_origin + (large ? CannedApi.LargeEventPath : CannedApi.SmallEventPath));

    /// <summary>One page and the URL of the next (null on the last page).</summary>
    public async Task<(List<Issue> Items, string? Next)> ListIssuesPageAsync(string? url = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url ?? _origin + CannedApi.IssuesPath);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var items = await ReadAsync<List<Issue>>(response);
        return (items, response.Headers.TryGetValues("Link", out var link) ? NextUrl(link.First()) : null);
    }

    /// <summary>Every page, following <c>Link</c>; returns how many issues were read.</summary>
    public async Task<int> CountAllIssuesAsync()
    {
        var count = 0;
        string? url = null;
        do
        {
            var (items, next) = await ListIssuesPageAsync(url);
            count += items.Count;
            url = next;
        }
        while (url is not null);

        return count;
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await ReadAsync<T>(response);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        using var text = new StreamReader(stream, Encoding.UTF8);
        using var json = new JsonTextReader(text);
        return Serializer.Deserialize<T>(json) ?? throw new JsonSerializationException("The body is null.");
    }

    // What a hand-written loop does with Sentry's Link header: the <url> of rel="next" when results="true".
    private static string? NextUrl(string link)
    {
        var rel = link.IndexOf("rel=\"next\"", StringComparison.Ordinal);
        if (rel < 0)
        {
            return null;
        }

        var end = link.IndexOf(", <", rel, StringComparison.Ordinal);
        var attributes = end < 0 ? link.AsSpan(rel) : link.AsSpan(rel, end - rel);
        if (!attributes.Contains("results=\"true\"", StringComparison.Ordinal))
        {
            return null;
        }

        var open = link.LastIndexOf('<', rel);
        var close = link.IndexOf('>', open);
        return link[(open + 1)..close];
    }
}
