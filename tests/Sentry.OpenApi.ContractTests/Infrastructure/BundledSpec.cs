using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.ContractTests.Infrastructure;

/// <summary>
/// The bundled spec (artifacts/spec/sentry-api.json) read as JSON: its operations, parameters and
/// examples, with <c>$ref</c>s resolved. The contract cases are made from it, so a new operation or
/// example in the spec is a new test without any test code.
/// </summary>
internal sealed class BundledSpec
{
    private static readonly Lazy<BundledSpec> Default = new(() => Load(RepositoryPaths.BundledSpec));
    private readonly JObject _document;

    private BundledSpec(JObject document)
    {
        _document = document;
        Operations = ReadOperations().ToList();
    }

    public static BundledSpec Current => Default.Value;

    public IReadOnlyList<SpecOperation> Operations { get; }

    public static BundledSpec Load(string path)
    {
        using var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return new BundledSpec(JObject.Load(reader));
    }

    /// <summary>Follows <c>$ref</c>s (local JSON pointers) until a non-reference node.</summary>
    public JToken Resolve(JToken node)
    {
        var seen = 0;
        while (node is JObject obj && obj["$ref"] is JValue { Type: JTokenType.String } reference)
        {
            var pointer = ((string)reference!).TrimStart('#');
            node = _document.SelectToken(ToJsonPath(pointer)) ?? throw new InvalidOperationException($"Dangling $ref {reference} in the bundled spec.");
            if (++seen > 32)
            {
                throw new InvalidOperationException($"$ref cycle at {reference}.");
            }
        }

        return node;
    }

    private static string ToJsonPath(string pointer) =>
        "$" + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Replace("~1", "/").Replace("~0", "~"))
            .Select(p => $"['{p.Replace("'", "\\'")}']"));

    private IEnumerable<SpecOperation> ReadOperations()
    {
        foreach (var (path, item) in (JObject)_document["paths"]!)
        {
            var pathItem = (JObject)Resolve(item!);
            var shared = ((JArray?)pathItem["parameters"] ?? []).Select(p => (JObject)Resolve(p)).ToList();
            foreach (var method in new[] { "get", "put", "post", "patch", "delete" })
            {
                if (pathItem[method] is not JObject op)
                {
                    continue;
                }

                var own = ((JArray?)op["parameters"] ?? []).Select(p => (JObject)Resolve(p)).ToList();
                var parameters = shared.Where(s => !own.Any(o => SameParameter(o, s))).Concat(own)
                    .Select(p => new SpecParameter((string)p["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false,
                        (JObject)Resolve(p["schema"] ?? new JObject()), p["example"] ?? Resolve(p["schema"] ?? new JObject())["example"]))
                    .ToList();
                yield return new SpecOperation(this, (string)op["operationId"]!, (string)((JArray)op["tags"]!)[0]!,
                    method.ToUpperInvariant(), path, parameters, op, (string?)op["x-sentry-pagination"] == "cursor");
            }
        }
    }

    private static bool SameParameter(JObject a, JObject b) => (string?)a["name"] == (string?)b["name"] && (string?)a["in"] == (string?)b["in"];

    /// <summary>The named examples of a media type object: its <c>examples</c> map, or its single <c>example</c>.</summary>
    public IReadOnlyList<(string Name, JToken Value)> Examples(JToken? mediaType)
    {
        if (mediaType is not JObject media)
        {
            return [];
        }

        if (media["examples"] is JObject examples)
        {
            return examples.Properties().Select(p => (p.Name, ((JObject)Resolve(p.Value))["value"]!)).ToList();
        }

        return media["example"] is { } single ? [("default", single)] : [];
    }
}

/// <summary>One parameter of an operation.</summary>
internal sealed record SpecParameter(string Name, string In, bool Required, JObject Schema, JToken? Example)
{
    public bool IsArray => (string?)Schema["type"] == "array";

    public bool IsDateTime => (string?)Schema["format"] == "date-time";
}

/// <summary>One operation of the spec.</summary>
internal sealed record SpecOperation(
    BundledSpec Spec, string OperationId, string Tag, string Method, string PathTemplate,
    IReadOnlyList<SpecParameter> Parameters, JObject Definition, bool IsPaginated)
{
    /// <summary>The success responses: status code and response object, lowest status first.</summary>
    public IEnumerable<(int Status, JObject Response)> SuccessResponses =>
        ((JObject)Definition["responses"]!).Properties()
            .Where(p => p.Name.StartsWith('2'))
            .Select(p => (int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), (JObject)Spec.Resolve(p.Value)))
            .OrderBy(r => r.Item1);

    public JObject? RequestBody => Definition["requestBody"] is { } body ? (JObject)Spec.Resolve(body) : null;

    /// <summary>The request body's media type (JSON or multipart), when there is a body.</summary>
    public string? RequestMediaType => ((JObject?)RequestBody?["content"])?.Properties().Select(p => p.Name).FirstOrDefault();

    public override string ToString() => $"{OperationId} ({Method} {PathTemplate})";
}
