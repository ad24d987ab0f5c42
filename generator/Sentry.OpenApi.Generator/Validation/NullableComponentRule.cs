using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// SENTRY013 (warning): a component schema that is <c>nullable: true</c> itself. Every <c>$ref</c> to it,
/// and every type a generator makes of it (<c>Issue | null</c> in strict TypeScript), admits null, also
/// where Sentry always sends an object; nullability belongs at the use site:
/// <c>oneOf: [{$ref: ...}, {type: string, nullable: true, enum: [null]}]</c> (a nullable <c>X?</c> in NSwag's C#;
/// <c>nullable</c> beside <c>allOf</c> or <c>$ref</c> is ignored in OpenAPI 3.0.3).
/// </summary>
internal static class NullableComponentRule
{
    public static IEnumerable<Finding> Check(BundleDocument bundle)
    {
        var schemas = JsonPointers.Append(JsonPointers.Append(JsonPointers.Root, "components"), "schemas");
        foreach (var (name, node) in bundle.Root["components"]?["schemas"] as JsonObject ?? [])
        {
            // A $ref component's siblings are ignored, nullable too.
            if (node is JsonObject schema && BundleDocument.RefOf(schema) is null
                && schema["nullable"] is JsonValue flag && flag.TryGetValue<bool>(out var nullable) && nullable)
            {
                yield return ValidationRules.NullableComponents.At(JsonPointers.Append(JsonPointers.Append(schemas, name), "nullable"),
                    $"component schema `{name}` is `nullable: true`, so every use of it and every type generated from it admits null; "
                    + $"remove it here and write `oneOf: [{{$ref: '#/components/schemas/{name}'}}, {{type: string, nullable: true, enum: [null]}}]` where Sentry sends null.");
            }
        }
    }
}
