using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Serialization;

/// <summary>
/// Reads and writes the spec's discriminated unions (e.g. <c>EventEntry</c> by <c>type</c>) without
/// losing anything. NSwag's own JsonInheritanceConverter drops the discriminator of a kind it does
/// not know and writes the C# class name back instead; Sentry adds entry kinds over time, so here an
/// unknown kind becomes the base type with its <c>type</c> and <c>data</c> kept in
/// <c>AdditionalProperties</c>, and is written back exactly.
/// </summary>
internal sealed class LosslessInheritanceConverter(string discriminator) : DefaultWritingConverter
{
    public override bool CanConvert(Type objectType) => true;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        var json = JObject.Load(reader);
        var key = json.GetValue(discriminator, StringComparison.Ordinal)?.Type == JTokenType.String ? (string?)json[discriminator] : null;
        var type = Subtypes(objectType).FirstOrDefault(s => s.Key == key).Type ?? objectType;
        var value = Activator.CreateInstance(type)
            ?? throw new JsonSerializationException($"Cannot create {type.FullName} for {discriminator} '{key}'.");

        // The discriminator is no declared property, so it lands in AdditionalProperties and survives.
        using var jsonReader = json.CreateReader();
        serializer.Populate(jsonReader, value);
        return value;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        var json = DefaultJson(value, serializer);
        if (json.Property(discriminator, StringComparison.Ordinal) is null && KeyOf(value.GetType()) is { } key)
        {
            json.AddFirst(new JProperty(discriminator, key));
        }

        json.WriteTo(writer);
    }

    private static string? KeyOf(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            var match = Subtypes(current).FirstOrDefault(s => s.Type == type);
            if (match.Key is not null)
            {
                return match.Key;
            }
        }

        return null;
    }

    // NSwag marks the base type with [JsonInheritance("key", typeof(Subtype))] attributes (an internal generated class).
    private static IEnumerable<(string? Key, Type? Type)> Subtypes(Type baseType) =>
        baseType.GetCustomAttributes(inherit: false)
            .Where(a => a.GetType().Name == "JsonInheritanceAttribute")
            .Select(a => ((string?)a.GetType().GetProperty("Key")?.GetValue(a), (Type?)a.GetType().GetProperty("Type")?.GetValue(a)));
}
