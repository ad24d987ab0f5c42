using Sentry.OpenApi.ContractTests.Infrastructure;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>How recorded mappings are found, matched to operations and prepared for replay.</summary>
[Category("Replay")]
public sealed class RecordingTests
{
    private TemporaryDirectory _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = new TemporaryDirectory();

    [TearDown]
    public void RemoveFolder() => _dir.Dispose();

    private List<Recording> Load() => Recording.In([_dir.Path], ContractCases.All).ToList();

    [Test]
    public void A_file_of_several_mappings_gives_one_recording_each_matched_by_path_template()
    {
        _dir.Write("many.json", """
            {"mappings": [
              {"request": {"method": "GET", "url": "/api/0/organizations/acme/issues/?query=is%3Aunresolved&project=1&project=2"}, "response": {"status": 200, "body": "[]"}},
              {"request": {"method": "PUT", "urlPath": "/api/0/organizations/acme/issues/42/"}, "response": {"status": 200, "jsonBody": {"id": "42", "title": "t"}}}
            ]}
            """);

        var recordings = Load();

        Assert.That(recordings.Select(r => r.Operation?.OperationId), Is.EqualTo(new[] { "ListOrganizationIssues", "UpdateIssue" }));
        Assert.That(recordings[0].PathParameters()["organization_slug"], Is.EqualTo("acme"));
        Assert.That(recordings[0].QueryParameters()["project"], Is.EqualTo(new[] { "1", "2" }));
        Assert.That(recordings[0].QueryParameters()["query"].Single(), Is.EqualTo("is:unresolved"));
        Assert.That(recordings[1].PathParameters()["issue_id"], Is.EqualTo("42"));
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
}
