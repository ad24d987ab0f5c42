using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Sentry.OpenApi.Serialization;

/// <summary>
/// Swaps NSwag's JsonInheritanceConverter (declared by attribute on generated base types, so it
/// cannot be replaced through the converters list) for <see cref="LosslessInheritanceConverter"/>.
/// </summary>
internal sealed class SentryContractResolver : DefaultContractResolver
{
    public static SentryContractResolver Instance { get; } = new();

    protected override JsonConverter? ResolveContractConverter(Type objectType)
    {
        var converter = base.ResolveContractConverter(objectType);
        return converter?.GetType().Name == "JsonInheritanceConverter"
            ? new LosslessInheritanceConverter(DiscriminatorOf(converter))
            : converter;
    }

    private static string DiscriminatorOf(JsonConverter converter) =>
        converter.GetType().GetProperty("DiscriminatorName")?.GetValue(converter) as string ?? "discriminator";
}
