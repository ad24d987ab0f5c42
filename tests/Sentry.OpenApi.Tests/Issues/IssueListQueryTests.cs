using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Issues;

/// <summary>
/// The issue list options reach Sentry in the form its endpoints read: <c>shortIdLookup=1</c> (Sentry compares
/// the text with <c>1</c>, so a boolean's <c>true</c> never turned the lookup on), repeated <c>expand</c> and
/// <c>collapse</c>, and the <c>groupStatsPeriod</c> values, the empty one included.
/// </summary>
public sealed class IssueListQueryTests
{
    [Test]
    public async Task A_short_id_lookup_is_sent_as_1_on_both_issue_lists()
    {
        var transport = StubTransport.Json("[]");
        using var client = TestClients.Create(transport);

        await client.Issues.ListOrganizationIssuesAsync("acme", new ListOrganizationIssuesOptions { Query = "PUMP-STATION-3K", ShortIdLookup = QueryFlag.On });
#pragma warning disable CS0618 // the deprecated project list still takes the lookup
        await client.Issues.ListProjectIssuesAsync("acme", "pump-station", new ListProjectIssuesOptions { ShortIdLookup = QueryFlag.On });
#pragma warning restore CS0618

        Assert.That(transport.Requests.Select(r => Query(r.Request)), Has.All.Contains("shortIdLookup=1"), "ListOrganizationIssues and ListProjectIssues: shortIdLookup");
    }

    [Test]
    public async Task Expand_and_collapse_repeat_and_group_stats_period_sends_its_value()
    {
        var transport = StubTransport.Json("[]");
        using var client = TestClients.Create(transport);

        await client.Issues.ListOrganizationIssuesAsync("acme", new ListOrganizationIssuesOptions
        {
            Expand = [IssueListExpand.Inbox, IssueListExpand.LatestEventHasAttachments],
            Collapse = [IssueListCollapse.Stats, IssueListCollapse.Lifetime],
            GroupStatsPeriod = IssueGroupStatsPeriod.Days14,
        });

        var query = Query(transport.Requests.Single().Request);
        Assert.That(query, Does.Contain("expand=inbox&expand=latestEventHasAttachments"), "ListOrganizationIssues: expand");
        Assert.That(query, Does.Contain("collapse=stats&collapse=lifetime"), "ListOrganizationIssues: collapse");
        Assert.That(query, Does.Contain("groupStatsPeriod=14d"), "ListOrganizationIssues: groupStatsPeriod");
    }

    [Test]
    public async Task No_stats_is_an_empty_group_stats_period()
    {
        var transport = StubTransport.Json("[]");
        using var client = TestClients.Create(transport);

        await client.Issues.ListOrganizationIssuesAsync("acme", new ListOrganizationIssuesOptions { GroupStatsPeriod = IssueGroupStatsPeriod.None });

        Assert.That(Query(transport.Requests.Single().Request).Split('&'), Does.Contain("groupStatsPeriod="), "ListOrganizationIssues: groupStatsPeriod");
    }

    private static string Query(HttpRequestMessage request) => Uri.UnescapeDataString(request.RequestUri!.Query.TrimStart('?'));
}
