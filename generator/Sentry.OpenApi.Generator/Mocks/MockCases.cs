using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Mocks;

/// <summary>Every (operation, example) of a spec as a <see cref="MockCase"/>.</summary>
public static class MockCases
{
    /// <summary>Loads the bundled spec at <paramref name="specPath"/> and lists its cases.</summary>
    public static async Task<IReadOnlyList<MockCase>> LoadAsync(string specPath, CancellationToken cancellationToken = default) =>
        For(await SpecDocument.LoadAsync(specPath, cancellationToken).ConfigureAwait(false));

    internal static IReadOnlyList<MockCase> For(SpecDocument spec) => spec.Operations.SelectMany(For).ToList();

    /// <summary>One case per example of each success response, or one <c>no-content</c> case when none has an example.</summary>
    private static IEnumerable<MockCase> For(SpecOperation op)
    {
        var (requestMediaType, requestExamples) = RequestExamples(op.Operation);
        JsonNode? RequestFor(string name) =>
            requestExamples.TryGetValue(name, out var value) ? value : requestExamples.Values.FirstOrDefault();

        var any = false;
        foreach (var (code, response) in op.Operation.Responses ?? [])
        {
            if (!code.StartsWith('2') || response.Content is null || !response.Content.TryGetValue("application/json", out var json))
            {
                continue;
            }

            foreach (var (name, example) in Examples(json))
            {
                any = true;
                yield return new MockCase(op, name, int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), example, requestMediaType, RequestFor(name));
            }
        }

        if (!any)
        {
            var status = (op.Operation.Responses ?? []).Keys.Where(k => k.StartsWith('2')).Order(StringComparer.Ordinal).FirstOrDefault() ?? "200";
            yield return new MockCase(op, "no-content", int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), null, requestMediaType, RequestFor("default"));
        }
    }

    private static (string? MediaType, Dictionary<string, JsonNode?> Examples) RequestExamples(OpenApiOperation operation)
    {
        var content = operation.RequestBody?.Content;
        if (content is null || content.Count == 0)
        {
            return (null, []);
        }

        var (mediaType, media) = content.First();
        return (mediaType, Examples(media).ToDictionary(e => e.Name, e => e.Value));
    }

    private static IEnumerable<(string Name, JsonNode? Value)> Examples(IOpenApiMediaType media)
    {
        if (media.Examples is { Count: > 0 } examples)
        {
            return examples.Select(e => (e.Key, e.Value.Value));
        }

        return media.Example is { } single ? [("default", single)] : [];
    }
}
