using Newtonsoft.Json;

namespace Sentry.OpenApi.Serialization;

/// <summary>
/// Reads the rest of an object whose first properties were already read from <c>inner</c>: it starts with a
/// <see cref="JsonToken.StartObject"/> of its own, then passes every token of <c>inner</c> on up to the object's end,
/// so <see cref="JsonSerializer.Populate(JsonReader, object)"/> can fill an instance straight from the response
/// (<see cref="LosslessUnionConverter"/>). Path, depth and line info are the inner reader's, so errors name the
/// place in the whole body; the typed reads are the inner reader's own, so values convert as without it.
/// </summary>
internal sealed class ResumedObjectReader : JsonReader, IJsonLineInfo
{
    private readonly JsonReader _inner;
    private bool _started;

    public ResumedObjectReader(JsonReader inner)
    {
        _inner = inner;
        CloseInput = false;
    }

    public override string Path => _inner.Path;

    public override int Depth => _inner.Depth;

    int IJsonLineInfo.LineNumber => (_inner as IJsonLineInfo)?.LineNumber ?? 0;

    int IJsonLineInfo.LinePosition => (_inner as IJsonLineInfo)?.LinePosition ?? 0;

    bool IJsonLineInfo.HasLineInfo() => _inner is IJsonLineInfo info && info.HasLineInfo();

    public override bool Read()
    {
        if (!_started)
        {
            _started = true;
            SetToken(JsonToken.StartObject);
            return true;
        }

        return Mirror(_inner.Read());
    }

    public override string? ReadAsString() => Mirror(_inner.ReadAsString());

    public override int? ReadAsInt32() => Mirror(_inner.ReadAsInt32());

    public override decimal? ReadAsDecimal() => Mirror(_inner.ReadAsDecimal());

    public override double? ReadAsDouble() => Mirror(_inner.ReadAsDouble());

    public override bool? ReadAsBoolean() => Mirror(_inner.ReadAsBoolean());

    public override DateTime? ReadAsDateTime() => Mirror(_inner.ReadAsDateTime());

    public override DateTimeOffset? ReadAsDateTimeOffset() => Mirror(_inner.ReadAsDateTimeOffset());

    public override byte[]? ReadAsBytes() => Mirror(_inner.ReadAsBytes());

    private T Mirror<T>(T result)
    {
        SetToken(_inner.TokenType, _inner.Value, updateIndex: false);
        return result;
    }
}
