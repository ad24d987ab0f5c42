using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// The bundled spec as a JSON tree: the rules read it raw so that every finding can name the exact
/// JSON pointer (the OpenAPI object model loses where things were).
/// </summary>
internal sealed class BundleDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private BundleDocument(string path, JsonObject root)
    {
        Path = path;
        Root = root;
        Operations = ListOperations(root);
    }

    public string Path { get; }

    public JsonObject Root { get; }

    public IReadOnlyList<BundleOperation> Operations { get; }

    /// <summary>Reads <paramref name="path"/>; a missing or malformed file is a <see cref="SpecInputException"/> naming file and line.</summary>
    public static BundleDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecInputException($"{SourceMap.Display(path)}: file not found. Build the solution first (`dotnet build Sentry.OpenApi.sln` writes artifacts/spec/sentry-api.json) or pass --spec.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecInputException($"{SourceMap.Display(path)}: cannot be read ({e.Message}).", e);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var why = e.Message.Split(" Path: ", 2)[0].Split(" LineNumber: ", 2)[0].TrimEnd('.', ' ', '|');
            throw new SpecInputException($"{SourceMap.Display(path)}:{line}: malformed JSON ({why}); fix the file or rebuild the bundle (`dotnet build Sentry.OpenApi.sln`).", e);
        }

        if (root is not JsonObject document || document["openapi"] is null || document["paths"] is not JsonObject)
        {
            throw new SpecInputException($"{SourceMap.Display(path)}: not an OpenAPI document (expected a JSON object with `openapi` and `paths`); pass the bundled spec with --spec.");
        }

        return new BundleDocument(path, document);
    }

    /// <summary>The node at a local pointer (<c>#/components/schemas/Issue</c>), or null.</summary>
    public JsonNode? Find(string pointer)
    {
        JsonNode? node = Root;
        foreach (var segment in JsonPointers.Segments(pointer))
        {
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Follows <c>$ref</c>s from <paramref name="node"/> (at <paramref name="pointer"/>) to the object they name.</summary>
    public (JsonObject? Node, string Pointer) Resolve(JsonNode? node, string pointer)
    {
        for (var hops = 0; hops < 32; hops++)
        {
            if (node is not JsonObject obj)
            {
                return (null, pointer);
            }

            if (RefOf(obj) is not { } reference)
            {
                return (obj, pointer);
            }

            pointer = reference;
            node = Find(reference);
        }

        return (null, pointer);
    }

    /// <summary>The <c>$ref</c> string of a reference object, or null.</summary>
    public static string? RefOf(JsonNode? node) =>
        node is JsonObject obj && obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference) ? reference : null;

    /// <summary>A string property, or null.</summary>
    public static string? StringOf(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// Every <c>$ref</c> and discriminator mapping must resolve inside the bundle; the first that does
    /// not is bad input (a bundle that Redocly wrote never has one).
    /// </summary>
    public void CheckReferences(Func<string, SourceLocation> locate)
    {
        foreach (var (pointer, reference) in References(Root, JsonPointers.Root))
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal) || Find(reference) is null)
            {
                var what = reference.StartsWith('#') ? "does not resolve in the bundle" : "is not local to the bundle";
                throw new SpecInputException($"{locate(pointer)}: {pointer}: $ref `{reference}` {what} {SourceMap.Display(Path)}; "
                    + "fix the reference in spec/ and rebuild the bundle (`dotnet build Sentry.OpenApi.sln`).");
            }
        }
    }

    /// <summary>Every reference under <paramref name="node"/>: <c>$ref</c> strings and discriminator mappings; example values are data, not spec.</summary>
    public static IEnumerable<(string Pointer, string Reference)> References(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var at = JsonPointers.Append(pointer, key);
                    if (key == "$ref" && child is JsonValue v && v.TryGetValue<string>(out var reference))
                    {
                        yield return (at, reference);
                    }
                    else if (key == "mapping" && pointer.EndsWith("/discriminator", StringComparison.Ordinal) && child is JsonObject mapping)
                    {
                        foreach (var (value, target) in mapping)
                        {
                            if (target is JsonValue t && t.TryGetValue<string>(out var targetRef))
                            {
                                yield return (JsonPointers.Append(at, value), targetRef);
                            }
                        }
                    }
                    else if (!IsData(key, pointer))
                    {
                        foreach (var found in References(child, at))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in References(array[i], JsonPointers.Append(pointer, i)))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    // Maps whose keys are names (a property called "default" is no default value).
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "properties", "examples", "headers", "content", "responses", "schemas", "parameters", "requestBodies",
        "securitySchemes", "links", "callbacks", "paths", "mapping", "encoding", "variables",
    };

    // Example values, defaults, enums and extensions hold data: a "$ref" key there is not a reference.
    private static bool IsData(string key, string parentPointer)
    {
        var parents = JsonPointers.Segments(parentPointer);
        if (parents.Count > 0 && NameMaps.Contains(parents[^1]) && (parents.Count < 2 || parents[^2] != "properties"))
        {
            return false;
        }

        return key is "example" or "default" or "enum" or "x-extensible-enum"
            || key.StartsWith("x-", StringComparison.Ordinal)
            || (key == "value" && parents.Count >= 2 && parents[^2] == "examples" && (parents.Count < 3 || parents[^3] != "properties"));
    }

    private static List<BundleOperation> ListOperations(JsonObject root)
    {
        var operations = new List<BundleOperation>();
        if (root["paths"] is not JsonObject paths)
        {
            return operations;
        }

        foreach (var (path, item) in paths)
        {
            var itemPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Root, "paths"), path);
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (pathItem[method] is JsonObject operation)
                {
                    operations.Add(new BundleOperation(method.ToUpperInvariant(), path, JsonPointers.Append(itemPointer, method), operation, pathItem, itemPointer));
                }
            }
        }

        return operations;
    }

    /// <summary>
    /// The parameters of an operation, resolved, with the pointer each is written at: the path item's,
    /// less those the operation overrides (same name and location), then the operation's own.
    /// </summary>
    public IReadOnlyList<(JsonObject Parameter, string Pointer)> ParametersOf(BundleOperation operation)
    {
        var own = ParameterList(operation.Node, operation.Pointer);
        var shared = ParameterList(operation.PathItem, operation.PathItemPointer)
            .Where(s => !own.Any(o => StringOf(o.Parameter, "name") == StringOf(s.Parameter, "name") && StringOf(o.Parameter, "in") == StringOf(s.Parameter, "in")));
        return shared.Concat(own).ToList();
    }

    /// <summary>The responses of an operation, resolved, by status code.</summary>
    public IReadOnlyList<(string Status, JsonObject Response, string Pointer)> ResponsesOf(BundleOperation operation)
    {
        var list = new List<(string, JsonObject, string)>();
        if (operation.Node["responses"] is JsonObject responses)
        {
            var at = JsonPointers.Append(operation.Pointer, "responses");
            foreach (var (status, response) in responses)
            {
                var (resolved, pointer) = Resolve(response, JsonPointers.Append(at, status));
                if (resolved is not null)
                {
                    list.Add((status, resolved, pointer));
                }
            }
        }

        return list;
    }

    /// <summary>Whether a response key is a success status (200-299 or 2XX).</summary>
    public static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2';

    private List<(JsonObject Parameter, string Pointer)> ParameterList(JsonObject owner, string ownerPointer)
    {
        var list = new List<(JsonObject, string)>();
        if (owner["parameters"] is JsonArray parameters)
        {
            var at = JsonPointers.Append(ownerPointer, "parameters");
            for (var i = 0; i < parameters.Count; i++)
            {
                var (resolved, pointer) = Resolve(parameters[i], JsonPointers.Append(at, i));
                if (resolved is not null)
                {
                    list.Add((resolved, pointer));
                }
            }
        }

        return list;
    }
}
