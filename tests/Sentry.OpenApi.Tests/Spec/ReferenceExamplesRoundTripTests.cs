using Newtonsoft.Json.Linq;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi.Tests.Spec;

/// <summary>
/// The three full examples of Sentry's reference pages are in the spec verbatim; the generated types
/// must read them and write them back without losing or inventing a field.
/// </summary>
public sealed class ReferenceExamplesRoundTripTests
{
    [TestCase("IssueDetailsPumpStation", typeof(IssueDetails), TestName = "Retrieve an Issue example (002) round-trips through IssueDetails")]
    [TestCase("IssueHashesLegacyPython", typeof(ICollection<IssueHash>), TestName = "Legacy issue hashes example (000) round-trips through IssueHash")]
    [TestCase("IssueHashesJavaScript", typeof(ICollection<IssueHash>), TestName = "Org-scoped issue hashes example (001) round-trips through IssueHash")]
    public void Reference_example_round_trips_losslessly(string example, Type type)
    {
        var json = BundledSpecJson.Example(example);
        var serializer = SentryJson.CreateSerializer();

        var typed = json.ToObject(type, serializer);
        var written = JToken.FromObject(typed!, serializer);

        Assert.That(JsonComparison.Differences(json, written), Is.Empty, $"{example}: fields lost or invented by {type.Name}");
    }

    [Test]
    public void Hash_example_entries_deserialize_into_their_typed_kinds()
    {
        var hashes = BundledSpecJson.Example("IssueHashesJavaScript").ToObject<List<IssueHash>>(SentryJson.CreateSerializer())!;
        var entries = hashes.SelectMany(h => h.LatestEvent?.Entries ?? []).ToList();

        Assert.That(entries.OfType<EventEntryException>(), Is.Not.Empty, "exception entry");
        Assert.That(entries.OfType<EventEntryBreadcrumbs>(), Is.Not.Empty, "breadcrumbs entry");
    }
}
