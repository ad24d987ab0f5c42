using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// Turns OpenAPI 3.0 schemas into JSON Schema 2020-12 for checking examples, strictly:
/// <list type="bullet">
/// <item><c>$ref</c>s to <c>#/components/schemas/X</c> point into one components document of <c>$defs</c>;</item>
/// <item><c>nullable: true</c> admits null, also beside <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> without a <c>type</c> (the use-site
/// form <c>nullable: true</c> + <c>allOf: [{$ref}]</c>); <c>x-*</c>, <c>example</c> and other annotations are dropped;</item>
/// <item>a <c>$ref</c> to a schema of a $ref/allOf cycle (SENTRY012) admits anything, so that no check goes round it;</item>
/// <item>a schema with a <c>discriminator</c> checks a value against the subschema mapped to its discriminator property;</item>
/// <item>every object schema is closed (<c>additionalProperties: false</c> over the names it and its
/// <c>allOf</c> members declare) unless it declares
/// <c>additionalProperties</c> as a schema, so an example may only use declared properties, even where
/// the schema says <c>additionalProperties: true</c> to keep unknown fields at run time.</item>
/// </list>
/// Each component has three forms: closed (what a <c>$ref</c> means), open (an <c>allOf</c> member: the
/// composite closes over every member's properties) and plain (closed, without the discriminator
/// dispatch: what a value of an unmapped or base kind is checked against). A free-form map
/// (<c>type: object</c> without declared properties) stays open: it declares no fields to hold an example to.
/// </summary>
internal sealed class StrictSchemaConverter
{
    public const string ComponentsId = "https://sentry-openapi.invalid/validate/components.json";
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private static readonly string[] Copied =
    [
        "minimum", "maximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems",
        "uniqueItems", "minProperties", "maxProperties", "required",
    ];

    // Formats JSON Schema defines and examples can be held to; OpenAPI's own (int64, binary, ...) are hints.
    private static readonly HashSet<string> CheckedFormats = new(StringComparer.Ordinal) { "date-time", "date", "email", "uuid", "ipv4", "ipv6" };

    private static readonly string[] Composition = ["allOf", "oneOf", "anyOf"];

    private enum Form
    {
        Closed,
        Plain,
        Open,
    }

    private readonly BundleDocument _bundle;
    private readonly IReadOnlySet<string> _cyclic;

    /// <param name="bundle">The spec.</param>
    /// <param name="cyclic">
    /// The schemas of $ref/allOf cycles (SENTRY012): a reference to one of them converts to <c>true</c>, so that
    /// checking a value never goes round the cycle; what it would have checked is reported as the cycle.
    /// </param>
    public StrictSchemaConverter(BundleDocument bundle, IReadOnlySet<string> cyclic)
    {
        _bundle = bundle;
        _cyclic = cyclic;
    }

    /// <summary>The components document: the three forms of every component schema as <c>$defs</c>.</summary>
    public JsonObject ComponentsDocument()
    {
        var defs = new JsonObject();
        foreach (var (name, schema) in _bundle.Root["components"]?["schemas"] as JsonObject ?? [])
        {
            foreach (var form in Enum.GetValues<Form>())
            {
                defs[DefName(form, name)] = Convert(schema, form, name, 0);
            }
        }

        return new JsonObject { ["$schema"] = Draft, ["$id"] = ComponentsId, ["$defs"] = defs };
    }

    /// <summary>A standalone JSON Schema (with <paramref name="id"/>) for values of the OpenAPI schema <paramref name="schema"/>.</summary>
    public JsonObject Root(JsonNode? schema, Uri id)
    {
        var converted = Convert(schema, Form.Closed, null, 0);
        var root = converted as JsonObject ?? new JsonObject { ["allOf"] = new JsonArray(converted) };
        root["$schema"] = Draft;
        root["$id"] = id.ToString();
        return root;
    }

    private static string DefName(Form form, string name) => $"{form.ToString().ToLowerInvariant()}-{name}";

    private static JsonObject DefRef(Form form, string name) =>
        new() { ["$ref"] = $"{ComponentsId}#/$defs/{Uri.EscapeDataString(DefName(form, name))}" };

    private static string? ComponentName(string reference)
    {
        var segments = JsonPointers.Segments(reference);
        return segments.Count == 3 && segments[0] == "components" && segments[1] == "schemas" ? segments[2] : null;
    }

    private JsonNode Convert(JsonNode? node, Form form, string? component, int depth)
    {
        if (node is not JsonObject schema || depth > 64)
        {
            return JsonValue.Create(true);
        }

        if (BundleDocument.RefOf(schema) is { } reference)
        {
            // Siblings of $ref are ignored in OpenAPI 3.0.
            return _cyclic.Contains(reference) ? JsonValue.Create(true)
                : ComponentName(reference) is { } name ? DefRef(form, name)
                : Convert(_bundle.Find(reference), form, null, depth + 1);
        }

        if (form == Form.Closed && schema["discriminator"] is JsonObject discriminator
            && BundleDocument.StringOf(discriminator, "propertyName") is { } discriminatorProperty)
        {
            return Dispatch(schema, discriminatorProperty, discriminator, component, depth);
        }

        var result = new JsonObject();
        var nullable = schema["nullable"] is JsonValue n && n.TryGetValue<bool>(out var isNullable) && isNullable;
        if (BundleDocument.StringOf(schema, "type") is { } type)
        {
            result["type"] = nullable ? new JsonArray(type, "null") : type;
        }

        if (schema["enum"] is JsonArray values)
        {
            var allowed = (JsonArray)values.DeepClone();
            if (nullable && !allowed.Any(v => v is null))
            {
                allowed.Add(null);
            }

            result["enum"] = allowed;
        }

        foreach (var keyword in Copied.Where(schema.ContainsKey))
        {
            result[keyword] = schema[keyword]!.DeepClone();
        }

        if (BundleDocument.StringOf(schema, "format") is { } format && CheckedFormats.Contains(format))
        {
            result["format"] = format;
        }

        // 3.0's boolean exclusiveMinimum/exclusiveMaximum qualify minimum/maximum; 2020-12's are numbers.
        ExclusiveBound(schema, result, "minimum", "exclusiveMinimum");
        ExclusiveBound(schema, result, "maximum", "exclusiveMaximum");

        if (schema["properties"] is JsonObject properties)
        {
            var converted = new JsonObject();
            foreach (var (name, property) in properties)
            {
                converted[name] = Convert(property, Form.Closed, null, depth + 1);
            }

            result["properties"] = converted;
        }

        if (schema.ContainsKey("items"))
        {
            result["items"] = Convert(schema["items"], Form.Closed, null, depth + 1);
        }

        // allOf members are open: the composite closes over all their properties at once.
        Applicator(schema, result, "allOf", Form.Open, depth);
        Applicator(schema, result, "oneOf", Form.Closed, depth);
        Applicator(schema, result, "anyOf", Form.Closed, depth);
        if (schema.ContainsKey("not"))
        {
            result["not"] = Convert(schema["not"], Form.Open, null, depth + 1);
        }

        if (schema["additionalProperties"] is JsonObject additionalSchema)
        {
            result["additionalProperties"] = Convert(additionalSchema, Form.Closed, null, depth + 1);
        }
        else if (IsFreeForm(schema))
        {
            // A free-form map (tags, context, plugin data): every key is its content.
            if (BundleDocument.StringOf(schema, "type") == "object")
            {
                result["additionalProperties"] = true;
            }
        }
        else if (form != Form.Open && DeclaredNames(schema, 0) is { } names)
        {
            // Closed over the names the schema and its allOf members declare. additionalProperties (not
            // unevaluatedProperties) so that one wrong field does not make every sibling "undeclared".
            var declared = result["properties"] as JsonObject ?? [];
            foreach (var name in names.Where(n => !declared.ContainsKey(n)))
            {
                declared[name] = true;
            }

            result["properties"] = declared;
            result["additionalProperties"] = false;
        }

        // `nullable: true` beside allOf/oneOf/anyOf (the use-site form `nullable: true` + `allOf: [{$ref}]`) admits null
        // whatever the members say, as generators read it; strict 3.0.3 would need a `type` beside it.
        if (nullable && Composition.Any(schema.ContainsKey))
        {
            return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, result) };
        }

        return result;
    }

    // No declared fields and not explicitly closed: free-form (additionalProperties true or absent).
    private static bool IsFreeForm(JsonObject schema) =>
        !schema.ContainsKey("properties") && !schema.ContainsKey("allOf") && !schema.ContainsKey("oneOf") && !schema.ContainsKey("anyOf")
        && !(schema["additionalProperties"] is JsonValue flag && flag.TryGetValue<bool>(out var allowed) && !allowed);

    /// <summary>
    /// The property names a schema declares, with those of its allOf/oneOf/anyOf members; null when a
    /// member is open-ended (free-form, or additionalProperties as a schema), so nothing can be closed.
    /// </summary>
    private HashSet<string>? DeclaredNames(JsonNode? node, int depth)
    {
        if (BundleDocument.RefOf(node) is { } reference && _cyclic.Contains(reference))
        {
            return null; // a member of a cycle declares nothing that could be closed over
        }

        var (schema, _) = _bundle.Resolve(node, JsonPointers.Root);
        if (schema is null || depth > 64)
        {
            return [];
        }

        if (schema["additionalProperties"] is JsonObject || (depth > 0 && IsFreeForm(schema) && BundleDocument.StringOf(schema, "type") == "object"))
        {
            return null;
        }

        var names = new HashSet<string>((schema["properties"] as JsonObject ?? []).Select(p => p.Key), StringComparer.Ordinal);
        foreach (var member in new[] { "allOf", "oneOf", "anyOf" }.SelectMany(k => schema[k] as JsonArray ?? []))
        {
            if (DeclaredNames(member, depth + 1) is not { } more)
            {
                return null;
            }

            names.UnionWith(more);
        }

        return names;
    }

    private JsonNode Dispatch(JsonObject schema, string property, JsonObject discriminator, string? component, int depth)
    {
        var mapping = (discriminator["mapping"] as JsonObject ?? [])
            .Select(m => (Value: m.Key, Target: m.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? m.Value.GetValue<string>() : null))
            .Where(m => m.Target is not null)
            .ToList();
        if (mapping.Count == 0)
        {
            // Implicit mapping: the value is the name of a oneOf/anyOf member's component.
            mapping = ((schema["oneOf"] ?? schema["anyOf"]) as JsonArray ?? [])
                .Select(BundleDocument.RefOf).OfType<string>()
                .Select(r => (Value: JsonPointers.Segments(r)[^1], Target: (string?)r))
                .ToList();
        }

        JsonNode chain = component is null ? Convert(schema, Form.Plain, null, depth + 1) : DefRef(Form.Plain, component);
        foreach (var (value, target) in Enumerable.Reverse(mapping))
        {
            var name = ComponentName(target!);
            var then = _cyclic.Contains(target!) ? JsonValue.Create(true)
                : name is null ? Convert(_bundle.Find(target!), Form.Closed, null, depth + 1)
                : name == component ? DefRef(Form.Plain, name) // a mapping to the base itself must not dispatch again
                : DefRef(Form.Closed, name);
            chain = new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { [property] = new JsonObject { ["const"] = value } },
                    ["required"] = new JsonArray(property),
                },
                ["then"] = then,
                ["else"] = chain,
            };
        }

        return chain;
    }

    private void Applicator(JsonObject schema, JsonObject result, string keyword, Form form, int depth)
    {
        if (schema[keyword] is JsonArray members)
        {
            result[keyword] = new JsonArray(members.Select(m => Convert(m, form, null, depth + 1)).ToArray());
        }
    }

    private static void ExclusiveBound(JsonObject schema, JsonObject result, string bound, string exclusive)
    {
        if (schema[exclusive] is JsonValue flag && flag.TryGetValue<bool>(out var isExclusive) && isExclusive && schema[bound] is { } value)
        {
            result.Remove(bound);
            result[exclusive] = value.DeepClone();
        }
    }
}
