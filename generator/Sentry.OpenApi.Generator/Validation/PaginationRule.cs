using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// SENTRY007: an operation marked <c>x-sentry-pagination: cursor</c> has what the paging helpers use:
/// the <c>cursor</c> query parameter, the <c>Link</c> header on 200, and a 200 JSON body that is an
/// array or an object naming its item list in <c>x-sentry-pagination-items</c>.
/// </summary>
internal static class PaginationRule
{
    private static readonly ValidationRule Rule = ValidationRules.CursorPagination;

    public static IEnumerable<Finding> Check(BundleDocument bundle)
    {
        foreach (var operation in bundle.Operations)
        {
            var pagination = BundleDocument.StringOf(operation.Node, "x-sentry-pagination");
            var itemsProperty = BundleDocument.StringOf(operation.Node, "x-sentry-pagination-items");
            if (pagination is null)
            {
                if (itemsProperty is not null)
                {
                    yield return Rule.At(JsonPointers.Append(operation.Pointer, "x-sentry-pagination-items"),
                        "x-sentry-pagination-items without x-sentry-pagination: cursor; mark the operation paginated or drop it.", operation);
                }

                continue;
            }

            if (pagination != "cursor")
            {
                yield return Rule.At(JsonPointers.Append(operation.Pointer, "x-sentry-pagination"),
                    $"x-sentry-pagination is `{pagination}`; the only kind Sentry has is `cursor`.", operation);
                continue;
            }

            if (!bundle.ParametersOf(operation).Any(p => BundleDocument.StringOf(p.Parameter, "name") == "cursor" && BundleDocument.StringOf(p.Parameter, "in") == "query"))
            {
                yield return Rule.At(operation.Pointer,
                    "a cursor-paginated operation needs the `cursor` query parameter; add `$ref: ../components/parameters/Cursor.yaml`.", operation);
            }

            var ok = bundle.ResponsesOf(operation).FirstOrDefault(r => r.Status == "200");
            if (ok.Response is null)
            {
                yield return Rule.At(operation.Pointer, "a cursor-paginated operation needs a 200 response (the page).", operation);
                continue;
            }

            var headers = ok.Response["headers"] as JsonObject;
            if (headers is null || !headers.Any(h => string.Equals(h.Key, "Link", StringComparison.OrdinalIgnoreCase)))
            {
                yield return Rule.At(ok.Pointer,
                    "the 200 response of a cursor-paginated operation declares the `Link` header; add `headers: {Link: {$ref: ../components/headers/Link.yaml}}`.", operation);
            }

            var mediaPointer = JsonPointers.Append(JsonPointers.Append(ok.Pointer, "content"), "application/json");
            var schemaPointer = JsonPointers.Append(mediaPointer, "schema");
            var (schema, _) = bundle.Resolve(ok.Response["content"]?["application/json"]?["schema"], schemaPointer);
            if (schema is null)
            {
                yield return Rule.At(ok.Pointer, "the 200 response of a cursor-paginated operation needs an application/json schema (the page).", operation);
                continue;
            }

            if (IsArray(schema))
            {
                continue;
            }

            if (itemsProperty is null)
            {
                yield return Rule.At(schemaPointer,
                    "the page is not an array; name the property holding the items with `x-sentry-pagination-items: <property>` on the operation.", operation);
                continue;
            }

            var (property, _) = bundle.Resolve(schema["properties"]?[itemsProperty], schemaPointer);
            if (property is null || !IsArray(property))
            {
                yield return Rule.At(JsonPointers.Append(operation.Pointer, "x-sentry-pagination-items"),
                    $"x-sentry-pagination-items names `{itemsProperty}`, which is not an array property of the 200 response schema.", operation);
            }
        }
    }

    private static bool IsArray(JsonObject schema) => BundleDocument.StringOf(schema, "type") == "array";
}
