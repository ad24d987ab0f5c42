using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// Success responses as generators and the contract suite need them: a named schema and an example
/// for each JSON body (SENTRY005), and example names that make unambiguous test cases (SENTRY010).
/// </summary>
internal static class ResponseRules
{
    private const string Json = "application/json";

    public static IEnumerable<Finding> Check(BundleDocument bundle)
    {
        foreach (var operation in bundle.Operations)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (status, response, pointer) in bundle.ResponsesOf(operation).Where(r => BundleDocument.IsSuccess(r.Status)))
            {
                if (response["content"] is not JsonObject content)
                {
                    continue;
                }

                foreach (var (mediaType, media) in content)
                {
                    var mediaPointer = JsonPointers.Append(JsonPointers.Append(pointer, "content"), mediaType);
                    if (mediaType == Json && media is JsonObject json)
                    {
                        foreach (var finding in NamedSchemaAndExample(status, json, mediaPointer, operation))
                        {
                            yield return finding;
                        }
                    }

                    foreach (var (name, namePointer) in ExampleNames(media, mediaPointer))
                    {
                        if (names.TryGetValue(name, out var first))
                        {
                            yield return ValidationRules.UniqueExampleNames.At(namePointer,
                                $"example name `{name}` is also used at {first}; the test case `{operation.OperationId}/{name}` would be ambiguous: rename one.", operation);
                        }
                        else
                        {
                            names[name] = namePointer;
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<Finding> NamedSchemaAndExample(string status, JsonObject media, string pointer, BundleOperation operation)
    {
        var schema = media["schema"];
        var named = BundleDocument.RefOf(schema) is not null
            || (BundleDocument.StringOf(schema, "type") == "array" && BundleDocument.RefOf(schema?["items"]) is not null);
        if (!named)
        {
            yield return ValidationRules.NamedSchemaAndExample.At(schema is null ? pointer : JsonPointers.Append(pointer, "schema"),
                $"the {status} {Json} response has {(schema is null ? "no schema" : "an inline schema")}; use a named component schema ($ref), or an array of one.", operation);
        }

        var hasExample = media.ContainsKey("example") || media["examples"] is JsonObject { Count: > 0 };
        if (!hasExample)
        {
            yield return ValidationRules.NamedSchemaAndExample.At(pointer,
                $"the {status} {Json} response has no example; add one under `examples:` ($ref a file in spec/components/examples/).", operation);
        }
    }

    // A single `example` is the case named "default", as the contract suite names it.
    private static IEnumerable<(string Name, string Pointer)> ExampleNames(JsonNode? media, string pointer)
    {
        if (media is not JsonObject obj)
        {
            yield break;
        }

        if (obj["examples"] is JsonObject examples && examples.Count > 0)
        {
            foreach (var (name, _) in examples)
            {
                yield return (name, JsonPointers.Append(JsonPointers.Append(pointer, "examples"), name));
            }
        }
        else if (obj.ContainsKey("example"))
        {
            yield return ("default", JsonPointers.Append(pointer, "example"));
        }
    }
}
