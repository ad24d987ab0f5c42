using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// SENTRY011: open value sets. An open set (status, level, platform, ...) is written so that both
/// standard tools and our C# constants see its values:
/// <code>
/// type: string
/// anyOf:
///   - {type: string, enum: [resolved, unresolved]}
///   - {type: string}
/// x-extensible-enum: [resolved, unresolved]
/// </code>
/// Reported, in every schema of the bundle: an <c>x-extensible-enum</c> without that <c>anyOf</c>
/// (a warning: standard tools see a plain string), the two lists differing, or the <c>anyOf</c> form
/// without <c>x-extensible-enum</c> (errors: the constants and the standard form would disagree). In
/// schemas that responses use: a closed <c>enum</c> (a warning: generated clients make a closed C#
/// enum of it, so the first value Sentry adds would fail deserialization).
/// </summary>
internal static class OpenEnumRule
{
    private const string Extension = "x-extensible-enum";
    private static readonly ValidationRule Rule = ValidationRules.OpenEnums;

    private static readonly string[] SchemaKeys = ["items", "additionalProperties", "not"];
    private static readonly string[] SchemaListKeys = ["allOf", "oneOf", "anyOf"];

    public static IEnumerable<Finding> Check(BundleDocument bundle)
    {
        foreach (var (pointer, schema) in SchemaWalk.Where(bundle.Root, s => s.ContainsKey(Extension) || s.ContainsKey("anyOf")))
        {
            foreach (var finding in CheckOpenSet(schema, pointer, bundle.OperationContaining(pointer)))
            {
                yield return finding;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in bundle.Operations)
        {
            foreach (var (_, response, pointer) in bundle.ResponsesOf(operation))
            {
                foreach (var (mediaType, media) in response["content"] as JsonObject ?? [])
                {
                    var schemaPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(pointer, "content"), mediaType), "schema");
                    foreach (var enumPointer in ClosedEnums(bundle, media?["schema"], schemaPointer, seen))
                    {
                        yield return Rule.At(enumPointer,
                            "closed `enum` in a response schema: a value Sentry adds later would fail deserialization; write an open value set: "
                            + "`type: string`, `anyOf: [{type: string, enum: [...]}, {type: string}]` and `x-extensible-enum` with the same values.", operation);
                    }
                }
            }
        }
    }

    /// <summary>The values of the standard open form (<c>anyOf</c>: one string enum, one plain string), or null when the schema is not written so.</summary>
    public static IReadOnlyList<string>? StandardValues(JsonObject schema)
    {
        if (schema["anyOf"] is not JsonArray { Count: 2 } members || members.Any(m => m is not JsonObject || BundleDocument.RefOf(m) is not null))
        {
            return null;
        }

        var enumerated = members.OfType<JsonObject>().Where(m => m["enum"] is JsonArray).ToList();
        var plain = members.OfType<JsonObject>().Where(m => !m.ContainsKey("enum")).ToList();
        if (enumerated.Count != 1 || plain.Count != 1 || BundleDocument.StringOf(enumerated[0], "type") != "string" || !IsPlainString(plain[0]))
        {
            return null;
        }

        return Strings(enumerated[0]["enum"]);
    }

    private static IEnumerable<Finding> CheckOpenSet(JsonObject schema, string pointer, BundleOperation? operation)
    {
        var declared = schema.ContainsKey(Extension) ? Strings(schema[Extension]) : null;
        var standard = StandardValues(schema);
        if (schema.ContainsKey(Extension) && declared is null)
        {
            yield return Rule.At(JsonPointers.Append(pointer, Extension), "`x-extensible-enum` must be a list of strings (the known values).", operation, Severity.Error);
            yield break;
        }

        switch (declared, standard)
        {
            case ({ } values, null):
                yield return Rule.At(JsonPointers.Append(pointer, Extension),
                    $"`x-extensible-enum` without its standard equivalent, so other tools see a plain string; add `type: string` and "
                    + $"`anyOf: [{{type: string, enum: [{string.Join(", ", values)}]}}, {{type: string}}]` beside it.", operation);
                break;
            case (null, { }):
                yield return Rule.At(JsonPointers.Append(pointer, "anyOf"),
                    "an open value set (`anyOf` of a string enum and a plain string) without `x-extensible-enum`: the C# constants read it; add it with the same values.",
                    operation, Severity.Error);
                break;
            case ({ } values, { } anyOf) when !values.ToHashSet(StringComparer.Ordinal).SetEquals(anyOf):
                var onlyHere = values.Except(anyOf, StringComparer.Ordinal).ToList();
                var onlyThere = anyOf.Except(values, StringComparer.Ordinal).ToList();
                yield return Rule.At(JsonPointers.Append(pointer, Extension),
                    "`x-extensible-enum` and the `anyOf` enum list different values"
                    + (onlyHere.Count > 0 ? $"; only in x-extensible-enum: {string.Join(", ", onlyHere)}" : "")
                    + (onlyThere.Count > 0 ? $"; only in the anyOf enum: {string.Join(", ", onlyThere)}" : "")
                    + "; list the same values in both.", operation, Severity.Error);
                break;
        }

        if (standard is not null && BundleDocument.StringOf(schema, "type") != "string")
        {
            yield return Rule.At(pointer, "an open value set needs `type: string` beside its `anyOf`, or generators cannot give it a type.", operation, Severity.Error);
        }
    }

    private static bool IsPlainString(JsonObject schema) =>
        BundleDocument.StringOf(schema, "type") == "string" && schema.All(p => p.Key is "type" or "description" or "nullable" || p.Key.StartsWith("x-", StringComparison.Ordinal));

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray values && values.All(v => v?.GetValueKind() == JsonValueKind.String) ? values.Select(v => v!.GetValue<string>()).ToList() : null;

    /// <summary>The pointers of the closed enums in a schema and the schemas it uses, each once per run.</summary>
    private static IEnumerable<string> ClosedEnums(BundleDocument bundle, JsonNode? node, string pointer, HashSet<string> seen)
    {
        // Checked before a $ref is followed, so that a $ref that leads back (a cycle, SENTRY012) ends here.
        if (node is not JsonObject schema || !seen.Add(pointer))
        {
            yield break;
        }

        if (BundleDocument.RefOf(schema) is { } reference)
        {
            foreach (var found in ClosedEnums(bundle, bundle.Find(reference), reference, seen))
            {
                yield return found;
            }

            yield break;
        }

        // `enum: [null]` (beside `nullable: true`) admits exactly null: the null member of a nullable reference
        // (spec/CONVENTIONS.md), not a value set.
        if (schema["enum"] is JsonArray values && values.Any(v => v is not null))
        {
            yield return JsonPointers.Append(pointer, "enum");
        }

        // The enum inside an open value set's anyOf is the standard form of an open set, not a closed one.
        var open = StandardValues(schema) is not null;
        var children = new List<(JsonNode?, string)>();
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            children.Add((property, JsonPointers.Append(JsonPointers.Append(pointer, "properties"), name)));
        }

        children.AddRange(SchemaKeys.Where(schema.ContainsKey).Select(k => (schema[k], JsonPointers.Append(pointer, k))));
        foreach (var key in SchemaListKeys.Where(k => !(open && k == "anyOf")))
        {
            if (schema[key] is JsonArray list)
            {
                children.AddRange(list.Select((s, i) => (s, JsonPointers.Append(JsonPointers.Append(pointer, key), i))));
            }
        }

        // A discriminator's mapped schemas are response schemas too.
        var mappingPointer = JsonPointers.Append(JsonPointers.Append(pointer, "discriminator"), "mapping");
        foreach (var (value, target) in schema["discriminator"]?["mapping"] as JsonObject ?? [])
        {
            if (target?.GetValueKind() == JsonValueKind.String)
            {
                children.Add((new JsonObject { ["$ref"] = target.GetValue<string>() }, JsonPointers.Append(mappingPointer, value)));
            }
        }

        foreach (var (child, at) in children)
        {
            foreach (var found in ClosedEnums(bundle, child, at, seen))
            {
                yield return found;
            }
        }
    }
}
