using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sentry.OpenApi.ContractTests.WireMock;
using static Sentry.OpenApi.ContractTests.WireMock.Stubs;

namespace Sentry.OpenApi.ContractTests.Behaviour;

/// <summary>
/// The hand-written client features against a real HTTP server: paging (also through WireMock.Net
/// scenarios), rate limits and retries, and typed errors, checked on the server's request log.
/// </summary>
[TestFixture]
[Category("Behaviour")]
public sealed class ClientBehaviourTests : WireMockTest
{
    private const string Org = "the-interstellar-jurisdiction";
    private const string IssuesPath = "/api/0/organizations/the-interstellar-jurisdiction/issues/";
    private const string OrganizationPath = "/api/0/organizations/the-interstellar-jurisdiction/";
    private const string OrganizationJson = """{"id":"7","slug":"the-interstellar-jurisdiction","name":"The Interstellar Jurisdiction"}""";

    private string Link(string? nextCursor, string? origin = null)
    {
        var self = origin ?? Server.BaseUrl().AbsoluteUri.TrimEnd('/');
        var next = nextCursor is null
            ? $"<{self}{IssuesPath}?cursor=0:0:0>; rel=\"next\"; results=\"false\"; cursor=\"0:0:0\""
            : $"<{self}{IssuesPath}?cursor={nextCursor}>; rel=\"next\"; results=\"true\"; cursor=\"{nextCursor}\"";
        return $"<{self}{IssuesPath}?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", {next}";
    }

    private static string Issues(params int[] ids) => "[" + string.Join(",", ids.Select(i => $$"""{"id":"{{i}}","title":"Issue {{i}}"}""")) + "]";

    private static async Task<List<string>> AllIssueIds(SentryApiClient client)
    {
        var ids = new List<string>();
        await foreach (var issue in client.Issues.ListOrganizationIssuesAllAsync(Org, new ListOrganizationIssuesOptions { Query = "is:unresolved" }))
        {
            ids.Add(issue.Id);
        }

        return ids;
    }

    [Test]
    public async Task Walks_three_pages_following_cursors_and_stops_at_results_false()
    {
        Server.Given(On("GET", IssuesPath).WithoutQuery("cursor")).RespondWith(JsonBody(Issues(1, 2)).WithHeader("Link", Link("0:100:0")));
        Server.Given(On("GET", IssuesPath).WithQuery("cursor", "0:100:0")).RespondWith(JsonBody(Issues(3, 4)).WithHeader("Link", Link("0:200:0")));
        Server.Given(On("GET", IssuesPath).WithQuery("cursor", "0:200:0")).RespondWith(JsonBody(Issues(5)).WithHeader("Link", Link(null)));
        using var client = CreateClient();

        var ids = await AllIssueIds(client);

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        Assert.That(Requests.Select(r => r.Query.GetValueOrDefault("cursor")?.Single()), Is.EqualTo(new[] { null, "0:100:0", "0:200:0" }));
        Assert.That(Requests.Select(r => r.QueryValue("query")), Is.All.EqualTo("is:unresolved"));
    }

    [Test]
    public async Task Walks_pages_served_by_a_wiremock_scenario()
    {
        Server.Sequence("paging", On("GET", IssuesPath),
            JsonBody(Issues(1)).WithHeader("Link", Link("0:1:0")),
            JsonBody(Issues(2)).WithHeader("Link", Link("0:2:0")),
            JsonBody(Issues(3)).WithHeader("Link", Link(null)));
        using var client = CreateClient();

        Assert.That(await AllIssueIds(client), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(Requests.Select(r => r.QueryValue("cursor")), Is.EqualTo(new[] { null, "0:1:0", "0:2:0" }));
    }

    [Test]
    public async Task A_next_link_to_a_foreign_origin_is_never_requested_the_walk_sends_its_cursor_to_the_api_origin()
    {
        // A real server behind the foreign URLs: any request that reached it, matched or not, would be in its log (with the token).
        using var foreign = TestServers.Start();
        foreign.Given(On("GET", IssuesPath)).RespondWith(JsonBody(Issues(666)));
        var foreignOrigin = foreign.BaseUrl().AbsoluteUri.TrimEnd('/');
        Server.Given(On("GET", IssuesPath).WithoutQuery("cursor")).RespondWith(JsonBody(Issues(1)).WithHeader("Link", Link("0:100:0", origin: foreignOrigin)));
        Server.Given(On("GET", IssuesPath).WithQuery("cursor", "0:100:0")).RespondWith(JsonBody(Issues(2)).WithHeader("Link", Link(null, origin: foreignOrigin)));
        using var client = CreateClient();

        var ids = await AllIssueIds(client);

        Assert.That(foreign.LogEntries, Is.Empty, "the origin of the Link URLs got no request, so never the token");
        Assert.That(ids, Is.EqualTo(new[] { "1", "2" }));
        Assert.That(Requests.Select(r => r.QueryValue("cursor")), Is.EqualTo(new[] { null, "0:100:0" }), "the next page's cursor went to the API's own origin");
        Assert.That(Requests.Select(r => r.Header("Authorization")), Is.All.EqualTo($"Bearer {Token}"));
    }

    [Test]
    public async Task Rate_limited_with_retry_after_1_succeeds_after_about_a_second()
    {
        Server.Sequence("limited", On("GET", OrganizationPath),
            JsonBody("""{"detail":"Too many requests"}""", 429).WithHeader("Retry-After", "1"),
            JsonBody(OrganizationJson));
        using var client = CreateClient();
        var clock = Stopwatch.StartNew();

        var organization = await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(organization.Slug, Is.EqualTo(Org));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)));
        Assert.That(Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Rate_limited_with_only_a_reset_header_and_a_bare_string_body_retries_after_the_reset()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();
        Server.Sequence("limited", On("GET", OrganizationPath),
            JsonBody("\"You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds\"", 429)
                .WithHeader("X-Sentry-Rate-Limit-Limit", "40").WithHeader("X-Sentry-Rate-Limit-Remaining", "0").WithHeader("X-Sentry-Rate-Limit-Reset", $"{reset}"),
            JsonBody(OrganizationJson));
        using var client = CreateClient();

        var organization = await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(organization.Slug, Is.EqualTo(Org));
        Assert.That(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Is.GreaterThanOrEqualTo(reset));
        Assert.That(Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Service_unavailable_three_times_then_ok_succeeds()
    {
        Server.Sequence("flaky", On("GET", OrganizationPath), Status(503), Status(503), Status(503), JsonBody(OrganizationJson));
        using var client = CreateClient(o => o.Retry = new SentryRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(50) });

        var organization = await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(organization.Slug, Is.EqualTo(Org));
        Assert.That(Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public void A_post_that_gets_503_is_not_retried()
    {
        Server.Given(On("POST", "/api/0/organizations/the-interstellar-jurisdiction/teams/")).RespondWith(Status(503));
        using var client = CreateClient();

        Assert.ThrowsAsync<SentryServerException>(() => client.Teams.CreateTeamAsync(Org, new TeamCreate { Name = "Ancient Gabelers" }));
        Assert.That(Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_404_becomes_SentryNotFoundException_with_sentrys_detail()
    {
        Server.Given(On("GET", "/api/0/organizations/the-interstellar-jurisdiction/issues/999/")).RespondWith(JsonBody("""{"detail":"The requested resource does not exist"}""", 404));
        using var client = CreateClient();

        var error = Assert.ThrowsAsync<SentryNotFoundException>(() => client.Issues.RetrieveIssueAsync(Org, "999"));

        Assert.That(error!.Detail, Is.EqualTo("The requested resource does not exist"));
        Assert.That((error.Method, error.Path), Is.EqualTo(("GET", "/api/0/organizations/the-interstellar-jurisdiction/issues/999/")));
        Assert.That(error.ToString(), Does.Not.Contain(Token));
    }

    [Test]
    public void An_html_200_becomes_SentryResponseFormatException_naming_the_operation()
    {
        Server.Given(On("GET", OrganizationPath)).RespondWith(Text("<html><body>Please log in</body></html>", "text/html"));
        using var client = CreateClient();

        var error = Assert.ThrowsAsync<SentryResponseFormatException>(() => client.Organizations.RetrieveOrganizationAsync(Org));

        Assert.That(error!.Operation, Is.EqualTo("RetrieveOrganization"));
        Assert.That(error.ResponseBody, Does.StartWith("<html>"));
    }

    [Test]
    public async Task A_search_query_reaches_sentry_exactly_as_built()
    {
        Server.Given(On("GET", IssuesPath)).RespondWith(JsonBody(Issues(1)));
        using var client = CreateClient();
        var query = SentryQuery.Create().Is(IssueState.Unresolved).Not().AssignedToMe()
            .Tag("browser", "Chrome Mobile").Tag("release", "1.2.3", "1.2.4").TimesSeen(CountComparison.GreaterThan, 100);

        await client.Issues.ListOrganizationIssuesAsync(Org, new ListOrganizationIssuesOptions { Query = query, Sort = IssueSort.Freq, StatsPeriod = SentryStatsPeriod.Days14 });

        var request = Requests.Single();
        Assert.That(request.QueryValue("query"), Is.EqualTo("is:unresolved !assigned:me browser:\"Chrome Mobile\" release:[1.2.3, 1.2.4] timesSeen:>100"));
        Assert.That((request.QueryValue("sort"), request.QueryValue("statsPeriod")), Is.EqualTo(("freq", "14d")));
    }

    [Test]
    public async Task A_client_from_dependency_injection_talks_to_sentry_with_token_and_user_agent()
    {
        Server.Given(On("GET", OrganizationPath)).RespondWith(JsonBody(OrganizationJson));
        var services = new ServiceCollection();
        services.AddSentryApiClient(o =>
        {
            o.AuthToken = Token;
            o.BaseUrl = ApiRoot;
            o.UserAgent = "contract-tests/1.0";
        });
        await using var provider = services.BuildServiceProvider();

        var organization = await provider.GetRequiredService<SentryApiClient>().Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(organization.Slug, Is.EqualTo(Org));
        var request = Requests.Single();
        Assert.That((request.Header("Authorization"), request.Header("User-Agent")), Is.EqualTo(($"Bearer {Token}", "contract-tests/1.0")));
    }

    [Test]
    public async Task Unassigning_sends_an_explicit_null_on_the_wire()
    {
        Server.Given(On("PUT", "/api/0/organizations/the-interstellar-jurisdiction/issues/1/")).RespondWith(JsonBody("""{"id":"1","title":"t"}"""));
        using var client = CreateClient();

        await client.Issues.UpdateIssueAsync(Org, "1", IssueUpdate.Unassign());

        Assert.That(Requests.Single().Body, Is.EqualTo("""{"assignedTo":null}"""));
    }
}
