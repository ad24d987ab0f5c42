using Sentry.OpenApi.ContractTests.Contract;
using Sentry.OpenApi.Generator;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>How recorded mappings (both formats) are found, matched to operations and given their arguments.</summary>
[Category("Replay")]
public sealed class RecordingTests
{
    private TemporaryDirectory _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = new TemporaryDirectory();

    [TearDown]
    public void RemoveFolder() => _dir.Dispose();

    private List<Recording> Load() => Recording.In([_dir.Path], SpecContract.Current).ToList();

    [Test]
    public void A_java_file_of_several_mappings_gives_one_recording_each_matched_by_path_template()
    {
        _dir.Write("many.json", """
            {"mappings": [
              {"request": {"method": "GET", "url": "/api/0/organizations/acme/issues/?query=is%3Aunresolved&project=1&project=2"}, "response": {"status": 200, "body": "[]"}},
              {"request": {"method": "PUT", "urlPath": "/api/0/organizations/acme/issues/42/"}, "response": {"status": 200, "jsonBody": {"id": "42", "title": "t"}}}
            ]}
            """);

        var recordings = Load();

        Assert.That(recordings.Select(r => r.Operation?.OperationId), Is.EqualTo(new[] { "ListOrganizationIssues", "UpdateIssue" }));
        Assert.That(recordings.Select(r => r.Format), Is.All.EqualTo("java"));
        Assert.That(recordings[0].PathParameters()["organization_slug"], Is.EqualTo("acme"));
        Assert.That(recordings[0].RecordedQuery["project"], Is.EqualTo(new[] { "1", "2" }));
        Assert.That(recordings[0].RecordedQuery["query"].Single(), Is.EqualTo("is:unresolved"));
        Assert.That(recordings[1].PathParameters()["issue_id"], Is.EqualTo("42"));
        Assert.That((string?)recordings[1].ResponseBody()!["id"], Is.EqualTo("42"));
    }

    [Test]
    public void A_wiremock_net_mapping_as_the_recorder_saves_it_is_read_with_its_query_and_body()
    {
        _dir.Write(Path.Combine("mappings", "001-GET_api_0_organizations_acme_issues_.json"), """
            {
              "Guid": "f0e002f7-4f4b-413a-8e0d-17408c8708a9",
              "Title": "Proxy Mapping for GET /api/0/organizations/acme/issues/",
              "Request": {
                "Path": { "Matchers": [ { "Name": "WildcardMatcher", "Pattern": "/api/0/organizations/acme/issues/", "IgnoreCase": false } ] },
                "Methods": [ "GET" ],
                "Params": [
                  { "Name": "query", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "is:unresolved, level:error" } ] },
                  { "Name": "project", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "1" }, { "Name": "ExactMatcher", "Pattern": "2" } ] }
                ]
              },
              "Response": { "StatusCode": 200, "BodyAsJson": [ { "id": "1", "title": "t" } ], "Headers": { "Content-Type": "application/json", "X-Sentry-Rate-Limit-Limit": "40" } }
            }
            """);

        var recording = Load().Single();

        Assert.That((recording.Format, recording.Method, recording.Path, recording.Operation?.OperationId),
            Is.EqualTo(("wiremock-net", "GET", "/api/0/organizations/acme/issues/", "ListOrganizationIssues")));
        Assert.That(recording.RecordedQuery["query"], Is.EqualTo(new[] { "is:unresolved, level:error" }));
        Assert.That(recording.RecordedQuery["project"], Is.EqualTo(new[] { "1", "2" }));
        Assert.That((string?)recording.ResponseBody()![0]!["id"], Is.EqualTo("1"));
        Assert.That(recording.Headers["X-Sentry-Rate-Limit-Limit"], Is.EqualTo("40"));
    }

    [Test]
    public void A_file_holding_an_array_of_wiremock_net_mappings_gives_one_recording_each()
    {
        _dir.Write("saved.json", """
            [
              { "Request": { "Path": "/api/0/organizations/acme/", "Methods": [ "GET" ] }, "Response": { "StatusCode": 200, "Body": "{\"id\":\"7\",\"slug\":\"acme\"}" } },
              { "Request": { "Path": "/api/0/organizations/acme/teams/", "Methods": [ "GET" ] }, "Response": { "StatusCode": 200, "BodyAsJson": [] } }
            ]
            """);

        Assert.That(Load().Select(r => (r.Index, r.Operation?.OperationId)), Is.EqualTo(new[] { (0, "RetrieveOrganization"), (1, "ListOrganizationTeams") }));
    }

    [Test]
    public void A_recording_without_a_required_query_parameter_is_filled_from_the_spec_and_says_so()
    {
        _dir.Write("stats.json", """{"request": {"method": "GET", "url": "/api/0/organizations/acme/stats_v2/?interval=1d"}, "response": {"status": 200, "jsonBody": {}}}""");

        var recording = Load().Single();

        Assert.That(recording.Problem, Is.Null);
        Assert.That(recording.FilledFromSpec, Is.EquivalentTo(new[] { "field", "groupBy" }));
        Assert.That(recording.Arguments["field"].ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""["sum(quantity)"]"""), "the parameter's example in the spec");
        Assert.That(recording.Arguments["interval"].ToString(), Is.EqualTo("1d"), "recorded values are kept");
        Assert.That(recording.Name, Does.EndWith("-> RetrieveOrganizationStatsV2 (filled from the spec: field, groupBy)"));
    }

    [Test]
    public void A_recording_with_every_required_value_names_no_filled_parameter()
    {
        _dir.Write("debug.json", """{"request": {"method": "GET", "url": "/api/0/projects/acme/web/events/abc/source-map-debug/?frame_idx=3&exception_idx=1"}, "response": {"status": 200, "jsonBody": {}}}""");

        var recording = Load().Single();

        Assert.That(recording.FilledFromSpec, Is.Empty);
        Assert.That(recording.Name, Does.EndWith("-> RetrieveEventSourceMapDebug"));
        Assert.That(recording.Arguments["frame_idx"].ToString(), Is.EqualTo("3"));
    }

    [Test]
    public void A_mapping_that_matches_no_operation_says_so()
    {
        _dir.Write("unknown.json", """{"request": {"method": "GET", "url": "/api/0/not-sentry/"}, "response": {"status": 200}}""");

        var recording = Load().Single();

        Assert.That(recording.Problem, Does.Contain("GET /api/0/not-sentry/ matches no operation of the spec").And.Contain("unknown.json"));
    }

    [Test]
    public void A_body_stored_by_the_recorder_in_files_is_inlined()
    {
        _dir.Write(Path.Combine("__files", "org-body.json"), """{"id":"7","slug":"acme","name":"Acme"}""");
        _dir.Write(Path.Combine("mappings", "org.json"),
            """{"request": {"method": "GET", "url": "/api/0/organizations/acme/"}, "response": {"status": 200, "bodyFileName": "org-body.json"}}""");

        var recording = Load().Single();

        Assert.That((string?)recording.ResponseBody()!["slug"], Is.EqualTo("acme"));
        Assert.That(recording.Operation?.OperationId, Is.EqualTo("RetrieveOrganization"));
    }

    [Test]
    public void A_file_that_is_not_json_is_reported_not_skipped()
    {
        _dir.Write("broken.json", "{ not json");

        Assert.That(Load().Single().Problem, Does.Contain("broken.json: not JSON"));
    }

    [TestCase("wiremock-net")]
    [TestCase("java")]
    public async Task The_mocks_output_in_either_format_reads_as_one_recording_per_contract_case(string format)
    {
        var dir = Path.Combine(_dir.Path, format);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(["mocks", "--spec", RepositoryPaths.BundledSpec, "--out", dir, "--format", format], output, error);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());

        var recordings = Recording.In([dir], SpecContract.Current).ToList();

        Assert.That(recordings.Where(r => r.Problem is not null).Select(r => r.Problem), Is.Empty);
        Assert.That(recordings.Select(r => r.Format), Is.All.EqualTo(format));
        using (Assert.EnterMultipleScope())
        {
            foreach (var recording in recordings)
            {
                // The file is <OperationId>--<example>.json. An example path that another operation's more specific
                // template also matches (event_id "latest") is that operation's, as on a real server.
                var written = Path.GetFileName(recording.File).Split("--")[0];
                var candidates = SpecContract.Current.Operations.Where(o => o.Matches(recording.Method, recording.Path)).ToList();
                var expected = candidates.Count == 1 ? written : candidates.MaxBy(o => o.LiteralSegments)!.OperationId;
                Assert.That(recording.Operation!.OperationId, Is.EqualTo(expected), recording.Name);
            }
        }

        Assert.That(recordings, Has.Count.EqualTo(ContractCase.All.Count));
    }
}
