using System.Globalization;
using Newtonsoft.Json;

namespace Sentry.OpenApi;

/// <summary>
/// An identifier that Sentry sends as a JSON number (<c>259</c>) or as a string (<c>"259"</c>, <c>"main"</c>),
/// depending on the SDK that reported it (thread ids, distribution ids). It reads either shape and writes back
/// the one it read, so nothing is lost; compare and print it through <see cref="Value"/>.
/// </summary>
[JsonConverter(typeof(SentryIdConverter))]
public readonly struct SentryId : IEquatable<SentryId>
{
    private readonly string? _value;

    private SentryId(string value, bool isNumber)
    {
        _value = value;
        IsNumber = isNumber;
    }

    /// <summary>The identifier as text (a number's decimal digits).</summary>
    public string Value => _value ?? "";

    /// <summary>Whether Sentry sent it as a JSON number.</summary>
    public bool IsNumber { get; }

    /// <summary>An identifier sent as a string.</summary>
    public static SentryId FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), isNumber: false);

    /// <summary>An identifier sent as a number.</summary>
    public static SentryId FromNumber(long value) => new(value.ToString(CultureInfo.InvariantCulture), isNumber: true);

    /// <summary>An identifier sent as a string.</summary>
    public static implicit operator SentryId(string value) => FromString(value);

    /// <summary>An identifier sent as a number.</summary>
    public static implicit operator SentryId(long value) => FromNumber(value);

    /// <summary>Equal when the text is equal (<c>259</c> and <c>"259"</c> name the same thing).</summary>
    public static bool operator ==(SentryId left, SentryId right) => left.Equals(right);

    /// <summary>Not equal when the text differs.</summary>
    public static bool operator !=(SentryId left, SentryId right) => !left.Equals(right);

    /// <summary>The number, when the identifier is one (sent as a number or as numeric text).</summary>
    public bool TryGetNumber(out long number) => long.TryParse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out number);

    /// <inheritdoc />
    public bool Equals(SentryId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SentryId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    // Also serves SentryId? properties: Newtonsoft asks the underlying type's converter and passes the null token here.
    private sealed class SentryIdConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(SentryId) || objectType == typeof(SentryId?);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            reader.TokenType switch
            {
                JsonToken.Null when objectType == typeof(SentryId?) => (object?)null,
                JsonToken.Integer => new SentryId(Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!, isNumber: true),
                JsonToken.String => new SentryId((string)reader.Value!, isNumber: false),
                _ => throw new JsonSerializationException($"Expected an id (a JSON string or integer) at '{reader.Path}', found {reader.TokenType}."),
            };

        public override void WriteJson(JsonWriter writer, object? boxed, JsonSerializer serializer)
        {
            if (boxed is not SentryId value)
            {
                writer.WriteNull();
            }
            else if (value.IsNumber && long.TryParse(value.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                writer.WriteValue(number);
            }
            else
            {
                writer.WriteValue(value.Value);
            }
        }
    }
}
