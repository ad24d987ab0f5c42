using Newtonsoft.Json.Linq;
using Sentry.OpenApi.Serialization;
using Sentry.OpenApi.Tests.Spec;

namespace Sentry.OpenApi.Tests.Serialization;

/// <summary>Values whose JSON shape varies are typed: ids as numbers or strings, schedules, event entries by kind.</summary>
public sealed class TypedUnionsTests
{
    private static readonly Newtonsoft.Json.JsonSerializer Serializer = SentryJson.CreateSerializer();

    private static T Read<T>(string json) => JToken.Parse(json).ToObject<T>(Serializer)!;

    private static string Write(object value) => JToken.FromObject(value, Serializer).ToString(Newtonsoft.Json.Formatting.None);

    [Test]
    public void The_reference_pages_full_event_gives_typed_exception_frames_without_touching_json()
    {
        var hashes = BundledSpecJson.Example("IssueHashesJavaScript").ToObject<List<IssueHash>>(Serializer)!;
        var exception = hashes.Select(h => h.LatestEvent).OfType<Event>().SelectMany(e => e.Entries).OfType<EventEntryException>().First();

        var value = exception.Data!.Values!.First();
        var frame = value.Stacktrace!.Frames!.Last();

        Assert.That(exception.Type, Is.EqualTo(EventEntryTypeValues.Exception));
        Assert.That((value.Type, value.Value), Is.Not.EqualTo(((string?)null, (string?)null)), "the exception's type and message");
        Assert.That(frame.Filename ?? frame.AbsPath, Is.Not.Null.And.Not.Empty, "the top frame's file");
        Assert.That(frame.LineNo, Is.Positive, "the top frame's line");
    }

    [TestCase("""{"id":140392154248000,"name":"MainThread"}""", true, "140392154248000")]
    [TestCase("""{"id":"main","name":"main"}""", false, "main")]
    [TestCase("""{"id":"259"}""", false, "259")]
    public void A_thread_id_is_read_as_a_number_or_a_string_and_written_back_as_it_came(string json, bool isNumber, string text)
    {
        var thread = Read<EventThread>(json);

        Assert.That((thread.Id!.Value.IsNumber, thread.Id.Value.Value), Is.EqualTo((isNumber, text)), "EventThread.id");
        Assert.That(JToken.DeepEquals(JToken.Parse(Write(thread)), JToken.Parse(json)), Is.True, $"EventThread.id written back: {Write(thread)}");
    }

    [Test]
    public void Ids_that_differ_only_in_shape_are_equal_and_a_numeric_one_gives_its_number()
    {
        SentryId number = 259L;
        SentryId text = "259";

        Assert.That(number, Is.EqualTo(text));
        Assert.That(text.TryGetNumber(out var value) && value == 259, Is.True);
        Assert.That(((SentryId)"main").TryGetNumber(out _), Is.False);
    }

    [TestCase("""{"schedule_type":"crontab","schedule":"0 3 * * *"}""")]
    [TestCase("""{"schedule_type":"interval","schedule":[30,"minute"]}""")]
    [TestCase("""{"schedule":{"type":"crontab","value":"@daily"}}""")]
    public void A_monitor_schedule_of_any_shape_round_trips(string json)
    {
        var config = Read<MonitorConfig>(json);

        Assert.That(JToken.DeepEquals(JToken.Parse(Write(config)), JToken.Parse(json)), Is.True, $"MonitorConfig.schedule written back: {Write(config)}");
    }

    [Test]
    public void A_schedule_tells_its_kind()
    {
        var cron = Read<MonitorConfig>("""{"schedule":"0 3 * * *"}""").Schedule;
        var interval = Read<MonitorConfig>("""{"schedule":[30,"minute"]}""").Schedule;

        Assert.That((cron.IsCrontab, cron.Crontab), Is.EqualTo((true, "0 3 * * *")));
        Assert.That((interval.IsInterval, interval.IntervalCount, interval.IntervalUnit), Is.EqualTo((true, (int?)30, "minute")));
        Assert.That(Write(new MonitorConfigInput { Schedule = MonitorSchedule.Every(2, "hour") }), Does.Contain("""[2,"hour"]"""));
    }

    [TestCase("""{"schedule_type":1,"schedule":"0 3 * * *"}""", 1L, true)]
    [TestCase("""{"schedule_type":"interval","schedule":[30,"minute"]}""", "interval", false)]
    public void A_check_ins_config_snapshot_reads_either_schedule_type_form_and_a_typed_schedule(string json, object scheduleType, bool crontab)
    {
        var snapshot = Read<MonitorCheckInConfig>(json);

        Assert.That(snapshot.ScheduleType, Is.EqualTo(scheduleType), "MonitorCheckIn.monitorConfig.schedule_type, as sent");
        Assert.That(JToken.DeepEquals(JToken.Parse(Write(snapshot)), JToken.Parse(json)), Is.True, $"MonitorCheckIn.monitorConfig written back: {Write(snapshot)}");
        Assert.That(snapshot.Schedule?.IsCrontab, Is.EqualTo(crontab), "MonitorCheckIn.monitorConfig.schedule");
    }

    [Test]
    public void An_entry_made_in_code_is_written_with_its_kind()
    {
        var entry = new EventEntryMessage { Data = new EventEntryMessageData { Formatted = "hello" } };

        Assert.That(JToken.Parse(Write(entry))["type"]?.ToString(), Is.EqualTo("message"));
    }
}
