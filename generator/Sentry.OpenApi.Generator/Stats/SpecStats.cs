using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Stats;

/// <summary>The counts of one tag: its operations, how many are cursor-paginated, and their examples.</summary>
internal sealed record TagStats(string Tag, int Operations, int Paginated, int Examples);

/// <summary>
/// The size of a spec: operations, paths, component schemas, examples (the examples of the
/// operations' request bodies and success responses: what the contract suite makes its cases of;
/// the shared error examples would count once per operation), paginated and deprecated operations,
/// and the same per tag.
/// </summary>
internal sealed record SpecStats(int Operations, int Paths, int Schemas, int Examples, int PaginatedOperations, int DeprecatedOperations, IReadOnlyList<TagStats> Tags)
{
    public static SpecStats Of(SpecDocument spec)
    {
        var operations = spec.Operations;
        var tags = operations
            .GroupBy(o => o.Tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TagStats(g.Key, g.Count(), g.Count(IsPaginated), g.Sum(ExampleCount)))
            .ToList();
        return new SpecStats(
            operations.Count,
            spec.Document.Paths.Count,
            spec.Document.Components?.Schemas?.Count ?? 0,
            operations.Sum(ExampleCount),
            operations.Count(IsPaginated),
            operations.Count(o => o.Operation.Deprecated),
            tags);
    }

    private static bool IsPaginated(SpecOperation operation) =>
        operation.Operation.Extensions?.TryGetValue("x-sentry-pagination", out var value) == true
        && value is JsonNodeExtension { Node: JsonValue node } && node.TryGetValue<string>(out var kind) && kind == "cursor";

    // Named examples of the request body and of the 2xx responses (a lone `example` counts as one).
    private static int ExampleCount(SpecOperation operation)
    {
        var request = operation.Operation.RequestBody?.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>();
        var responses = (operation.Operation.Responses ?? []).Where(r => r.Key.StartsWith('2')).Select(r => r.Value);
        var media = request.Concat(responses.SelectMany(r => r.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>()));
        return media.Sum(m => m.Examples is { Count: > 0 } examples ? examples.Count : m.Example is null ? 0 : 1);
    }
}
