using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sentry.OpenApi.Generator.Mocks;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>
/// One recorded WireMock stub mapping (as WireMock's recorder writes them: a file with one mapping, or
/// <c>{"mappings": [...]}</c>; bodies inline or in <c>__files/</c>), matched to the spec operation it calls.
/// </summary>
public sealed class Recording
{
    private Recording(string file, int index, JObject mapping, MockCase? operation, string? problem)
    {
        File = file;
        Index = index;
        Mapping = mapping;
        Operation = operation;
        Problem = problem;
    }

    public string File { get; }

    public int Index { get; }

    public JObject Mapping { get; }

    /// <summary>The spec operation (its first example case) the recorded request calls; null when none matches.</summary>
    public MockCase? Operation { get; }

    /// <summary>Why the mapping cannot be replayed, e.g. it matches no operation.</summary>
    public string? Problem { get; }

    public string Method => (string?)Mapping["request"]?["method"] ?? "?";

    /// <summary>The recorded URL: <c>url</c>, else <c>urlPath</c> (path and query).</summary>
    public string Url => (string?)Mapping["request"]?["url"] ?? (string?)Mapping["request"]?["urlPath"] ?? "?";

    public string Path => Uri.UnescapeDataString(Url.Split('?')[0]);

    public string Name => $"{System.IO.Path.GetFileName(File)}#{Index} {Method} {Path} -> {Operation?.OperationId ?? "no operation"}";

    /// <summary>Every mapping of every JSON file in the given folders (missing folders are skipped).</summary>
    public static IEnumerable<Recording> In(IEnumerable<string> folders, IReadOnlyList<MockCase> cases)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            // Bodies the recorder stored separately live under __files/; they are not mappings.
            foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                         .Where(f => !f.Split(System.IO.Path.DirectorySeparatorChar).Contains("__files"))
                         .Order(StringComparer.Ordinal))
            {
                var (root, error) = Load(file);
                if (root is null)
                {
                    yield return new Recording(file, 0, new JObject(), null, $"{file}: not JSON: {error}");
                    continue;
                }

                var mappings = root is JObject { } single && single["mappings"] is JArray list ? list.OfType<JObject>().ToList()
                    : root is JObject one ? [one] : [];
                for (var i = 0; i < mappings.Count; i++)
                {
                    var mapping = InlineBodyFile(file, mappings[i]);
                    var method = (string?)mapping["request"]?["method"];
                    var url = (string?)mapping["request"]?["url"] ?? (string?)mapping["request"]?["urlPath"];
                    var match = method is null || url is null ? null : Match(cases, method, Uri.UnescapeDataString(url.Split('?')[0]));
                    yield return new Recording(file, i, mapping, match,
                        match is null ? $"{file} mapping {i}: {method} {url} matches no operation of the spec" : null);
                }
            }
        }
    }

    private static (JToken? Root, string? Error) Load(string file)
    {
        try
        {
            using var reader = new JsonTextReader(System.IO.File.OpenText(file)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            return (JToken.Load(reader), null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The path parameters of the recorded URL, by the operation's template.</summary>
    public IReadOnlyDictionary<string, string> PathParameters()
    {
        var template = Operation!.PathTemplate.Split('/');
        var actual = Path.Split('/');
        return template.Zip(actual).Where(p => p.First.StartsWith('{')).ToDictionary(p => p.First.Trim('{', '}'), p => p.Second);
    }

    /// <summary>
    /// The query parameters of the recorded URL, repeated ones as lists, plus the values that the
    /// mapping's <c>queryParameters</c> matchers require (<c>equalTo</c>, <c>hasExactly</c>).
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> QueryParameters()
    {
        var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var matcher in (Mapping["request"]?["queryParameters"] as JObject)?.Properties() ?? [])
        {
            var values = matcher.Value["hasExactly"] is JArray exactly
                ? exactly.Select(m => (string?)m["equalTo"]).OfType<string>().ToList()
                : (string?)matcher.Value["equalTo"] is { } single ? [single] : [];
            if (values.Count > 0)
            {
                query[matcher.Name] = values;
            }
        }

        var fromMatchers = query.Keys.ToHashSet(StringComparer.Ordinal);
        var parts = Url.Split('?', 2);
        foreach (var pair in parts.Length == 2 ? parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            if (fromMatchers.Contains(key))
            {
                continue;
            }

            if (!query.TryGetValue(key, out var values))
            {
                query[key] = values = [];
            }

            values.Add(kv.Length == 2 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "");
        }

        return query;
    }

    /// <summary>The stub to load: the recording, its exact <c>url</c> turned into path + query matchers (clients may escape differently).</summary>
    public JObject Stub()
    {
        var stub = (JObject)Mapping.DeepClone();
        var request = (JObject)stub["request"]!;
        request.Remove("url");
        request["urlPath"] = Path;
        var query = QueryParameters();
        if (query.Count > 0 && request["queryParameters"] is null)
        {
            request["queryParameters"] = new JObject(query.Select(q => new JProperty(q.Key,
                new JObject { ["hasExactly"] = new JArray(q.Value.Select(v => new JObject { ["equalTo"] = v })) })));
        }

        return stub;
    }

    /// <summary>The recorded response body as JSON.</summary>
    public JToken? ResponseBody()
    {
        var response = Mapping["response"];
        if (response?["jsonBody"] is { } json)
        {
            return json;
        }

        var text = (string?)response?["body"];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.Load(reader);
    }

    public override string ToString() => Name;

    private static MockCase? Match(IReadOnlyList<MockCase> cases, string method, string path) =>
        cases.Where(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase) && Matches(c.PathTemplate, path))
            .OrderByDescending(c => c.PathTemplate.Split('/').Count(s => !s.StartsWith('{')))
            .FirstOrDefault();

    private static bool Matches(string template, string path)
    {
        var t = template.Split('/');
        var p = path.Split('/');
        return t.Length == p.Length && t.Zip(p).All(x => x.First.StartsWith('{') ? x.Second.Length > 0 : x.First == x.Second);
    }

    // The recorder stores large bodies in ../__files/<bodyFileName>; inline them so the stub is self-contained.
    private static JObject InlineBodyFile(string file, JObject mapping)
    {
        if ((string?)mapping["response"]?["bodyFileName"] is not { } name)
        {
            return mapping;
        }

        var copy = (JObject)mapping.DeepClone();
        var dir = System.IO.Path.GetDirectoryName(file)!;
        var candidates = new[] { System.IO.Path.Combine(dir, "..", "__files", name), System.IO.Path.Combine(dir, "__files", name), System.IO.Path.Combine(dir, name) };
        var body = candidates.FirstOrDefault(System.IO.File.Exists);
        if (body is not null)
        {
            var response = (JObject)copy["response"]!;
            response.Remove("bodyFileName");
            response["body"] = System.IO.File.ReadAllText(body);
        }

        return copy;
    }
}
