using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Issues;

public sealed class IssueUpdateRequestTests
{
    private const string Org = "the-interstellar-jurisdiction";

    [Test]
    public async Task Unassigning_sends_an_explicit_null_assignee_and_nothing_else()
    {
        var transport = StubTransport.Json("""{"id":"1","title":"t"}""");
        using var client = TestClients.Create(transport);

        await client.Issues.UpdateIssueAsync(Org, "1", IssueUpdate.Unassign());

        Assert.That(transport.Requests.Single().Body, Is.EqualTo("""{"assignedTo":null}"""));
    }

    [Test]
    public async Task An_explicit_null_combines_with_set_properties()
    {
        var transport = StubTransport.Json("""{"id":"1","title":"t"}""");
        using var client = TestClients.Create(transport);

        await client.Issues.UpdateIssueAsync(Org, "1", new IssueUpdate { Status = IssueUpdateStatus.Unresolved }.WithNull(u => u.AssignedTo));

        Assert.That(transport.Requests.Single().Body, Is.EqualTo("""{"status":"unresolved","assignedTo":null}"""));
    }

    [Test]
    public async Task Bulk_mutating_250_issues_sends_three_batches_of_at_most_100_ids()
    {
        var transport = StubTransport.Json("""{"status":"resolved"}""");
        using var client = TestClients.Create(transport);
        var ids = Enumerable.Range(1, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var result = await client.Issues.BulkMutateProjectIssuesInBatchesAsync(Org, "pump-station", new IssueUpdate { Status = IssueUpdateStatus.Resolved }, ids);

        var sentIds = transport.Requests.Select(r => r.Request.RequestUri!.Query.Split('&').Count(p => p.TrimStart('?').StartsWith("id=", StringComparison.Ordinal))).ToList();
        Assert.That(sentIds, Is.EqualTo(new[] { 100, 100, 50 }));
        Assert.That(transport.Requests.Select(r => r.Body), Is.All.EqualTo("""{"status":"resolved"}"""));
        Assert.That(result.Status, Is.EqualTo(IssueStatusValues.Resolved));
    }

    [Test]
    public void Bulk_mutating_without_ids_is_refused_so_it_never_updates_the_whole_project()
    {
        using var client = TestClients.Create(StubTransport.Json("{}"));

        Assert.ThrowsAsync<ArgumentException>(() => client.Issues.BulkMutateProjectIssuesInBatchesAsync(Org, "pump-station", new IssueUpdate { Status = IssueUpdateStatus.Resolved }, []));
    }

    [Test]
    public void A_merge_of_more_than_100_issues_is_refused()
    {
        using var client = TestClients.Create(StubTransport.Json("{}"));
        var ids = Enumerable.Range(1, 101).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.Issues.BulkMutateProjectIssuesInBatchesAsync(Org, "pump-station", new IssueUpdate { Merge = true }, ids));
        Assert.That(error!.Message, Does.Contain("merge"));
    }

    [Test]
    public async Task Bulk_removing_splits_ids_into_batches()
    {
        var transport = new StubTransport(_ => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        using var client = TestClients.Create(transport);

        await client.Issues.BulkRemoveProjectIssuesInBatchesAsync(Org, "pump-station", Enumerable.Range(1, 150).Select(i => $"{i}"));

        Assert.That(transport.Requests, Has.Count.EqualTo(2));
        Assert.That(transport.Requests.Select(r => r.Request.Method), Is.All.EqualTo(HttpMethod.Delete));
    }
}
