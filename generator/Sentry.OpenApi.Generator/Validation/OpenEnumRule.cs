using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// SENTRY011 (warning): an <c>enum</c> in a schema that a response uses. Generated clients turn it into
/// a closed C# enum, so the first value Sentry adds would fail deserialization; response value sets
/// are <c>type: string</c> with <c>x-extensible-enum</c>.
/// </summary>
internal static class OpenEnumRule
{
    private static readonly ValidationRule Rule = ValidationRules.OpenEnums;

    private static readonly string[] SchemaKeys = ["items", "additionalProperties", "not"];
    private static readonly string[] SchemaListKeys = ["allOf", "oneOf", "anyOf"];

    public static IEnumerable<Finding> Check(BundleDocument bundle)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in bundle.Operations)
        {
            foreach (var (_, response, pointer) in bundle.ResponsesOf(operation))
            {
                foreach (var (mediaType, media) in response["content"] as JsonObject ?? [])
                {
                    var schemaPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(pointer, "content"), mediaType), "schema");
                    foreach (var enumPointer in Enums(bundle, media?["schema"], schemaPointer, seen))
                    {
                        yield return Rule.At(enumPointer,
                            "`enum` in a response schema: a value Sentry adds later would fail deserialization; use `type: string` with `x-extensible-enum`.", operation);
                    }
                }
            }
        }
    }

    /// <summary>The pointers of the enums in a schema and the schemas it uses, each once per run.</summary>
    private static IEnumerable<string> Enums(BundleDocument bundle, JsonNode? node, string pointer, HashSet<string> seen)
    {
        if (BundleDocument.RefOf(node) is { } reference)
        {
            foreach (var found in Enums(bundle, bundle.Find(reference), reference, seen))
            {
                yield return found;
            }

            yield break;
        }

        if (node is not JsonObject schema || !seen.Add(pointer))
        {
            yield break;
        }

        if (schema.ContainsKey("enum"))
        {
            yield return JsonPointers.Append(pointer, "enum");
        }

        var children = new List<(JsonNode?, string)>();
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            children.Add((property, JsonPointers.Append(JsonPointers.Append(pointer, "properties"), name)));
        }

        children.AddRange(SchemaKeys.Where(schema.ContainsKey).Select(k => (schema[k], JsonPointers.Append(pointer, k))));
        foreach (var key in SchemaListKeys)
        {
            if (schema[key] is JsonArray list)
            {
                children.AddRange(list.Select((s, i) => (s, JsonPointers.Append(JsonPointers.Append(pointer, key), i))));
            }
        }

        // A discriminator's mapped schemas are response schemas too.
        foreach (var (_, target) in schema["discriminator"]?["mapping"] as JsonObject ?? [])
        {
            if (target?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                children.Add((new JsonObject { ["$ref"] = target.GetValue<string>() }, pointer));
            }
        }

        foreach (var (child, at) in children)
        {
            foreach (var found in Enums(bundle, child, at, seen))
            {
                yield return found;
            }
        }
    }
}
