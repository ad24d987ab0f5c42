using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>
/// The bundled spec as the tests read it themselves, as plain JSON (no spec-tool code): each
/// operation's method, path template, parameters with their examples, request and response examples.
/// What a contract case expects on the wire is computed from this, never from the stub.
/// </summary>
public sealed class SpecContract
{
    private static readonly Lazy<SpecContract> Bundled = new(() => Load(RepositoryPaths.BundledSpec));

    private SpecContract(JObject document)
    {
        Document = document;
        Operations = ((JObject?)document["paths"] ?? []).Properties()
            .SelectMany(path => ((JObject)path.Value).Properties()
                .Where(m => m.Name is "get" or "put" or "post" or "patch" or "delete")
                .Select(m => ReadOperation(path.Name, (JObject)Resolve(path.Value), m.Name, (JObject)m.Value)))
            .ToList();
    }

    /// <summary>The bundle the build wrote (artifacts/spec/sentry-api.json).</summary>
    public static SpecContract Current => Bundled.Value;

    public JObject Document { get; }

    public IReadOnlyList<SpecOperationContract> Operations { get; }

    public static SpecContract Load(string path)
    {
        using var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return new SpecContract(JObject.Load(reader));
    }

    /// <summary>Follows local <c>$ref</c>s (<c>#/components/...</c>) until a definition.</summary>
    public JToken Resolve(JToken token)
    {
        for (var hops = 0; token is JObject obj && (string?)obj["$ref"] is { } reference; hops++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal) || hops > 32)
            {
                throw new InvalidOperationException($"cannot follow $ref '{reference}'");
            }

            token = reference[2..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
                .Aggregate((JToken?)Document, (node, key) => node?[key])
                ?? throw new InvalidOperationException($"$ref '{reference}' points at nothing");
        }

        return token;
    }

    private SpecOperationContract ReadOperation(string path, JObject pathItem, string method, JObject operation)
    {
        var own = ((JArray?)operation["parameters"] ?? []).Select(p => (JObject)Resolve(p)).ToList();
        var shared = ((JArray?)pathItem["parameters"] ?? []).Select(p => (JObject)Resolve(p))
            .Where(s => !own.Any(o => (string?)o["name"] == (string?)s["name"] && (string?)o["in"] == (string?)s["in"]));
        var parameters = shared.Concat(own).Select(ReadParameter).ToList();

        string? requestMediaType = null;
        var requestExamples = new Dictionary<string, JToken>(StringComparer.Ordinal);
        if (operation["requestBody"] is { } body && Resolve(body)["content"] is JObject requestContent && requestContent.Properties().FirstOrDefault() is { } media)
        {
            requestMediaType = media.Name;
            requestExamples = Examples((JObject)media.Value);
        }

        var responses = new List<SpecResponseContract>();
        foreach (var response in ((JObject?)operation["responses"] ?? []).Properties().Where(r => r.Name.StartsWith('2')))
        {
            var content = Resolve(response.Value)["content"] as JObject;
            var json = content?["application/json"] as JObject;
            responses.Add(new SpecResponseContract(int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture), json is null ? [] : Examples(json)));
        }

        return new SpecOperationContract(
            (string)operation["operationId"]!,
            (string?)operation["tags"]?.FirstOrDefault() ?? "(untagged)",
            method.ToUpperInvariant(),
            path,
            operation["x-sentry-pagination"] is not null,
            (string?)operation["x-sentry-pagination-items"],
            parameters,
            requestMediaType,
            requestExamples,
            responses);
    }

    private SpecParameterContract ReadParameter(JObject parameter)
    {
        var schema = parameter["schema"] is { } s ? (JObject)Resolve(s) : null;
        var example = parameter["example"]
            ?? (parameter["examples"] as JObject)?.Properties().Select(e => Resolve(e.Value)["value"]).FirstOrDefault()
            ?? schema?["example"];
        return new SpecParameterContract((string)parameter["name"]!, (string)parameter["in"]!, (bool?)parameter["required"] ?? false,
            (string?)schema?["type"] == "array", example?.DeepClone());
    }

    private Dictionary<string, JToken> Examples(JObject media)
    {
        if (media["examples"] is JObject examples && examples.Count > 0)
        {
            return examples.Properties().ToDictionary(e => e.Name, e => Resolve(e.Value)["value"]!.DeepClone(), StringComparer.Ordinal);
        }

        return media["example"] is { } single ? new Dictionary<string, JToken>(StringComparer.Ordinal) { ["default"] = single.DeepClone() } : [];
    }
}

/// <summary>One operation of the spec, as the tests read it; <see cref="PageItems"/> names the items property of an object page.</summary>
public sealed record SpecOperationContract(
    string OperationId,
    string Tag,
    string Method,
    string PathTemplate,
    bool IsPaginated,
    string? PageItems,
    IReadOnlyList<SpecParameterContract> Parameters,
    string? RequestMediaType,
    IReadOnlyDictionary<string, JToken> RequestExamples,
    IReadOnlyList<SpecResponseContract> SuccessResponses)
{
    /// <summary>Whether <paramref name="path"/> (decoded) is an instance of this operation's template.</summary>
    public bool Matches(string method, string path)
    {
        var t = PathTemplate.Split('/');
        var p = path.Split('/');
        return string.Equals(Method, method, StringComparison.OrdinalIgnoreCase) && t.Length == p.Length
            && t.Zip(p).All(x => x.First.StartsWith('{') ? x.Second.Length > 0 : x.First == x.Second);
    }

    /// <summary>The literal (non-parameter) segments: the more, the more specific a template.</summary>
    public int LiteralSegments => PathTemplate.Split('/').Count(s => !s.StartsWith('{'));

    public override string ToString() => $"{OperationId} ({Method} {PathTemplate})";
}

/// <summary>A parameter and its example (the parameter's own, else its schema's).</summary>
public sealed record SpecParameterContract(string Name, string In, bool Required, bool IsArray, JToken? Example)
{
    /// <summary>The example as wire text: one value, or one per item of an array.</summary>
    public IReadOnlyList<string> ExampleText => Example is JArray items ? items.Select(WireText).ToList() : [WireText(Example)];

    public static string WireText(JToken? value) => value switch
    {
        null => "",
        JValue { Type: JTokenType.Boolean } b => (bool)b ? "true" : "false",
        JValue { Type: JTokenType.String } s => (string)s!,
        JValue v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        _ => value.ToString(Formatting.None),
    };
}

/// <summary>A 2xx response and its JSON examples by name.</summary>
public sealed record SpecResponseContract(int Status, IReadOnlyDictionary<string, JToken> Examples);
