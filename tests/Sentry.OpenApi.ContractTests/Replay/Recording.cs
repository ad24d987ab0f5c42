using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sentry.OpenApi.ContractTests.Contract;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>
/// One recorded response, from a mapping file in either format: WireMock.Net's (what `sentry-openapi
/// record` saves: one mapping or an array of them) or Java WireMock's (one mapping or
/// <c>{"mappings": [...]}</c>; bodies inline or in <c>__files/</c>). It is matched to the spec operation
/// its request calls, and knows the arguments to replay it with: path and query values from the
/// recorded URL, else (for required parameters the recording lacks) the parameter's example in the spec.
/// </summary>
public sealed class Recording
{
    private Recording(string file, int index, string format, string method, string url, IReadOnlyDictionary<string, List<string>> query,
        int status, IReadOnlyDictionary<string, string> headers, string? body, SpecOperationContract? operation, string? problem)
    {
        File = file;
        Index = index;
        Format = format;
        Method = method;
        Url = url;
        RecordedQuery = query;
        Status = status;
        Headers = headers;
        Body = body;
        Operation = operation;
        Problem = problem;
        if (operation is not null && problem is null)
        {
            (Arguments, FilledFromSpec, Problem) = ArgumentsFor(operation);
        }
    }

    public string File { get; }

    public int Index { get; }

    /// <summary><c>wiremock-net</c> or <c>java</c>.</summary>
    public string Format { get; }

    public string Method { get; }

    /// <summary>The recorded URL path (its query is in <see cref="RecordedQuery"/>), escapes as recorded.</summary>
    public string Url { get; }

    /// <summary>The recorded path, decoded.</summary>
    public string Path => Uri.UnescapeDataString(Url.Split('?')[0]);

    /// <summary>The recorded query: from the URL and from query matchers; repeated names as lists.</summary>
    public IReadOnlyDictionary<string, List<string>> RecordedQuery { get; }

    public int Status { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The recorded response body as text (a body file inlined).</summary>
    public string? Body { get; }

    /// <summary>The spec operation the recorded request calls; null when none matches.</summary>
    public SpecOperationContract? Operation { get; }

    /// <summary>Why the recording cannot be replayed (matches no operation, lacks a value the spec cannot fill...).</summary>
    public string? Problem { get; }

    /// <summary>The parameters to call the operation with, by spec name.</summary>
    public IReadOnlyDictionary<string, JToken> Arguments { get; } = new Dictionary<string, JToken>();

    /// <summary><see cref="Arguments"/> as the text each parameter has on the wire (an array as one text per item), for the compiled call.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WireValues() =>
        Arguments.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)(a.Value is JArray items ? items.Select(SpecParameterContract.WireText).ToList() : [SpecParameterContract.WireText(a.Value)]),
            StringComparer.Ordinal);

    /// <summary>The required parameters the recording lacks, filled from the spec's examples.</summary>
    public IReadOnlyList<string> FilledFromSpec { get; } = [];

    public string Name =>
        $"{System.IO.Path.GetFileName(File)}#{Index} {Method} {Path} -> {Operation?.OperationId ?? "no operation"}" +
        (FilledFromSpec.Count > 0 ? $" (filled from the spec: {string.Join(", ", FilledFromSpec)})" : "");

    public override string ToString() => Name;

    /// <summary>Every mapping of every JSON file in the given folders (missing folders are skipped; <c>__files/</c> holds bodies, not mappings).</summary>
    public static IEnumerable<Recording> In(IEnumerable<string> folders, SpecContract spec)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                         .Where(f => !f.Split(System.IO.Path.DirectorySeparatorChar).Contains("__files"))
                         .Order(StringComparer.Ordinal))
            {
                var (root, error) = Load(file);
                if (root is null)
                {
                    yield return Broken(file, 0, $"{file}: not JSON: {error}");
                    continue;
                }

                var mappings = root switch
                {
                    JArray list => list.OfType<JObject>().ToList(),
                    JObject wrapper when wrapper["mappings"] is JArray list => list.OfType<JObject>().ToList(),
                    JObject one => [one],
                    _ => [],
                };
                for (var i = 0; i < mappings.Count; i++)
                {
                    yield return From(file, i, mappings[i], spec);
                }
            }
        }
    }

    private static Recording Broken(string file, int index, string problem) =>
        new(file, index, "?", "?", "?", new Dictionary<string, List<string>>(), 0, new Dictionary<string, string>(), null, null, problem);

    private static Recording From(string file, int index, JObject mapping, SpecContract spec)
    {
        var parsed = mapping["Request"] is JObject || mapping["Response"] is JObject ? RecordedMapping.FromWireMockNet(mapping) : RecordedMapping.FromJava(mapping);
        if (parsed.Method is null || parsed.Url is null)
        {
            return Broken(file, index, $"{file} mapping {index}: no request method or URL path");
        }

        var body = parsed.Body ?? (parsed.BodyFile is { } name ? ReadBodyFile(file, name) : null);
        var path = Uri.UnescapeDataString(parsed.Url.Split('?')[0]);
        var operation = spec.Operations.Where(o => o.Matches(parsed.Method, path)).OrderByDescending(o => o.LiteralSegments).FirstOrDefault();
        return new Recording(file, index, parsed.Format, parsed.Method.ToUpperInvariant(), parsed.Url, parsed.Query, parsed.Status, parsed.Headers, body, operation,
            operation is null ? $"{file} mapping {index}: {parsed.Method} {parsed.Url} matches no operation of the spec" : null);
    }

    /// <summary>The path parameters of the recorded URL, by the operation's template.</summary>
    public IReadOnlyDictionary<string, string> PathParameters() =>
        Operation!.PathTemplate.Split('/').Zip(Path.Split('/')).Where(p => p.First.StartsWith('{')).ToDictionary(p => p.First.Trim('{', '}'), p => p.Second);

    /// <summary>The recorded response body as JSON (null when there is none).</summary>
    public JToken? ResponseBody()
    {
        if (string.IsNullOrEmpty(Body))
        {
            return null;
        }

        using var reader = new JsonTextReader(new StringReader(Body)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.Load(reader);
    }

    private (IReadOnlyDictionary<string, JToken>, IReadOnlyList<string>, string?) ArgumentsFor(SpecOperationContract operation)
    {
        var arguments = new Dictionary<string, JToken>(StringComparer.Ordinal);
        foreach (var (name, value) in PathParameters())
        {
            arguments[name] = new JValue(value);
        }

        foreach (var (name, values) in RecordedQuery)
        {
            arguments[name] = values.Count == 1 ? new JValue(values[0]) : new JArray(values);
        }

        var filled = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.Required && !arguments.ContainsKey(p.Name)))
        {
            if (parameter.Example is null)
            {
                return (arguments, filled, $"{Name}: required {parameter.In} parameter '{parameter.Name}' is not in the recording and has no example in the spec");
            }

            arguments[parameter.Name] = parameter.Example.DeepClone();
            filled.Add(parameter.Name);
        }

        return (arguments, filled, null);
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

    // Recorders keep large bodies beside the mappings: Java in ../__files/, WireMock.Net wherever BodyAsFile says.
    private static string? ReadBodyFile(string file, string name)
    {
        var dir = System.IO.Path.GetDirectoryName(file)!;
        return new[] { System.IO.Path.Combine(dir, "..", "__files", name), System.IO.Path.Combine(dir, "__files", name), System.IO.Path.Combine(dir, name), name }
            .Where(System.IO.File.Exists).Select(System.IO.File.ReadAllText).FirstOrDefault();
    }
}
