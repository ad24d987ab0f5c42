namespace Sentry.OpenApi.Serialization;

/// <summary>
/// Names one known case of a discriminated union on its base type: <c>[SentryUnionCase("exception",
/// typeof(EventEntryException))]</c> on <c>EventEntry</c>. Written by the model template from the spec's
/// discriminator mapping; read by <see cref="LosslessUnionConverter"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
internal sealed class SentryUnionCaseAttribute(string key, Type type) : Attribute
{
    /// <summary>The discriminator value, e.g. <c>exception</c>.</summary>
    public string Key { get; } = key;

    /// <summary>The class of that case.</summary>
    public Type Type { get; } = type;
}
