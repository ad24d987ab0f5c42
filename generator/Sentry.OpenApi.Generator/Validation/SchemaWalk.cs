using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// Every schema written in the bundle, inline ones included, each once with its pointer: the
/// component schemas, the <c>schema</c> of parameters, headers and media types, and what they nest
/// (properties, items, additionalProperties, allOf/oneOf/anyOf members, not). A <c>$ref</c> is not
/// followed: the schema it names is visited where it is written.
/// </summary>
internal static class SchemaWalk
{
    private static readonly string[] SchemaKeys = ["items", "additionalProperties", "not"];
    private static readonly string[] SchemaListKeys = ["allOf", "oneOf", "anyOf"];

    // Maps whose keys are names chosen by the author: a header called `schema` is no schema.
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "paths", "responses", "content", "headers", "parameters", "requestBodies", "callbacks", "links", "encoding", "variables", "securitySchemes",
    };

    /// <summary>The schemas that <paramref name="match"/>; pointers are made for those only (a 50 MB bundle has millions of schemas).</summary>
    public static IReadOnlyList<(string Pointer, JsonObject Schema)> Where(JsonNode? document, Func<JsonObject, bool> match)
    {
        var found = new List<(string, JsonObject)>();
        Document(document, [], namedEntries: false, match, found);
        return found;
    }

    private static void Document(JsonNode? node, List<string> path, bool namedEntries, Func<JsonObject, bool> match, List<(string, JsonObject)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    path.Add(key);
                    if (namedEntries)
                    {
                        Document(child, path, namedEntries: false, match, found);
                    }
                    else if (key == "schema")
                    {
                        Schema(child, path, match, found);
                    }
                    else if (key == "schemas" && path is ["components", _])
                    {
                        foreach (var (name, schema) in child as JsonObject ?? [])
                        {
                            path.Add(name);
                            Schema(schema, path, match, found);
                            path.RemoveAt(path.Count - 1);
                        }
                    }
                    else if (key is not ("example" or "examples" or "default" or "enum") && !key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        Document(child, path, NameMaps.Contains(key), match, found);
                    }

                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add(Index(i));
                    Document(array[i], path, namedEntries: false, match, found);
                    path.RemoveAt(path.Count - 1);
                }

                break;
        }
    }

    private static void Schema(JsonNode? node, List<string> path, Func<JsonObject, bool> match, List<(string, JsonObject)> found)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (match(schema))
        {
            found.Add((JsonPointers.FromSegments(path), schema));
        }

        if (BundleDocument.RefOf(schema) is not null)
        {
            return; // siblings of $ref are ignored in OpenAPI 3.0
        }

        void Child(JsonNode? child, params string[] segments)
        {
            path.AddRange(segments);
            Schema(child, path, match, found);
            path.RemoveRange(path.Count - segments.Length, segments.Length);
        }

        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            Child(property, "properties", name);
        }

        foreach (var key in SchemaKeys)
        {
            Child(schema[key], key);
        }

        foreach (var key in SchemaListKeys)
        {
            var members = schema[key] as JsonArray ?? [];
            for (var i = 0; i < members.Count; i++)
            {
                Child(members[i], key, Index(i));
            }
        }
    }

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
