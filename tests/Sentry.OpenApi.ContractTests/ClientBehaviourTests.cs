using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sentry.OpenApi.ContractTests.WireMock;

namespace Sentry.OpenApi.ContractTests;

/// <summary>
/// The hand-written client features against a real HTTP server: paging through WireMock scenarios,
/// rate limits and retries, and typed errors.
/// </summary>
[TestFixture]
[Category("Behaviour")]
public sealed class ClientBehaviourTests : WireMockTest
{
    private const string Org = "the-interstellar-jurisdiction";
    private const string IssuesPath = "/api/0/organizations/the-interstellar-jurisdiction/issues/";
    private const string OrganizationPath = "/api/0/organizations/the-interstellar-jurisdiction/";
    private const string OrganizationJson = """{"id":"7","slug":"the-interstellar-jurisdiction","name":"The Interstellar Jurisdiction"}""";

    private static string Link(string? nextCursor, string? origin = null)
    {
        var self = origin ?? WireMockSetUp.Server.BaseUrl.AbsoluteUri.TrimEnd('/');
        var next = nextCursor is null
            ? $"<{self}{IssuesPath}?cursor=0:0:0>; rel=\"next\"; results=\"false\"; cursor=\"0:0:0\""
            : $"<{self}{IssuesPath}?cursor={nextCursor}>; rel=\"next\"; results=\"true\"; cursor=\"{nextCursor}\"";
        return $"<{self}{IssuesPath}?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", {next}";
    }

    private static string Issues(params int[] ids) => "[" + string.Join(",", ids.Select(i => $$"""{"id":"{{i}}","title":"Issue {{i}}"}""")) + "]";

    private static async Task<List<string>> AllIssueIds(SentryApiClient client)
    {
        var ids = new List<string>();
        await foreach (var issue in client.Issues.ListOrganizationIssuesAllAsync(Org, query: "is:unresolved"))
        {
            ids.Add(issue.Id);
        }

        return ids;
    }

    [Test]
    public async Task Walks_three_pages_following_cursors_and_stops_at_results_false()
    {
        await WireMockStub.For("GET", IssuesPath).WithoutQuery("cursor").Json(Issues(1, 2)).Header("Link", Link("0:100:0")).AddToAsync(Admin);
        await WireMockStub.For("GET", IssuesPath).WithQuery("cursor", "0:100:0").Json(Issues(3, 4)).Header("Link", Link("0:200:0")).AddToAsync(Admin);
        await WireMockStub.For("GET", IssuesPath).WithQuery("cursor", "0:200:0").Json(Issues(5)).Header("Link", Link(null)).AddToAsync(Admin);
        using var client = CreateClient();

        var ids = await AllIssueIds(client);

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        var requests = await Admin.RequestsAsync();
        Assert.That(requests.Select(r => r.Query.GetValueOrDefault("cursor")?.Single()), Is.EqualTo(new[] { null, "0:100:0", "0:200:0" }));
        Assert.That(requests.Select(r => r.Query["query"].Single()), Is.All.EqualTo("is:unresolved"));
    }

    [Test]
    public async Task Walks_pages_served_by_a_wiremock_scenario()
    {
        await WireMockStub.For("GET", IssuesPath).InScenario("paging", "Started", "page-2").Json(Issues(1)).Header("Link", Link("0:1:0")).AddToAsync(Admin);
        await WireMockStub.For("GET", IssuesPath).InScenario("paging", "page-2", "page-3").Json(Issues(2)).Header("Link", Link("0:2:0")).AddToAsync(Admin);
        await WireMockStub.For("GET", IssuesPath).InScenario("paging", "page-3").Json(Issues(3)).Header("Link", Link(null)).AddToAsync(Admin);
        using var client = CreateClient();

        Assert.That(await AllIssueIds(client), Is.EqualTo(new[] { "1", "2", "3" }));
    }

    [Test]
    public async Task Refuses_a_next_link_to_a_foreign_origin()
    {
        await WireMockStub.For("GET", IssuesPath).Json(Issues(1)).Header("Link", Link("0:100:0", origin: "https://evil.example.com")).AddToAsync(Admin);
        using var client = CreateClient();

        var error = Assert.ThrowsAsync<SentryPaginationException>(() => AllIssueIds(client));

        Assert.That(error!.Message, Does.Contain("https://evil.example.com"));
        Assert.That(await Admin.RequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Rate_limited_with_retry_after_1_succeeds_after_about_a_second()
    {
        await WireMockStub.For("GET", OrganizationPath).InScenario("limited", "Started", "open").Status(429)
            .Json("""{"detail":"Too many requests"}""").Header("Retry-After", "1").AddToAsync(Admin);
        await WireMockStub.For("GET", OrganizationPath).InScenario("limited", "open").Json(OrganizationJson).AddToAsync(Admin);
        using var client = CreateClient();
        var clock = Stopwatch.StartNew();

        var organization = await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(organization.Slug, Is.EqualTo(Org));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)));
        Assert.That(await Admin.RequestsAsync(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Rate_limited_with_only_a_reset_header_and_a_bare_string_body_retries_after_the_reset()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();
        await WireMockStub.For("GET", OrganizationPath).InScenario("limited", "Started", "open").Status(429)
            .Json("\"You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds\"")
            .Header("X-Sentry-Rate-Limit-Limit", "40").Header("X-Sentry-Rate-Limit-Remaining", "0").Header("X-Sentry-Rate-Limit-Reset", $"{reset}")
            .AddToAsync(Admin);
        await WireMockStub.For("GET", OrganizationPath).InScenario("limited", "open").Json(OrganizationJson).AddToAsync(Admin);
        using var client = CreateClient();

        var organization = await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(organization.Slug, Is.EqualTo(Org));
        Assert.That(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Is.GreaterThanOrEqualTo(reset));
    }

    [Test]
    public async Task Service_unavailable_three_times_then_ok_succeeds()
    {
        await WireMockStub.For("GET", OrganizationPath).InScenario("flaky", "Started", "2").Status(503).AddToAsync(Admin);
        await WireMockStub.For("GET", OrganizationPath).InScenario("flaky", "2", "3").Status(503).AddToAsync(Admin);
        await WireMockStub.For("GET", OrganizationPath).InScenario("flaky", "3", "4").Status(503).AddToAsync(Admin);
        await WireMockStub.For("GET", OrganizationPath).InScenario("flaky", "4").Json(OrganizationJson).AddToAsync(Admin);
        using var client = CreateClient(o => o.Retry = new SentryRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(50) });

        var organization = await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(organization.Slug, Is.EqualTo(Org));
        Assert.That(await Admin.RequestsAsync(), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task A_post_that_gets_503_is_not_retried()
    {
        await WireMockStub.For("POST", "/api/0/organizations/the-interstellar-jurisdiction/teams/").Status(503).AddToAsync(Admin);
        using var client = CreateClient();

        Assert.ThrowsAsync<SentryServerException>(() => client.Teams.CreateTeamAsync(Org, new TeamCreate { Name = "Ancient Gabelers" }));
        Assert.That(await Admin.RequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_404_becomes_SentryNotFoundException_with_sentrys_detail()
    {
        await WireMockStub.For("GET", "/api/0/organizations/the-interstellar-jurisdiction/issues/999/").Status(404)
            .Json("""{"detail":"The requested resource does not exist"}""").AddToAsync(Admin);
        using var client = CreateClient();

        var error = Assert.ThrowsAsync<SentryNotFoundException>(() => client.Issues.RetrieveIssueAsync(Org, "999"));

        Assert.That(error!.Detail, Is.EqualTo("The requested resource does not exist"));
        Assert.That((error.Method, error.Path), Is.EqualTo(("GET", "/api/0/organizations/the-interstellar-jurisdiction/issues/999/")));
        Assert.That(error.ToString(), Does.Not.Contain(Token));
    }

    [Test]
    public async Task An_html_200_becomes_SentryResponseFormatException_naming_the_operation()
    {
        await WireMockStub.For("GET", OrganizationPath).Body("<html><body>Please log in</body></html>", "text/html").AddToAsync(Admin);
        using var client = CreateClient();

        var error = Assert.ThrowsAsync<SentryResponseFormatException>(() => client.Organizations.RetrieveOrganizationAsync(Org));

        Assert.That(error!.Operation, Is.EqualTo("RetrieveOrganization"));
        Assert.That(error.ResponseBody, Does.StartWith("<html>"));
    }

    [Test]
    public async Task A_search_query_reaches_sentry_exactly_as_built()
    {
        await WireMockStub.For("GET", IssuesPath).Json(Issues(1)).AddToAsync(Admin);
        using var client = CreateClient();
        var query = SentryQuery.Create().Is(IssueState.Unresolved).Not().AssignedToMe()
            .Tag("browser", "Chrome Mobile").Tag("release", "1.2.3", "1.2.4").TimesSeen(CountComparison.GreaterThan, 100);

        await client.Issues.ListOrganizationIssuesAsync(Org, query: query, sort: IssueSort.Freq, statsPeriod: SentryStatsPeriod.Days14);

        var request = (await Admin.RequestsAsync()).Single();
        Assert.That(request.Query["query"].Single(), Is.EqualTo("is:unresolved !assigned:me browser:\"Chrome Mobile\" release:[1.2.3, 1.2.4] timesSeen:>100"));
        Assert.That((request.Query["sort"].Single(), request.Query["statsPeriod"].Single()), Is.EqualTo(("freq", "14d")));
    }

    [Test]
    public async Task A_client_from_dependency_injection_talks_to_sentry_with_token_and_user_agent()
    {
        await WireMockStub.For("GET", OrganizationPath).Json(OrganizationJson).AddToAsync(Admin);
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
        var request = (await Admin.RequestsAsync()).Single();
        Assert.That((request.Header("Authorization"), request.Header("User-Agent")), Is.EqualTo(($"Bearer {Token}", "contract-tests/1.0")));
    }

    [Test]
    public async Task Unassigning_sends_an_explicit_null_on_the_wire()
    {
        await WireMockStub.For("PUT", "/api/0/organizations/the-interstellar-jurisdiction/issues/1/").Json("""{"id":"1","title":"t"}""").AddToAsync(Admin);
        using var client = CreateClient();

        await client.Issues.UpdateIssueAsync(Org, "1", IssueUpdate.Unassign());

        Assert.That((await Admin.RequestsAsync()).Single().Body, Is.EqualTo("""{"assignedTo":null}"""));
    }
}
