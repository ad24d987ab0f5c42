using Newtonsoft.Json.Linq;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>
/// What a compiled call's typed result must reproduce of a response body: the body itself, or for a paginated
/// operation the page's items, which are the body (an array) or, for an object page, its items property
/// (<c>x-sentry-pagination-items</c>). The other fields of an object page are not carried by <c>SentryPage&lt;T&gt;</c>.
/// </summary>
internal static class TypedResult
{
    /// <summary>The JSON the result must equal, and the names of the body's fields the result does not carry.</summary>
    public static (JToken? Expected, IReadOnlyList<string> NotCarried) Expected(SpecOperationContract operation, JToken? body)
    {
        if (!operation.IsPaginated || operation.PageItems is null || body is not JObject envelope)
        {
            return (body, []);
        }

        return (envelope[operation.PageItems], envelope.Properties().Select(p => p.Name).Where(n => n != operation.PageItems).ToList());
    }

    /// <summary>Where <paramref name="result"/>, written back as JSON, differs from what it must reproduce of <paramref name="body"/>.</summary>
    public static IReadOnlyList<string> Differences(SpecOperationContract operation, JToken body, object result) =>
        JsonComparison.Differences(Expected(operation, body).Expected, JToken.FromObject(result, SentryJson.CreateSerializer()));
}
