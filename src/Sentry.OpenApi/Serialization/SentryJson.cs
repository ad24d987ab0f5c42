using Newtonsoft.Json;

namespace Sentry.OpenApi.Serialization;

/// <summary>The JSON settings of every generated client, for reading and writing Sentry's JSON the same way.</summary>
public static class SentryJson
{
    /// <summary>The shared settings the clients use (do not change them; make your own with <see cref="Configure"/>).</summary>
    internal static JsonSerializerSettings Settings { get; } = Configure(new JsonSerializerSettings());

    /// <summary>Applies Sentry.OpenApi's serializer settings to <paramref name="settings"/>.</summary>
    /// <remarks>
    /// <see cref="DateParseHandling.None"/> keeps untyped values and extra fields (which land in
    /// <c>AdditionalProperties</c>) as the exact text Sentry sent instead of re-formatted dates;
    /// decimals keep untyped numbers exact; a body must be one JSON value (no trailing content).
    /// </remarks>
    public static JsonSerializerSettings Configure(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Decimal;
        settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
        settings.TypeNameHandling = TypeNameHandling.None;
        settings.CheckAdditionalContent = true;
        return settings;
    }

    /// <summary>A serializer with the same settings as the generated clients.</summary>
    public static JsonSerializer CreateSerializer() => JsonSerializer.Create(Configure(new JsonSerializerSettings()));
}
