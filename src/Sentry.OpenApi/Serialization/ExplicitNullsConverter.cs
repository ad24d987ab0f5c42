using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Serialization;

/// <summary>Writes an <see cref="ISentryExplicitNulls"/> body as usual, plus <c>"name": null</c> for each explicit null.</summary>
internal sealed class ExplicitNullsConverter : DefaultWritingConverter
{
    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => typeof(ISentryExplicitNulls).IsAssignableFrom(objectType);

    public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("Explicit nulls apply to request bodies, which are only written.");

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not ISentryExplicitNulls body)
        {
            writer.WriteNull();
            return;
        }

        var json = DefaultJson(value, serializer);
        foreach (var name in body.ExplicitNulls)
        {
            json[name] = JValue.CreateNull();
        }

        json.WriteTo(writer);
    }
}
