using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Testing;

/// <summary>
/// Compares JSON documents the way a lossless round-trip is judged: dates as instants, numbers as
/// decimals, and an explicit <c>null</c> the same as an absent property (the typed model cannot tell
/// them apart, and neither does Sentry). Differences are named by JSON path.
/// </summary>
public static partial class JsonComparison
{
    public static IReadOnlyList<string> Differences(JToken? expected, JToken? actual)
    {
        var differences = new List<string>();
        Compare(Normalize(expected), Normalize(actual), "$", differences);
        return differences;
    }

    private static void Compare(JToken? expected, JToken? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (null, _):
                differences.Add($"{path}: invented {Short(actual)}");
                return;
            case (_, null):
                differences.Add($"{path}: lost {Short(expected)}");
                return;
            case (JObject e, JObject a):
                foreach (var property in e.Properties())
                {
                    Compare(property.Value, a[property.Name], $"{path}.{property.Name}", differences);
                }

                foreach (var property in a.Properties().Where(p => e[p.Name] is null))
                {
                    Compare(null, property.Value, $"{path}.{property.Name}", differences);
                }

                return;
            case (JArray e, JArray a):
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: expected {e.Count} items, got {a.Count}");
                }

                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", differences);
                }

                return;
            default:
                if (!JToken.DeepEquals(expected, actual))
                {
                    differences.Add($"{path}: expected {Short(expected)}, got {Short(actual)}");
                }

                return;
        }
    }

    /// <summary>Drops null-valued properties, turns dates into UTC instants and numbers into decimals.</summary>
    public static JToken? Normalize(JToken? token) => token switch
    {
        null => null,
        JObject obj => new JObject(obj.Properties()
            .Where(p => p.Value.Type != JTokenType.Null)
            .Select(p => new JProperty(p.Name, Normalize(p.Value)))),
        JArray array => new JArray(array.Select(item => Normalize(item) ?? JValue.CreateNull())),
        JValue { Type: JTokenType.Integer or JTokenType.Float } number => new JValue(Convert.ToDecimal(number.Value, CultureInfo.InvariantCulture)),
        JValue { Type: JTokenType.Date } date => new JValue(Instant(date.Value!)),
        JValue { Type: JTokenType.String } text when IsoDate().IsMatch((string)text!) &&
            DateTimeOffset.TryParse((string)text!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            => new JValue(parsed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
        _ => token.DeepClone(),
    };

    private static string Instant(object value) => value switch
    {
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string Short(JToken? token)
    {
        var text = token?.ToString(Newtonsoft.Json.Formatting.None) ?? "nothing";
        return text.Length > 120 ? text[..120] + "…" : text;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoDate();
}
