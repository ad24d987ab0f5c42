using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Sentry.OpenApi.Serialization;

/// <summary>
/// Reads and writes the spec's discriminated unions (e.g. <c>EventEntry</c> by <c>type</c>) without losing
/// anything: a known kind becomes its class (see <see cref="SentryUnionCaseAttribute"/>); an unknown kind
/// (Sentry adds entry kinds over time) becomes the base type with its <c>type</c> and <c>data</c> kept, and is
/// written back exactly. The cases of each base type are looked up once.
/// </summary>
internal sealed class LosslessUnionConverter : DefaultWritingConverter
{
    private static readonly ConcurrentDictionary<Type, UnionCases> Cache = new();
    private readonly string _discriminator;

    /// <summary>Creates the converter for a union discriminated by <paramref name="discriminator"/>.</summary>
    public LosslessUnionConverter(string discriminator)
    {
        _discriminator = discriminator;
    }

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => true;

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        // Sentry writes the discriminator first: the entry is then read straight into its class. Buffering every
        // entry in a JObject first cost as much again as the event itself (bench/README.md); that stays the way
        // for an entry whose discriminator comes later, or for a reader not at an object.
        if (reader.TokenType == JsonToken.StartObject && reader.Read())
        {
            SkipComments(reader);
            if (reader.TokenType == JsonToken.PropertyName && (string?)reader.Value == _discriminator && reader.Read())
            {
                SkipComments(reader);
                // A kind is text; anything else (a number, null, an object...) makes the base type, kept as it came.
                var key = reader.TokenType == JsonToken.String ? (string?)reader.Value : null;
                var discriminatorValue = reader.TokenType is JsonToken.StartObject or JsonToken.StartArray ? JToken.ReadFrom(reader) : reader.Value;
                var streamed = Create(TypeOf(objectType, key), key);
                SetDiscriminator(streamed, key, discriminatorValue, serializer);
                serializer.Populate(new ResumedObjectReader(reader), streamed);
                return streamed;
            }

            return Buffered(ReadRest(reader), objectType, serializer);
        }

        return Buffered(JObject.Load(reader), objectType, serializer);
    }

    // Where Populate would have put it: a kind into the declared discriminator property (EventEntry.Type), anything
    // else (or a union whose base declares none) into AdditionalProperties.
    private void SetDiscriminator(object value, string? key, object? discriminatorValue, JsonSerializer serializer)
    {
        var contract = (JsonObjectContract)serializer.ContractResolver.ResolveContract(value.GetType());
        var property = contract.Properties.GetProperty(_discriminator, StringComparison.Ordinal);
        if (key is not null && property is { Ignored: false, Writable: true, ValueProvider: { } provider } && property.PropertyType == typeof(string))
        {
            provider.SetValue(value, key);
        }
        else
        {
            contract.ExtensionDataSetter?.Invoke(value, _discriminator, discriminatorValue);
        }
    }

    private static void SkipComments(JsonReader reader)
    {
        while (reader.TokenType == JsonToken.Comment && reader.Read())
        {
        }
    }

    // The rest of an object whose StartObject was read, from its first property on (or its end).
    private static JObject ReadRest(JsonReader reader)
    {
        var json = new JObject();
        while (reader.TokenType != JsonToken.EndObject)
        {
            if (reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                if (!reader.Read())
                {
                    break;
                }

                SkipComments(reader);
                json[name] = JToken.ReadFrom(reader);
            }
            else if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonSerializationException($"Unexpected token {reader.TokenType} in an object at path '{reader.Path}'.");
            }

            if (!reader.Read())
            {
                throw new JsonSerializationException($"The JSON ended inside an object at path '{reader.Path}'.");
            }
        }

        return json;
    }

    private object Buffered(JObject json, Type objectType, JsonSerializer serializer)
    {
        var key = json.TryGetValue(_discriminator, StringComparison.Ordinal, out var token) && token.Type == JTokenType.String ? (string?)token : null;
        var value = Create(TypeOf(objectType, key), key);

        // Populate sets the declared discriminator property (or keeps an undeclared one in AdditionalProperties).
        using var jsonReader = json.CreateReader();
        serializer.Populate(jsonReader, value);
        return value;
    }

    private static Type TypeOf(Type objectType, string? key) =>
        key is not null && CasesOf(objectType).ByKey.TryGetValue(key, out var known) ? known : objectType;

    private object Create(Type type, string? key) => Activator.CreateInstance(type)
        ?? throw new JsonSerializationException($"Cannot create {type.FullName} for {_discriminator} '{key}'.");

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        var json = DefaultJson(value, serializer);
        // A case made in code (new EventEntryException { ... }) has no kind set yet: its class says it.
        var written = json.Property(_discriminator, StringComparison.Ordinal);
        if ((written is null || written.Value.Type == JTokenType.Null) && KeyOf(value.GetType()) is { } key)
        {
            written?.Remove();
            json.AddFirst(new JProperty(_discriminator, key));
        }

        json.WriteTo(writer);
    }

    private static string? KeyOf(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (CasesOf(current).ByType.TryGetValue(type, out var key))
            {
                return key;
            }
        }

        return null;
    }

    private static UnionCases CasesOf(Type baseType) => Cache.GetOrAdd(baseType, static type =>
    {
        var cases = type.GetCustomAttributes<SentryUnionCaseAttribute>(inherit: false).ToList();
        return new UnionCases(
            cases.GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal),
            cases.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.First().Key));
    });

    private sealed record UnionCases(Dictionary<string, Type> ByKey, Dictionary<Type, string> ByType);
}
