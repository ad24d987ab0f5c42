using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;

namespace Sentry.OpenApi.Http;

/// <summary>
/// Appends query parameters to a URL the way Sentry reads them: names and values escaped, <c>null</c>
/// omitted, repeated parameters as <c>id=1&amp;id=2</c>, booleans as <c>true</c>/<c>false</c>, enums by their
/// spec value, instants in ISO 8601.
/// </summary>
internal struct SentryQueryBuilder(StringBuilder url)
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, string>> EnumValues = new();
    private bool _started;

    /// <summary>Appends <c>name=value</c> unless <paramref name="value"/> is null.</summary>
    public void Add(string name, object? value)
    {
        if (value is not null)
        {
            Append(name, Text(value));
        }
    }

    /// <summary>Appends <c>name=item</c> for every item (an exploded array).</summary>
    public void AddEach(string name, IEnumerable? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            if (value is not null)
            {
                Append(name, Text(value));
            }
        }
    }

    private void Append(string name, string value)
    {
        url.Append(_started ? '&' : '?');
        _started = true;
        url.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>The text of one value.</summary>
    internal static string Text(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset instant => instant.ToString("o", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("o", CultureInfo.InvariantCulture),
        Enum member => EnumText(member),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // NSwag names enum members in C# and keeps the spec value in [EnumMember(Value = ...)].
    private static string EnumText(Enum member)
    {
        var values = EnumValues.GetOrAdd(member.GetType(), static type => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => f.Name, f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name, StringComparer.Ordinal));
        var name = member.ToString();
        return values.TryGetValue(name, out var text) ? text : name;
    }
}
