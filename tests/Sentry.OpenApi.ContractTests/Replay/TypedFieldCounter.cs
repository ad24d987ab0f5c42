using System.Collections;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>
/// How many of a body's JSON fields landed on typed properties rather than in <c>AdditionalProperties</c>:
/// a lossless round-trip can still hide a thin schema, and this shows it.
/// </summary>
internal static class TypedFieldCounter
{
    /// <summary>(typed, total): every property of every JSON object counts once.</summary>
    public static (int Typed, int Total) Count(object? typed, JToken body)
    {
        var total = Fields(body);
        var untyped = Untyped(typed, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return (total - untyped, total);
    }

    private static int Fields(JToken? token) => token switch
    {
        JObject obj => obj.Properties().Sum(p => 1 + Fields(p.Value)),
        JArray array => array.Sum(Fields),
        _ => 0,
    };

    private static int Untyped(object? value, HashSet<object> seen)
    {
        if (value is null or string || value.GetType().IsPrimitive || value is decimal or DateTimeOffset or JValue || !seen.Add(value))
        {
            return 0;
        }

        if (value is JToken token)
        {
            return 0; // a typed property holding free-form JSON (declared as such in the schema) is typed
        }

        if (value is IDictionary dictionary)
        {
            return dictionary.Values.Cast<object?>().Sum(v => Untyped(v, seen));
        }

        if (value is IEnumerable items)
        {
            return items.Cast<object?>().Sum(v => Untyped(v, seen));
        }

        var count = 0;
        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var propertyValue = property.GetValue(value);
            if (property.Name == "AdditionalProperties" && propertyValue is IDictionary<string, object> extra)
            {
                count += extra.Sum(e => 1 + Fields(e.Value as JToken ?? (e.Value is null ? null : JToken.FromObject(e.Value))));
            }
            else
            {
                count += Untyped(propertyValue, seen);
            }
        }

        return count;
    }
}
