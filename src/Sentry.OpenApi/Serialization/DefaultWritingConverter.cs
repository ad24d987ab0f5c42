using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Serialization;

/// <summary>
/// A converter that writes a value the serializer's default way and then adjusts the JSON. Newtonsoft
/// asks <see cref="CanWrite"/> before each value; while one value is being written the default way,
/// the converter steps aside once, so it does not recurse into itself.
/// </summary>
internal abstract class DefaultWritingConverter : JsonConverter
{
    [ThreadStatic]
    private static bool _writingDefault;

    public override bool CanWrite
    {
        get
        {
            if (_writingDefault)
            {
                _writingDefault = false;
                return false;
            }

            return true;
        }
    }

    /// <summary>The value as the serializer writes it without this converter.</summary>
    protected static JObject DefaultJson(object value, JsonSerializer serializer)
    {
        _writingDefault = true;
        try
        {
            return JObject.FromObject(value, serializer);
        }
        finally
        {
            _writingDefault = false;
        }
    }
}
