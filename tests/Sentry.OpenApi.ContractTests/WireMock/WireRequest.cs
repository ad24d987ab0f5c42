using WireMock.Logging;

namespace Sentry.OpenApi.ContractTests.WireMock;

/// <summary>
/// One request from the server's log as it was on the wire: method, the raw path split into decoded
/// segments, the query (repeated names kept, in order), headers, body, and the stub that answered it.
/// </summary>
internal sealed record WireRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    Guid? MappingGuid,
    string? MappingTitle)
{
    /// <summary>The path, decoded.</summary>
    public string Path => Uri.UnescapeDataString(RawPath);

    /// <summary>The path as sent, escapes kept.</summary>
    public string RawPath => RawTarget.Split('?', 2)[0];

    /// <summary>The path's segments, each decoded: <c>a%2Fb</c> stays one segment, unlike in <see cref="Path"/>.</summary>
    public IReadOnlyList<string> Segments => RawPath.Split('/').Select(Uri.UnescapeDataString).ToList();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public bool HasQuery(string name) => Query.ContainsKey(name);

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) ? values.Single() : null;

    public override string ToString() => $"{Method} {RawTarget}";

    public static WireRequest From(ILogEntry entry)
    {
        var message = entry.RequestMessage!;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in message.Headers ?? new Dictionary<string, global::WireMock.Types.WireMockList<string>>())
        {
            headers[name] = string.Join(", ", values);
        }

        var raw = headers.TryGetValue(TestServers.RawTargetHeader, out var target) ? target : message.Path + message.RawQuery;
        return new WireRequest(message.Method, raw, ParseQuery(raw), headers, message.Body, entry.MappingGuid, entry.MappingTitle);
    }

    /// <summary>A query string as a server reads it: <c>&amp;</c>-separated, <c>+</c> is a space, escapes decoded.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ParseQuery(string target)
    {
        var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var parts = target.Split('?', 2);
        foreach (var pair in parts.Length == 2 ? parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0].Replace('+', ' '));
            if (!query.TryGetValue(key, out var values))
            {
                query[key] = values = [];
            }

            values.Add(kv.Length == 2 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "");
        }

        return query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value, StringComparer.Ordinal);
    }
}
