using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Serialization;

/// <summary>
/// Sentry's updates change only the attributes submitted, so a request body must carry exactly the
/// properties the caller set: an unset bool or status sent as false/first value would overwrite data.
/// </summary>
public sealed class PartialUpdateSerializationTests
{
    private const string IssueJson = """{"id":"1","title":"TypeError","status":"resolved"}""";

    [Test]
    public async Task Updating_only_the_status_sends_exactly_the_status()
    {
        var transport = StubTransport.Json(IssueJson);
        using var client = TestClients.Create(transport);

        await client.Issues.UpdateIssueAsync("the-interstellar-jurisdiction", "1", new IssueUpdate { Status = IssueUpdateStatus.Resolved });

        Assert.That(transport.Requests.Single().Body, Is.EqualTo("""{"status":"resolved"}"""));
    }

    [Test]
    public async Task Bookmarking_sends_only_isBookmarked()
    {
        var transport = StubTransport.Json(IssueJson);
        using var client = TestClients.Create(transport);

        await client.Issues.UpdateIssueAsync("the-interstellar-jurisdiction", "1", new IssueUpdate { IsBookmarked = false });

        Assert.That(transport.Requests.Single().Body, Is.EqualTo("""{"isBookmarked":false}"""));
    }

    [Test]
    public async Task Bulk_mutate_repeats_the_id_parameter_for_each_issue()
    {
        var transport = StubTransport.Json("""{"status":"resolved"}""");
        using var client = TestClients.Create(transport);

        await client.Issues.BulkMutateProjectIssuesAsync("the-interstellar-jurisdiction", "pump-station", new IssueUpdate { Status = IssueUpdateStatus.Resolved }, new BulkMutateProjectIssuesOptions { Id = ["123", "456"] });

        var request = transport.Requests.Single();
        Assert.That(request.Request.RequestUri!.Query, Is.EqualTo("?id=123&id=456"));
        Assert.That(request.Body, Is.EqualTo("""{"status":"resolved"}"""));
    }

    [Test]
    public async Task Dates_in_the_query_are_sent_in_iso_8601_with_offset()
    {
        var transport = StubTransport.Json("[]");
        using var client = TestClients.Create(transport);

        await client.Issues.ListOrganizationIssuesAsync("the-interstellar-jurisdiction", new ListOrganizationIssuesOptions { Start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.That(Uri.UnescapeDataString(transport.Requests.Single().Request.RequestUri!.Query), Is.EqualTo("?start=2025-01-01T00:00:00.0000000+00:00"));
    }
}
