using Newtonsoft.Json.Linq;
using Sentry.OpenApi.ContractTests.Infrastructure;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>
/// Replays recorded Sentry responses (WireMock mappings in tests/recordings/ and in the folder named by
/// SENTRY_OPENAPI_RECORDINGS) through the generated client: each must round-trip losslessly, and the
/// run reports how many fields landed on typed properties.
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class ReplayTests : WireMockTest
{
    private static int _typed;
    private static int _total;

    public static IEnumerable<string> Folders()
    {
        yield return Path.Combine(RepositoryPaths.Root, "tests", "recordings");
        if (Environment.GetEnvironmentVariable("SENTRY_OPENAPI_RECORDINGS") is { Length: > 0 } extra)
        {
            yield return Path.GetFullPath(extra);
        }
    }

    public static IEnumerable<TestCaseData> Recordings() =>
        Recording.In(Folders(), ContractCases.All).Select(r => new TestCaseData(r).SetName(r.Name));

    [TestCaseSource(nameof(Recordings))]
    public async Task Recorded_response_round_trips_through_the_client(Recording recording)
    {
        Assert.That(recording.Problem, Is.Null, recording.Problem);
        var operation = recording.Operation!;
        await Admin.StubAsync(recording.Stub());
        using var client = CreateClient();
        var arguments = recording.PathParameters().ToDictionary(p => p.Key, p => (JToken)new JValue(p.Value));
        foreach (var (name, values) in recording.QueryParameters())
        {
            arguments[name] = values.Count == 1 ? new JValue(values[0]) : new JArray(values);
        }

        var result = await ClientInvoker.InvokeAsync(client, operation.Tag, operation.OperationId, arguments,
            operation.RequestMediaType, ContractCases.ToToken(operation.RequestBody), CancellationToken.None);

        Assert.That(await Admin.UnmatchedRequestsAsync(), Is.Empty, $"{recording.Name}: the client's request did not match the recording");
        var body = recording.ResponseBody();
        if (body is null)
        {
            return;
        }

        var written = JToken.FromObject(result!, SentryJson.CreateSerializer());
        Assert.That(JsonComparison.Differences(body, written), Is.Empty, $"{recording.Name}: {operation.OperationId} lost or invented fields");
        var (typed, total) = TypedFieldCounter.Count(result, body);
        Interlocked.Add(ref _typed, typed);
        Interlocked.Add(ref _total, total);
        TestContext.Out.WriteLine($"{recording.Name}: typed fields: {typed}/{total}");
    }

    [OneTimeTearDown]
    public void ReportTypedFields() =>
        TestContext.Progress.WriteLine($"Replay: typed fields: {_typed}/{_total}");
}
