using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>The shape every operation needs: a unique operationId, one declared tag, a summary, a 2xx response.</summary>
internal static class OperationRules
{
    public static IEnumerable<Finding> Check(BundleDocument bundle)
    {
        var declaredTags = (bundle.Root["tags"] as JsonArray ?? []).Select(t => BundleDocument.StringOf(t, "name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var firstById = new Dictionary<string, BundleOperation>(StringComparer.Ordinal);
        foreach (var operation in bundle.Operations)
        {
            // SENTRY001: the operationId names the generated C# method; a clash would not compile or would overload.
            var id = BundleDocument.StringOf(operation.Node, "operationId");
            if (string.IsNullOrWhiteSpace(id))
            {
                yield return ValidationRules.UniqueOperationIds.At(operation.Pointer, "the operation has no operationId; add a unique PascalCase verb phrase.", operation);
            }
            else if (firstById.TryGetValue(id, out var first))
            {
                yield return ValidationRules.UniqueOperationIds.At(JsonPointers.Append(operation.Pointer, "operationId"),
                    $"operationId `{id}` is also used by {first.Method} {first.Path}; operationIds must be unique.", operation);
            }
            else
            {
                firstById[id] = operation;
            }

            // SENTRY002: the one tag names the generated client class (IssuesClient).
            var tags = operation.Node["tags"] as JsonArray;
            var tagsPointer = JsonPointers.Append(operation.Pointer, "tags");
            if (tags is null || tags.Count != 1)
            {
                yield return ValidationRules.OneDeclaredTag.At(tags is null ? operation.Pointer : tagsPointer,
                    $"the operation has {tags?.Count ?? 0} tags; give it exactly one (its resource).", operation);
            }

            foreach (var (tag, index) in (tags ?? []).Select((t, i) => (t?.GetValueKind() == System.Text.Json.JsonValueKind.String ? t.GetValue<string>() : null, i)))
            {
                if (tag is null || !declaredTags.Contains(tag))
                {
                    yield return ValidationRules.OneDeclaredTag.At(JsonPointers.Append(tagsPointer, index),
                        $"tag `{tag}` is not declared in the top-level tags; declare it in spec/openapi.yaml or use a declared one.", operation);
                }
            }

            // SENTRY003
            if (string.IsNullOrWhiteSpace(BundleDocument.StringOf(operation.Node, "summary")))
            {
                yield return ValidationRules.Summary.At(operation.Pointer, "the operation has no summary; add a short sentence-case one.", operation);
            }

            // SENTRY004
            if (!bundle.ResponsesOf(operation).Any(r => BundleDocument.IsSuccess(r.Status)))
            {
                var responses = operation.Node["responses"] is null ? operation.Pointer : JsonPointers.Append(operation.Pointer, "responses");
                yield return ValidationRules.SuccessResponse.At(responses, "the operation has no 2xx response; document what Sentry returns on success.", operation);
            }
        }
    }
}
