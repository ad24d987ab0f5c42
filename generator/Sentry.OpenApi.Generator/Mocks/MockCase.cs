using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Mocks;

/// <summary>
/// One (operation, example) of the spec as a stub: the request it answers (path filled with the
/// parameters' own examples), the response it serves (status, Content-Type, a Link header on paginated
/// operations, the example body), and everything a client needs to make the call. Written as
/// WireMock.Net mappings (<see cref="WireMockNetMapping"/>) or Java WireMock mappings
/// (<see cref="JavaMapping"/>); the sandbox, `mocks --out` and the contract tests' stubs share it.
/// </summary>
public sealed class MockCase
{
    internal MockCase(SpecOperation operation, string exampleName, int status, JsonNode? responseBody, string? requestMediaType, JsonNode? requestBody)
    {
        Operation = operation;
        ExampleName = exampleName;
        Status = status;
        ResponseBody = responseBody;
        RequestMediaType = requestMediaType;
        RequestBody = requestBody;
        Parameters = operation.Parameters
            .Where(p => p.Name is not null)
            .Select(p => new MockParameter(p.Name!, p.In?.ToString().ToLowerInvariant() ?? "query", p.Required,
                p.Schema?.Type is { } type && (type & JsonSchemaType.Array) != 0, p.Example ?? SchemaExample(p.Schema)))
            .ToList();
    }

    // OpenAPI 3.0 schemas carry a single `example`; Microsoft.OpenApi 3 marks it obsolete in favour of 3.1's `examples`.
#pragma warning disable CS0618
    private static JsonNode? SchemaExample(IOpenApiSchema? schema) => schema?.Example ?? schema?.Examples?.FirstOrDefault();
#pragma warning restore CS0618

    internal SpecOperation Operation { get; }

    public string OperationId => Operation.OperationId;

    public string Tag => Operation.Tag;

    public string Method => Operation.Method;

    public string PathTemplate => Operation.Path;

    public bool IsPaginated => Operation.Operation.Extensions?.ContainsKey("x-sentry-pagination") == true;

    public string ExampleName { get; }

    public int Status { get; }

    public JsonNode? ResponseBody { get; }

    public string? RequestMediaType { get; }

    public JsonNode? RequestBody { get; }

    public IReadOnlyList<MockParameter> Parameters { get; }

    /// <summary><c>&lt;OperationId&gt;/&lt;example&gt;</c>.</summary>
    public string Name => $"{OperationId}/{ExampleName}";

    /// <summary>The request path with every path parameter's example filled in.</summary>
    public string Path => Parameters.Where(p => p.In == "path")
        .Aggregate(PathTemplate, (path, p) => path.Replace("{" + p.Name + "}", Uri.EscapeDataString(p.ExampleText.Single()), StringComparison.Ordinal));

    /// <summary>The query parameters a client passes (those with an example): name to wire values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query =>
        Parameters.Where(p => p.In == "query" && p.Example is not null).ToDictionary(p => p.Name, p => p.ExampleText);

    /// <summary>The request path as a server sees it (escapes decoded): what a stub's path matcher compares.</summary>
    public string DecodedPath => Uri.UnescapeDataString(Path);

    /// <summary>What a client needs to make the call, stored with each mapping (<c>sentry</c> metadata).</summary>
    public JsonObject Metadata()
    {
        var metadata = new JsonObject
        {
            ["operationId"] = OperationId,
            ["tag"] = Tag,
            ["example"] = ExampleName,
            ["pathTemplate"] = PathTemplate,
            ["parameters"] = new JsonObject(Parameters.Where(p => p.Example is not null)
                .Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Example!.DeepClone()))),
        };
        if (RequestBody is not null)
        {
            metadata["requestMediaType"] = RequestMediaType;
            metadata["requestBody"] = RequestBody.DeepClone();
        }

        return metadata;
    }

    /// <summary>Sentry's Link header for a first and only page of <paramref name="path"/>.</summary>
    public static string LinkHeader(Uri serverBaseUrl, string path)
    {
        var url = new Uri(serverBaseUrl, path.TrimStart('/')).AbsoluteUri;
        return $"<{url}?&cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", " +
               $"<{url}?&cursor=0:100:0>; rel=\"next\"; results=\"false\"; cursor=\"0:100:0\"";
    }

    public override string ToString() => Name;
}

/// <summary>A parameter of a mock case and its example.</summary>
public sealed record MockParameter(string Name, string In, bool Required, bool IsArray, JsonNode? Example)
{
    /// <summary>How the example is spelled on the wire: one value, or one per item of an array.</summary>
    public IReadOnlyList<string> ExampleText => Example is JsonArray items ? items.Select(Text).ToList() : [Text(Example)];

    public static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => Convert.ToString(v.GetValue<object>(), CultureInfo.InvariantCulture) ?? "",
        _ => value.ToJsonString(),
    };
}
