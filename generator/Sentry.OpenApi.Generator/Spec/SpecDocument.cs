using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Sentry.OpenApi.Generator.Validation;

namespace Sentry.OpenApi.Generator.Spec;

/// <summary>A bundled spec loaded with Microsoft.OpenApi, plus its operations in a flat list.</summary>
internal sealed class SpecDocument
{
    private readonly Lazy<IReadOnlySet<string>> _nullableWithoutType;
    private readonly Lazy<IReadOnlySet<string>> _onlyNull;

    private SpecDocument(string path, OpenApiDocument document, IReadOnlyList<string> warnings, JsonNode? raw)
    {
        Path = path;
        Document = document;
        Warnings = warnings;
        Cycles = CompositionCycles.Find(raw, CompositionCycles.ComponentPointers(raw));
        // Only diff asks, and it walks every schema of the document: not paid by the commands that count.
        _nullableWithoutType = new Lazy<IReadOnlySet<string>>(() =>
            SchemaWalk.Where(raw, IsNullableWithoutType).Select(s => s.Pointer[1..]).ToHashSet(StringComparer.Ordinal));
        _onlyNull = new Lazy<IReadOnlySet<string>>(() =>
            SchemaWalk.Where(raw, IsOnlyNull).Select(s => s.Pointer[1..]).ToHashSet(StringComparer.Ordinal));
        Operations = document.Paths
            .SelectMany(p => (p.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
                .Select(o => new SpecOperation(o.Key.Method.ToUpperInvariant(), p.Key, o.Value, p.Value.Parameters ?? [])))
            .ToList();
    }

    public string Path { get; }

    public OpenApiDocument Document { get; }

    public IReadOnlyList<string> Warnings { get; }

    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>
    /// The $ref/allOf/oneOf/anyOf cycles of the document (see <see cref="CompositionCycles"/>). A command
    /// that walks schemas must refuse a document that has any; one that only counts can ignore them.
    /// </summary>
    public IReadOnlyList<CompositionCycle> Cycles { get; }

    /// <summary>
    /// The RFC 6901 pointers (<c>/components/schemas/Issue/properties/parent</c>) of the schemas that say
    /// <c>nullable: true</c> without a <c>type</c>, the use-site form <c>nullable: true</c> + <c>allOf: [{$ref}]</c>:
    /// the object model drops such a <c>nullable</c>, so it is read from the raw JSON.
    /// </summary>
    public IReadOnlySet<string> NullableWithoutType => _nullableWithoutType.Value;

    /// <summary>
    /// The pointers of the schemas that admit exactly null (<c>{type: X, nullable: true, enum: [null]}</c>), the second
    /// member of the spec's nullable reference <c>oneOf: [{$ref}, (only null)]</c>; read from the raw JSON, since the
    /// object model keeps no trace of a null enum value.
    /// </summary>
    public IReadOnlySet<string> OnlyNull => _onlyNull.Value;

    /// <summary>Loads a bundled JSON spec; a missing, unreadable or invalid file is a <see cref="SpecInputException"/>.</summary>
    public static async Task<SpecDocument> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new SpecInputException($"{path}: file not found. Build the solution first (`dotnet build Sentry.OpenApi.sln` writes artifacts/spec/sentry-api.json) or pass --spec.");
        }

        byte[] bytes;
        ReadResult result;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            using var stream = new MemoryStream(bytes, writable: false);
            var settings = new OpenApiReaderSettings();
            result = await OpenApiDocument.LoadAsync(stream, "json", settings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or OpenApiException)
        {
            throw new SpecInputException($"{path}: cannot be read as an OpenAPI JSON document: {e.Message}", e);
        }

        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            var first = errors.Select(e => $"{e.Pointer}: {e.Message}").FirstOrDefault() ?? "no document";
            throw new SpecInputException($"{path}: not a valid OpenAPI document ({errors.Count} error(s)); first: {first}");
        }

        var warnings = (result.Diagnostic?.Warnings ?? []).Select(w => $"{w.Pointer}: {w.Message}").ToList();
        // The object model resolves references as it is read (and loops or throws on a cycle), so cycles are looked for in the raw JSON.
        return new SpecDocument(path, result.Document, warnings, JsonNode.Parse(bytes));
    }

    private static bool IsOnlyNull(JsonObject schema) =>
        schema["enum"] is JsonArray { Count: 1 } values && values[0] is null;

    private static bool IsNullableWithoutType(JsonObject schema) =>
        schema["nullable"] is JsonValue flag && flag.TryGetValue<bool>(out var nullable) && nullable && !schema.ContainsKey("type") && BundleDocument.RefOf(schema) is null;
}

/// <summary>One operation: method, path template and its definition.</summary>
internal sealed record SpecOperation(string Method, string Path, OpenApiOperation Operation, IList<IOpenApiParameter> PathItemParameters)
{
    /// <summary>The operation's parameters with those of its path item, the operation's winning on a clash.</summary>
    public IReadOnlyList<IOpenApiParameter> Parameters =>
        PathItemParameters.Where(shared => !(Operation.Parameters ?? []).Any(own => own.Name == shared.Name && own.In == shared.In))
            .Concat(Operation.Parameters ?? [])
            .ToList();

    public string OperationId => Operation.OperationId ?? $"{Method} {Path}";

    public string Tag => Operation.Tags?.FirstOrDefault()?.Name ?? "(untagged)";

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Input the tool cannot work with: exit code 2.</summary>
internal sealed class SpecInputException(string message, Exception? inner = null) : Exception(message, inner);
