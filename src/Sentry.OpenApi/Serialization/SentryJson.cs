using Newtonsoft.Json;

namespace Sentry.OpenApi.Serialization;

/// <summary>
/// The JSON settings of every generated client (wired through nswag.json's
/// <c>jsonSerializerSettingsTransformationMethod</c>).
/// </summary>
public static class SentryJson
{
    /// <summary>Applies Sentry.OpenApi's serializer settings to <paramref name="settings"/>.</summary>
    /// <remarks>
    /// <see cref="DateParseHandling.None"/> keeps untyped values and extra fields (which land in
    /// <c>AdditionalProperties</c>) as the exact text Sentry sent instead of re-formatted dates;
    /// decimals keep untyped numbers exact; the contract resolver keeps unknown union kinds.
    /// </remarks>
    public static JsonSerializerSettings Configure(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Decimal;
        settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
        settings.TypeNameHandling = TypeNameHandling.None;
        settings.ContractResolver = SentryContractResolver.Instance;
        return settings;
    }

    /// <summary>A serializer with the same settings as the generated clients.</summary>
    public static JsonSerializer CreateSerializer() => JsonSerializer.Create(Configure(new JsonSerializerSettings()));
}
