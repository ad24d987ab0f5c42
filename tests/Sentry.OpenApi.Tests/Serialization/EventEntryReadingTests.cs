using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sentry.OpenApi.Serialization;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Serialization;

/// <summary>
/// Event entries are read straight from the response into their class when <c>type</c> comes first (as Sentry writes
/// it), and through a buffered copy otherwise; both ways give the same objects, and errors name the full JSON path.
/// </summary>
public sealed class EventEntryReadingTests
{
    private static Event Read(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return SentryJson.CreateSerializer().Deserialize<Event>(reader)!;
    }

    [Test]
    public void An_entry_whose_type_comes_after_its_data_still_becomes_its_class()
    {
        var evt = Read("""{"id":"e1","entries":[{"data":{"formatted":"late type"},"type":"message"}]}""");

        var entry = evt.Entries!.Single();
        Assert.That(entry, Is.InstanceOf<EventEntryMessage>(), "the class of type 'message'");
        Assert.That(JsonConvert.SerializeObject(entry, SentryJson.Settings), Does.Contain("late type").And.Contain("\"type\":\"message\""));
    }

    [Test]
    public void An_entry_read_type_first_keeps_the_same_fields_as_one_read_type_last()
    {
        var typeFirst = Read("""{"id":"e1","entries":[{"type":"message","data":{"formatted":"hi"},"extra":[1,{"a":2}]}]}""").Entries!.Single();
        var typeLast = Read("""{"id":"e1","entries":[{"data":{"formatted":"hi"},"extra":[1,{"a":2}],"type":"message"}]}""").Entries!.Single();

        Assert.That(typeFirst.GetType(), Is.EqualTo(typeLast.GetType()));
        Assert.That(new[] { typeFirst.Type, typeLast.Type }, Is.EqualTo(new[] { "message", "message" }), "EventEntry.Type, either way");
        Assert.That(typeFirst.AdditionalProperties.Keys, Is.EquivalentTo(typeLast.AdditionalProperties.Keys), "the unknown fields, either way");
        var expected = JToken.Parse("""{"type":"message","data":{"formatted":"hi"},"extra":[1,{"a":2}]}""");
        Assert.That(JsonComparison.Differences(expected, JToken.FromObject(typeFirst, SentryJson.CreateSerializer())), Is.Empty, "written back, type first");
        Assert.That(JsonComparison.Differences(expected, JToken.FromObject(typeLast, SentryJson.CreateSerializer())), Is.Empty, "written back, type last");
    }

    [Test]
    public void An_entry_whose_type_is_not_text_stays_the_base_type_and_keeps_it()
    {
        var entry = Read("""{"id":"e1","entries":[{"type":5,"data":{"x":1}}]}""").Entries!.Single();

        Assert.That(entry.GetType(), Is.EqualTo(typeof(EventEntry)));
        Assert.That(entry.AdditionalProperties["type"], Is.EqualTo(5L));
        Assert.That(JsonComparison.Differences(JToken.Parse("""{"type":5,"data":{"x":1}}"""), JToken.FromObject(entry, SentryJson.CreateSerializer())), Is.Empty, "written back as it came");
    }

    [Test]
    public void Entries_of_a_streamed_event_follow_one_another_without_losing_the_rest_of_the_event()
    {
        var evt = Read("""{"id":"e1","entries":[{"type":"message","data":{"formatted":"a"}},{"type":"nel","data":{"reason":"dns"}},{"type":"breadcrumbs","data":{"values":[]}}],"title":"after"}""");

        Assert.That(evt.Entries!.Select(e => e.GetType().Name), Is.EqualTo(new[] { nameof(EventEntryMessage), nameof(EventEntry), nameof(EventEntryBreadcrumbs) }));
        Assert.That(evt.Title, Is.EqualTo("after"), "the reader is left after the last entry");
    }

    [Test]
    public void A_bad_value_inside_an_entry_is_reported_at_its_full_JSON_path()
    {
        const string json = """{"id":"e1","entries":[{"type":"message","data":{"formatted":"x"}},{"type":"stacktrace","data":{"frames":[{"lineNo":"twelve"}]}}]}""";
        using var client = TestClients.Create(StubTransport.Json(json));

        var error = Assert.ThrowsAsync<SentryResponseFormatException>(() => client.Events.RetrieveProjectEventAsync("acme", "pump", "e1"));

        Assert.That(error!.JsonPath, Is.EqualTo("entries[1].data.frames[0].lineNo"), $"RetrieveProjectEvent: {error.Message}");
    }
}
