using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// SENTRY006: every example (request and response bodies, response headers, parameters, and the
/// <c>example</c> of a schema itself) is valid against its schema, converted by
/// <see cref="StrictSchemaConverter"/> and evaluated with JsonSchema.Net. Each error names the
/// example's pointer plus the instance path inside it.
/// </summary>
internal sealed class ExampleRule
{
    private const int MaxErrorsPerExample = 20;
    private static readonly ValidationRule Rule = ValidationRules.ValidExamples;

    private readonly BundleDocument _bundle;
    private readonly StrictSchemaConverter _converter;
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly EvaluationOptions _evaluation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly HashSet<(string Example, string Schema)> _checked = [];

    private ExampleRule(BundleDocument bundle, IReadOnlySet<string> cyclic)
    {
        _bundle = bundle;
        _converter = new StrictSchemaConverter(bundle, cyclic);
        Build(_converter.ComponentsDocument(), new Uri(StrictSchemaConverter.ComponentsId), "#/components/schemas");
    }

    /// <summary>How many (example, schema) pairs were evaluated.</summary>
    public int Checked => _checked.Count;

    /// <param name="bundle">The spec.</param>
    /// <param name="cyclic">The schemas of $ref/allOf cycles, left unchecked (SENTRY012 reports them).</param>
    public static (IReadOnlyList<Finding> Findings, int Checked) Check(BundleDocument bundle, IReadOnlySet<string> cyclic)
    {
        var rule = new ExampleRule(bundle, cyclic);
        var findings = bundle.Operations.SelectMany(rule.CheckOperation).ToList();
        var schemas = JsonPointers.Append(JsonPointers.Append(JsonPointers.Root, "components"), "schemas");
        foreach (var (name, schema) in bundle.Root["components"]?["schemas"] as JsonObject ?? [])
        {
            findings.AddRange(rule.CheckSchemaExamples(schema, JsonPointers.Append(schemas, name), null));
        }

        return (findings, rule.Checked);
    }

    private IEnumerable<Finding> CheckOperation(BundleOperation operation)
    {
        foreach (var (parameter, pointer) in _bundle.ParametersOf(operation))
        {
            foreach (var finding in CheckHolder(parameter, pointer, operation))
            {
                yield return finding;
            }
        }

        var (body, bodyPointer) = _bundle.Resolve(operation.Node["requestBody"], JsonPointers.Append(operation.Pointer, "requestBody"));
        if (body is not null)
        {
            foreach (var finding in CheckContent(body, bodyPointer, operation))
            {
                yield return finding;
            }
        }

        foreach (var (_, response, pointer) in _bundle.ResponsesOf(operation))
        {
            foreach (var finding in CheckContent(response, pointer, operation))
            {
                yield return finding;
            }

            foreach (var (name, header) in response["headers"] as JsonObject ?? [])
            {
                var (resolved, headerPointer) = _bundle.Resolve(header, JsonPointers.Append(JsonPointers.Append(pointer, "headers"), name));
                if (resolved is not null)
                {
                    foreach (var finding in CheckHolder(resolved, headerPointer, operation))
                    {
                        yield return finding;
                    }
                }
            }
        }
    }

    // Request bodies and responses: each media type with its schema and examples.
    private IEnumerable<Finding> CheckContent(JsonObject owner, string pointer, BundleOperation operation)
    {
        foreach (var (mediaType, media) in owner["content"] as JsonObject ?? [])
        {
            if (media is JsonObject mediaObject)
            {
                foreach (var finding in CheckHolder(mediaObject, JsonPointers.Append(JsonPointers.Append(pointer, "content"), mediaType), operation))
                {
                    yield return finding;
                }
            }
        }
    }

    // A media type, parameter or header: `schema` plus `example` or named `examples` (or `content`).
    private IEnumerable<Finding> CheckHolder(JsonObject holder, string pointer, BundleOperation operation)
    {
        if (holder["content"] is JsonObject)
        {
            foreach (var finding in CheckContent(holder, pointer, operation))
            {
                yield return finding;
            }
        }

        if (!holder.ContainsKey("schema"))
        {
            yield break;
        }

        var schemaPointer = JsonPointers.Append(pointer, "schema");
        var schema = holder["schema"];
        foreach (var finding in CheckSchemaExamples(schema, schemaPointer, operation))
        {
            yield return finding;
        }

        if (holder.ContainsKey("example"))
        {
            foreach (var finding in CheckExample(schema, schemaPointer, holder["example"], JsonPointers.Append(pointer, "example"), operation))
            {
                yield return finding;
            }
        }

        foreach (var (name, example) in holder["examples"] as JsonObject ?? [])
        {
            var (resolved, examplePointer) = _bundle.Resolve(example, JsonPointers.Append(JsonPointers.Append(pointer, "examples"), name));
            if (resolved is not null && resolved.ContainsKey("value"))
            {
                foreach (var finding in CheckExample(schema, schemaPointer, resolved["value"], JsonPointers.Append(examplePointer, "value"), operation))
                {
                    yield return finding;
                }
            }
        }
    }

    // The `example` of a schema and of its inline subschemas; a $ref is checked where its component is.
    private IEnumerable<Finding> CheckSchemaExamples(JsonNode? node, string pointer, BundleOperation? operation)
    {
        if (node is not JsonObject schema || BundleDocument.RefOf(schema) is not null)
        {
            yield break;
        }

        if (schema.ContainsKey("example"))
        {
            foreach (var finding in CheckExample(schema, pointer, schema["example"], JsonPointers.Append(pointer, "example"), operation))
            {
                yield return finding;
            }
        }

        var children = (schema["properties"] as JsonObject ?? []).Select(p => (p.Value, JsonPointers.Append(JsonPointers.Append(pointer, "properties"), p.Key)))
            .Concat(new[] { "items", "additionalProperties", "not" }.Where(schema.ContainsKey).Select(k => (schema[k], JsonPointers.Append(pointer, k))))
            .Concat(new[] { "allOf", "oneOf", "anyOf" }.SelectMany(k => (schema[k] as JsonArray ?? []).Select((m, i) => (m, JsonPointers.Append(JsonPointers.Append(pointer, k), i)))));
        foreach (var (child, at) in children)
        {
            foreach (var finding in CheckSchemaExamples(child, at, operation))
            {
                yield return finding;
            }
        }
    }

    private IEnumerable<Finding> CheckExample(JsonNode? schema, string schemaPointer, JsonNode? value, string valuePointer, BundleOperation? operation)
    {
        // Shared examples (a parameter component's, an error response's) are checked once per schema; an inline
        // schema is known by its text, so `type: array, items: {$ref: Issue}` written in 400 operations is one schema.
        var schemaName = BundleDocument.RefOf(schema) ?? schemaPointer;
        var schemaKey = BundleDocument.RefOf(schema) ?? schema?.ToJsonString() ?? "null";
        if (!_checked.Add((valuePointer, schemaKey)))
        {
            return [];
        }

        var results = SchemaFor(schema, schemaKey, schemaName).Evaluate(JsonSerializer.SerializeToElement(value), _evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var errors = Errors(results).Distinct().ToList();
        var findings = errors.Take(MaxErrorsPerExample)
            .Select(e => Rule.At(valuePointer + e.Location, e.Message, operation))
            .ToList();
        if (errors.Count > MaxErrorsPerExample)
        {
            findings.Add(Rule.At(valuePointer, $"{errors.Count - MaxErrorsPerExample} more errors in this example (against {schemaName}).", operation));
        }

        return findings;
    }

    private JsonSchema SchemaFor(JsonNode? schema, string key, string pointer)
    {
        if (!_schemas.TryGetValue(key, out var built))
        {
            var id = new Uri($"https://sentry-openapi.invalid/validate/example-{_schemas.Count}.json");
            built = Build(_converter.Root(schema, id), id, pointer);
            _schemas[key] = built;
        }

        return built;
    }

    // A schema JSON Schema cannot take (an invalid `pattern`, say) leaves nothing to check examples against.
    private JsonSchema Build(JsonObject schema, Uri id, string pointer)
    {
        try
        {
            return JsonSchema.Build(JsonSerializer.SerializeToElement(schema), _build, id);
        }
        catch (Exception e) when (e is JsonSchemaException or RefResolutionException or ArgumentException or JsonException or NotSupportedException or KeyNotFoundException)
        {
            throw new Spec.SpecInputException($"{_bundle.Path}: {pointer}: the schema cannot be turned into JSON Schema to check examples ({e.Message}); fix the schema in spec/.", e);
        }
    }

    /// <summary>The errors that made the value fail: failing branches only, never the test of an <c>if</c>.</summary>
    private static IEnumerable<(string Location, string Message)> Errors(EvaluationResults results)
    {
        if (results.IsValid || results.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
        {
            yield break;
        }

        var location = results.InstanceLocation.ToString();
        if (results.Errors is { Count: > 0 } errors)
        {
            foreach (var (keyword, message) in errors)
            {
                yield return (location, Explain(results, keyword, message));
            }
        }

        foreach (var detail in results.Details ?? [])
        {
            foreach (var error in Errors(detail))
            {
                yield return error;
            }
        }
    }

    private static string Explain(EvaluationResults results, string keyword, string message)
    {
        var path = results.EvaluationPath.ToString();
        if (path.EndsWith("/additionalProperties", StringComparison.Ordinal))
        {
            var property = JsonPointers.Segments(results.InstanceLocation.ToString()).LastOrDefault();
            return $"`{property}` is not a declared property of its schema (examples may use only declared properties: declare it or remove it from the example)";
        }

        return keyword.Length == 0 ? message : $"{message} ({keyword})";
    }
}
