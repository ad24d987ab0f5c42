using Newtonsoft.Json.Linq;
using Sentry.OpenApi.ContractTests.Contract;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>An id field Sentry sends as a number or a numeric string, at one place of one response example.</summary>
public sealed record VaryingIdOccurrence(ContractCase Case, string Property, IReadOnlyList<object> Path)
{
    public string JsonPath => "$" + string.Concat(Path.Select(p => p is int i ? $"[{i}]" : $".{p}"));

    public override string ToString() => $"{Case.Name} {JsonPath} ({Property})";
}

/// <summary>
/// Finds the id fields the spec declares as varying (<c>$ref: '#/components/schemas/SentryId'</c>, a
/// string-or-integer), both where they are declared and where the response examples carry them.
/// </summary>
public static class VaryingIdFields
{
    public const string SentryIdRef = "#/components/schemas/SentryId";

    /// <summary>Every property schema of the document (pointer) that is a SentryId, or an array of them.</summary>
    public static IReadOnlyList<string> Declared(SpecContract spec)
    {
        var found = new List<string>();
        void Scan(JToken token)
        {
            foreach (var child in token.Children())
            {
                if (child is JProperty { Parent: JObject owner } property && owner.Parent is JProperty { Name: "properties" } && IsVarying(property.Value))
                {
                    found.Add(Pointer(property.Value));
                }

                Scan(child);
            }
        }

        Scan(spec.Document);
        return found.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Where the response examples carry a SentryId field: one occurrence per (case, JSON path).</summary>
    public static IReadOnlyList<VaryingIdOccurrence> InExamples(SpecContract spec, IReadOnlyList<ContractCase> cases)
    {
        var found = new List<VaryingIdOccurrence>();
        foreach (var contract in cases.Where(c => c.ResponseExample is not null))
        {
            var schema = ResponseSchema(spec, contract);
            if (schema is not null)
            {
                Walk(spec, schema, contract.ResponseExample!, [], contract, found, 0);
            }
        }

        return found.DistinctBy(f => (f.Case.Name, f.JsonPath)).ToList();
    }

    /// <summary>The <c>SentryId</c> component, or null while the spec has none.</summary>
    public static JObject? Component(SpecContract spec) => spec.Document["components"]?["schemas"]?["SentryId"] as JObject;

    private static JToken? ResponseSchema(SpecContract spec, ContractCase contract)
    {
        var operation = spec.Document["paths"]?[contract.Operation.PathTemplate]?[contract.Operation.Method.ToLowerInvariant()];
        var response = operation?["responses"]?[contract.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        return response is null ? null : spec.Resolve(response)["content"]?["application/json"]?["schema"];
    }

    private static bool IsVarying(JToken schema) =>
        (string?)schema["$ref"] == SentryIdRef || ((string?)schema["type"] == "array" && (string?)schema["items"]?["$ref"] == SentryIdRef);

    private static void Walk(SpecContract spec, JToken schema, JToken example, List<object> path, ContractCase contract, List<VaryingIdOccurrence> found, int depth)
    {
        if (depth > 64 || schema is not JObject)
        {
            return;
        }

        var node = (JObject)spec.Resolve(schema);
        foreach (var key in new[] { "allOf", "oneOf", "anyOf" })
        {
            foreach (var part in node[key] as JArray ?? [])
            {
                Walk(spec, part, example, path, contract, found, depth + 1);
            }
        }

        if (example is JObject obj)
        {
            var properties = node["properties"] as JObject;
            foreach (var field in obj.Properties())
            {
                var declared = properties?[field.Name];
                var next = new List<object>(path) { field.Name };
                if (declared is not null && IsVarying(declared))
                {
                    var pointer = Pointer(declared);
                    if (field.Value is JArray ids)
                    {
                        found.AddRange(ids.Select((_, i) => new VaryingIdOccurrence(contract, pointer, [.. next, i])));
                    }
                    else if (field.Value.Type != JTokenType.Null)
                    {
                        found.Add(new VaryingIdOccurrence(contract, pointer, next));
                    }
                }
                else if ((declared ?? node["additionalProperties"]) is JObject inner)
                {
                    Walk(spec, inner, field.Value, next, contract, found, depth + 1);
                }
            }
        }
        else if (example is JArray items && node["items"] is JObject itemSchema)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Walk(spec, itemSchema, items[i], [.. path, i], contract, found, depth + 1);
            }
        }
    }

    // JSON pointer of a node of the bundle, e.g. #/components/schemas/ReleaseProject/properties/id.
    private static string Pointer(JToken token) =>
        "#" + string.Concat(token.AncestorsAndSelf().OfType<JProperty>().Reverse().Select(p => "/" + p.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
}
