using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi;

/// <summary>
/// When a cron monitor's job runs: a crontab expression (<c>"0 3 * * *"</c>, schedule type <c>crontab</c>) or an
/// interval (<c>[30, "minute"]</c>, schedule type <c>interval</c>). On the wire it is a JSON string or a
/// two-element array; a shape this version does not know is kept as it came and written back unchanged.
/// </summary>
[JsonConverter(typeof(MonitorScheduleConverter))]
public sealed class MonitorSchedule
{
    private MonitorSchedule(string? crontab, int? count, string? unit, JToken? other)
    {
        Crontab = crontab;
        IntervalCount = count;
        IntervalUnit = unit;
        Other = other;
    }

    /// <summary>The crontab expression, for a <c>crontab</c> schedule.</summary>
    public string? Crontab { get; }

    /// <summary>How many <see cref="IntervalUnit"/>s between runs, for an <c>interval</c> schedule.</summary>
    public int? IntervalCount { get; }

    /// <summary>The interval's unit (<c>minute</c>, <c>hour</c>, <c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>), for an <c>interval</c> schedule.</summary>
    public string? IntervalUnit { get; }

    /// <summary>A schedule of a shape this version does not know, exactly as Sentry sent it.</summary>
    public JToken? Other { get; }

    /// <summary>Whether this is a crontab schedule.</summary>
    public bool IsCrontab => Crontab is not null;

    /// <summary>Whether this is an interval schedule.</summary>
    public bool IsInterval => IntervalCount is not null;

    /// <summary>A crontab schedule, e.g. <c>MonitorSchedule.Cron("0 3 * * *")</c>.</summary>
    public static MonitorSchedule Cron(string expression)
    {
        ArgumentException.ThrowIfNullOrEmpty(expression);
        return new MonitorSchedule(expression, null, null, null);
    }

    /// <summary>An interval schedule, e.g. <c>MonitorSchedule.Every(30, "minute")</c>.</summary>
    public static MonitorSchedule Every(int count, string unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentException.ThrowIfNullOrEmpty(unit);
        return new MonitorSchedule(null, count, unit, null);
    }

    /// <inheritdoc />
    public override string ToString() => Crontab ?? (IntervalCount is { } count ? $"every {count} {IntervalUnit}" : Other?.ToString(Formatting.None) ?? "");

    private sealed class MonitorScheduleConverter : JsonConverter<MonitorSchedule>
    {
        public override MonitorSchedule? ReadJson(JsonReader reader, Type objectType, MonitorSchedule? existingValue, bool hasExistingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            return token switch
            {
                { Type: JTokenType.Null } => null,
                JValue { Type: JTokenType.String } text => new MonitorSchedule((string)text!, null, null, null),
                JArray { Count: 2 } pair when pair[0].Type == JTokenType.Integer && pair[1].Type == JTokenType.String
                    && (long)pair[0] is >= int.MinValue and <= int.MaxValue =>
                    new MonitorSchedule(null, (int)pair[0], (string)pair[1]!, null),
                _ => new MonitorSchedule(null, null, null, token),
            };
        }

        public override void WriteJson(JsonWriter writer, MonitorSchedule? value, JsonSerializer serializer)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else if (value.Crontab is { } crontab)
            {
                writer.WriteValue(crontab);
            }
            else if (value.IntervalCount is { } count)
            {
                writer.WriteStartArray();
                writer.WriteValue(count);
                writer.WriteValue(value.IntervalUnit);
                writer.WriteEndArray();
            }
            else
            {
                value.Other!.WriteTo(writer);
            }
        }
    }
}
