using Sentry.OpenApi.ContractTests.Contract;
using Sentry.OpenApi.ContractTests.WireMock;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>
/// Replays recorded Sentry responses (mappings in tests/recordings/ and in the folder named by
/// SENTRY_OPENAPI_RECORDINGS, in WireMock.Net's or Java WireMock's format) through the generated
/// client: each must round-trip losslessly; over the shipped recordings, enough fields must land on
/// typed properties.
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class ReplayTests : WireMockTest
{
    /// <summary>The share of recorded JSON fields that must land on typed properties (not AdditionalProperties).</summary>
    public const double MinimumTypedFieldShare = 0.95;

    public static string ShippedRecordings => Path.Combine(RepositoryPaths.Root, "tests", "recordings");

    public static IEnumerable<string> Folders()
    {
        yield return ShippedRecordings;
        if (Environment.GetEnvironmentVariable("SENTRY_OPENAPI_RECORDINGS") is { Length: > 0 } extra)
        {
            yield return Path.GetFullPath(extra);
        }
    }

    public static IEnumerable<TestCaseData> Recordings() =>
        Recording.In(Folders(), SpecContract.Current).Select(r => new TestCaseData(r).SetName(r.Name));

    [TestCaseSource(nameof(Recordings))]
    public async Task Recorded_response_round_trips_through_the_client(Recording recording)
    {
        using var client = CreateClient();

        var result = await Replayer.ReplayAsync(Server, client, recording);

        TestContext.Out.WriteLine($"{recording.Name}: typed fields: {result.Typed}/{result.Total}");
        Assert.That(result.Failures, Is.Empty);
    }

    [Test]
    public async Task A_recording_without_a_required_query_parameter_replays_with_the_spec_example_on_the_wire()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("events.json", """
            {"request": {"method": "GET", "url": "/api/0/organizations/acme/events/?query=level%3Aerror"},
             "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "jsonBody": {"data": [{"title": "TypeError", "count()": 3}], "meta": {"fields": {"title": "string", "count()": "integer"}}}}}
            """);
        var recording = Recording.In([dir.Path], SpecContract.Current).Single();
        using var client = CreateClient();

        var result = await Replayer.ReplayAsync(Server, client, recording);

        Assert.That(recording.Name, Does.EndWith("-> QueryDiscoverEvents (filled from the spec: field)"));
        Assert.That(result.Failures, Is.Empty);
        var sent = Requests.Single();
        Assert.That(sent.Query["field"], Is.EqualTo(SpecContract.Current.Operations.Single(o => o.OperationId == "QueryDiscoverEvents")
            .Parameters.Single(p => p.Name == "field").ExampleText), "the spec's example went on the wire");
        Assert.That(sent.QueryValue("query"), Is.EqualTo("level:error"), "the recorded value went on the wire");
    }

    [Test]
    public async Task Typed_fields_over_the_shipped_recordings_reach_the_minimum_share()
    {
        var recordings = Recording.In([ShippedRecordings], SpecContract.Current).ToList();
        int typed = 0, total = 0, failed = 0;
        foreach (var recording in recordings)
        {
            ResetServer();
            using var client = CreateClient();
            var result = await Replayer.ReplayAsync(Server, client, recording);
            // A recording that does not replay counts with all its fields untyped.
            typed += result.Failures.Count == 0 ? result.Typed : 0;
            total += result.Total;
            failed += result.Failures.Count == 0 ? 0 : 1;
        }

        var share = total == 0 ? 0 : (double)typed / total;
        var line = $"Replay: typed fields: {typed}/{total} ({share:P1}) over {recordings.Count} recordings in tests/recordings/ ({failed} not replaying); minimum {MinimumTypedFieldShare:P0}";
        TestContext.Progress.WriteLine(line);
        TestContext.Out.WriteLine(line);
        Assert.That(share, Is.GreaterThanOrEqualTo(MinimumTypedFieldShare), line);
    }
}
