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

    private readonly Dictionary<(string Path, string Method), BundleOperation> _byPathAndMethod;

    private BundleDocument(string path, JsonObject root)
    {
        Path = path;
        Root = root;
        Operations = ListOperations(root);
        _byPathAndMethod = Operations.ToDictionary(o => (o.Path, o.Method.ToLowerInvariant()));
    }

    /// <summary>The operation that <paramref name="pointer"/> is in (<c>#/paths/&lt;path&gt;/&lt;method&gt;</c> and below), or null.</summary>
    public BundleOperation? OperationContaining(string pointer)
    {
        // By its first three segments, not by trying every operation: a large spec has tens of thousands.
        var segments = JsonPointers.Segments(pointer);
        return segments.Count >= 3 && segments[0] == "paths" ? _byPathAndMethod.GetValueOrDefault((segments[1], segments[2])) : null;
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
    public JsonNode? Find(string pointer) => JsonPointers.Find(Root, pointer);

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
    /// not is bad input (a bundle that Redocly wrote never has one). Returns the distinct targets.
    /// </summary>
    public IReadOnlySet<string> CheckReferences(Func<string, SourceLocation> locate)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pointer, reference) in References(Root, JsonPointers.Root))
        {
            if (!targets.Add(reference))
            {
                continue; // resolved already
            }

            if (!reference.StartsWith("#/", StringComparison.Ordinal) || Find(reference) is null)
            {
                var what = reference.StartsWith('#') ? "does not resolve in the bundle" : "is not local to the bundle";
                throw new SpecInputException($"{locate(pointer)}: {pointer}: $ref `{reference}` {what} {SourceMap.Display(Path)}; "
                    + "fix the reference in spec/ and rebuild the bundle (`dotnet build Sentry.OpenApi.sln`).");
            }
        }

        return targets;
    }

    /// <summary>Every reference under <paramref name="node"/>: <c>$ref</c> strings and discriminator mappings; example values are data, not spec.</summary>
    public static IReadOnlyList<(string Pointer, string Reference)> References(JsonNode? node, string pointer)
    {
        // One list of segments, a pointer string only for each reference found: a 50 MB bundle has millions of nodes.
        var found = new List<(string, string)>();
        CollectReferences(node, JsonPointers.Segments(pointer).ToList(), found);
        return found;
    }

    private static void CollectReferences(JsonNode? node, List<string> path, List<(string, string)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key == "$ref" && child is JsonValue v && v.TryGetValue<string>(out var reference))
                    {
                        found.Add((JsonPointers.FromSegments(path.Append(key)), reference));
                    }
                    else if (key == "mapping" && path.Count > 0 && path[^1] == "discriminator" && child is JsonObject mapping)
                    {
                        foreach (var (value, target) in mapping)
                        {
                            if (target is JsonValue t && t.TryGetValue<string>(out var targetRef))
                            {
                                found.Add((JsonPointers.FromSegments(path.Append(key).Append(value)), targetRef));
                            }
                        }
                    }
                    else if (!IsData(key, path))
                    {
                        path.Add(key);
                        CollectReferences(child, path, found);
                        path.RemoveAt(path.Count - 1);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    CollectReferences(array[i], path, found);
                    path.RemoveAt(path.Count - 1);
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
    private static bool IsData(string key, List<string> parents)
    {
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
