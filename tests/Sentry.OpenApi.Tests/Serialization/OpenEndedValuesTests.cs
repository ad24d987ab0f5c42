using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi.Tests.Serialization;

/// <summary>Sentry adds statuses, levels, platforms and entry kinds; the client must read what it does not know yet.</summary>
public sealed class OpenEndedValuesTests
{
    private static T Read<T>(string json) => JsonConvert.DeserializeObject<T>(json, SentryJson.Configure(new JsonSerializerSettings()))!;

    [Test]
    public void An_unknown_issue_status_level_and_platform_deserialize_as_text()
    {
        var issue = Read<Issue>("""{"id":"1","title":"t","status":"archived_forever","level":"catastrophic","platform":"cobol"}""");

        Assert.That((issue.Status, issue.Level, issue.Platform), Is.EqualTo(("archived_forever", "catastrophic", "cobol")));
    }

    [Test]
    public void Known_values_are_discoverable_as_constants()
    {
        var issue = Read<Issue>("""{"id":"1","title":"t","status":"resolved","level":"fatal"}""");

        Assert.That(issue.Status, Is.EqualTo(IssueStatusValues.Resolved));
        Assert.That(issue.Level, Is.EqualTo(LevelValues.Fatal));
        Assert.That(EventEntryTypeValues.Exception, Is.EqualTo("exception"));
    }

    [Test]
    public void Unknown_fields_are_kept_in_additional_properties()
    {
        var issue = Read<Issue>("""{"id":"1","title":"t","brandNewField":{"nested":[1,2.50]}}""");

        Assert.That(issue.AdditionalProperties["brandNewField"]!.ToString(), Does.Contain("2.50"));
    }

    [Test]
    public void An_unknown_event_entry_kind_keeps_its_type_and_data_when_written_back()
    {
        const string json = """{"id":"e1","entries":[{"type":"nel","data":{"reason":"dns.unreachable","elapsed":1.5}},{"type":"message","data":{"formatted":"hi"}}]}""";
        var serializer = SentryJson.CreateSerializer();

        var evt = JToken.Parse(json).ToObject<Event>(serializer)!;
        var written = JToken.FromObject(evt, serializer);

        Assert.That(evt.Entries!.ElementAt(0).GetType(), Is.EqualTo(typeof(EventEntry)), "unknown kind: the base type");
        Assert.That(evt.Entries!.ElementAt(1), Is.InstanceOf<EventEntryMessage>(), "known kind: its own type");
        Assert.That(JsonComparison.Differences(JToken.Parse(json), written), Is.Empty);
    }

    [Test]
    public void A_known_entry_kind_written_from_scratch_carries_its_discriminator()
    {
        var written = JToken.FromObject(new EventEntryMessage(), SentryJson.CreateSerializer());

        Assert.That((string?)written["type"], Is.EqualTo("message"));
    }
}
