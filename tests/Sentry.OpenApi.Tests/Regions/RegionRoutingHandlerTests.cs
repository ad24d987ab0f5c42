using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sentry.OpenApi.Auth;
using Sentry.OpenApi.Regions;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Regions;

public sealed class RegionRoutingHandlerTests
{
    private const string Api = "https://sentry.io/api/0/";
    private const string AcmeLookup = Api + "organizations/acme/";
    private const string UsRegion = "https://us.sentry.io";
    private static readonly Uri BaseUrl = new(Api);

    [Test]
    public async Task An_organizations_request_goes_to_its_region_with_the_same_path_and_query()
    {
        var transport = Sentry();
        using var client = TestClients.Create(transport, o => { o.EnableRegionRouting = true; o.UserAgent = "my-tool/1.2"; });

        await client.Issues.ListOrganizationIssuesAsync("acme", new ListOrganizationIssuesOptions { Query = "is:unresolved", Limit = 25 });

        var (lookup, call) = (transport.Requests[0].Request, transport.Requests[1].Request);
        Assert.That(transport.Requests, Has.Count.EqualTo(2));
        Assert.That(lookup.RequestUri!.AbsoluteUri, Is.EqualTo(AcmeLookup));
        Assert.That(lookup.Headers.UserAgent.ToString(), Is.EqualTo("my-tool/1.2"));
        Assert.That(lookup.Headers.Authorization?.ToString(), Is.EqualTo($"Bearer {TestClients.Token}"));
        Assert.That(call.RequestUri!.GetLeftPart(UriPartial.Authority), Is.EqualTo(UsRegion));
        Assert.That(call.RequestUri.AbsolutePath, Is.EqualTo("/api/0/organizations/acme/issues/"));
        Assert.That(call.RequestUri.Query, Does.Contain("query=is%3Aunresolved").And.Contain("limit=25"));
    }

    [TestCase("organizations/acme/issues/?cursor=0:100:0")]
    [TestCase("organizations/acme/")]
    [TestCase("organization/acme/monitors/nightly/checkins/")]
    [TestCase("projects/acme/backend/events/")]
    [TestCase("teams/acme/backend-team/stats/")]
    public async Task Every_path_that_names_an_organization_is_routed(string path)
    {
        var transport = Sentry();
        using var http = PipelineClient(transport);

        await http.GetAsync(new Uri(Api + path));

        Assert.That(transport.Requests[0].Request.RequestUri!.AbsoluteUri, Is.EqualTo(AcmeLookup));
        Assert.That(transport.Requests[^1].Request.RequestUri!.AbsoluteUri, Is.EqualTo($"{UsRegion}/api/0/{path}"));
    }

    [TestCase("https://sentry.io/api/0/organizations/")]
    [TestCase("https://sentry.io/api/0/organizations/?owner=1")]
    [TestCase("https://sentry.io/api/0/projects/")]
    [TestCase("https://sentry.io/api/0/issues/123/")]
    [TestCase("https://sentry.io/api/0/sentry-app-installations/abc/external-issues/")]
    [TestCase("https://us.sentry.io/api/0/organizations/acme/issues/")]
    [TestCase("https://sentry.io/organizations/acme/issues/")]
    public async Task A_request_that_names_no_organization_under_the_base_url_passes_unchanged(string url)
    {
        var transport = Sentry();
        using var http = PipelineClient(transport);

        await http.GetAsync(new Uri(url));

        Assert.That(transport.Requests.Select(r => r.Request.RequestUri!.AbsoluteUri), Is.EqualTo(new[] { new Uri(url).AbsoluteUri }));
    }

    [Test]
    public async Task An_organization_is_looked_up_once_for_many_calls()
    {
        var transport = Sentry();
        using var client = TestClients.Create(transport, o => o.EnableRegionRouting = true);

        for (var i = 0; i < 5; i++)
        {
            await client.Issues.ListOrganizationIssuesAsync("acme");
            await client.Organizations.ListOrganizationProjectsAsync("acme");
        }

        await client.Issues.ListOrganizationIssuesAsync("globex");

        Assert.That(Lookups(transport), Is.EqualTo(new[] { AcmeLookup, Api + "organizations/globex/" }));
        Assert.That(transport.Requests.Count(r => r.Request.RequestUri!.Host == "us.sentry.io"), Is.EqualTo(11));
    }

    [Test]
    public async Task Concurrent_calls_for_an_organization_share_one_lookup()
    {
        var lookupGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new AsyncStubTransport(async (request, _) =>
        {
            if (request.RequestUri!.AbsoluteUri == AcmeLookup)
            {
                await lookupGate.Task;
                return Region(UsRegion);
            }

            return Json("[]");
        });
        var entered = new CountingHandler { InnerHandler = Handler(transport) };
        using var http = new HttpClient(entered);

        var calls = Enumerable.Range(1, 20).Select(i => Task.Run(() => http.GetAsync(new Uri($"{Api}organizations/acme/issues/{i}/")))).ToList();
        await Eventually(() => entered.Count == 20);
        await Task.Delay(50);
        Assert.That(transport.Requests.Select(r => r.RequestUri!.AbsoluteUri), Is.EqualTo(new[] { AcmeLookup }), "all callers wait for the one lookup");

        lookupGate.SetResult();
        await Task.WhenAll(calls);

        Assert.That(transport.Requests.Count(r => r.RequestUri!.AbsoluteUri == AcmeLookup), Is.EqualTo(1));
        Assert.That(transport.Requests.Count(r => r.RequestUri!.Host == "us.sentry.io"), Is.EqualTo(20));
    }

    [Test]
    public async Task A_caller_that_gives_up_waiting_does_not_cancel_the_lookup_for_the_others()
    {
        var lookupGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new AsyncStubTransport(async (request, cancellationToken) =>
        {
            if (request.RequestUri!.AbsoluteUri == AcmeLookup)
            {
                await lookupGate.Task.WaitAsync(cancellationToken);
                return Region(UsRegion);
            }

            return Json("[]");
        });
        using var http = new HttpClient(Handler(transport));
        using var impatient = new CancellationTokenSource();

        var first = http.GetAsync(new Uri(Api + "organizations/acme/issues/"), impatient.Token);
        await Eventually(() => transport.Requests.Count == 1);
        var second = http.GetAsync(new Uri(Api + "organizations/acme/releases/"));
        await impatient.CancelAsync();
        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
        lookupGate.SetResult();
        await second;

        Assert.That(transport.Requests.Select(r => r.RequestUri!.AbsoluteUri),
            Is.EqualTo(new[] { AcmeLookup, $"{UsRegion}/api/0/organizations/acme/releases/" }));
    }

    [Test]
    public async Task A_failed_lookup_sends_the_call_to_the_base_url_and_a_later_call_looks_up_again()
    {
        var lookupStatus = HttpStatusCode.Forbidden;
        var transport = new StubTransport(request => request.RequestUri!.AbsoluteUri == AcmeLookup
            ? lookupStatus == HttpStatusCode.OK ? Region(UsRegion) : Json("""{"detail":"You do not have permission to perform this action."}""", lookupStatus)
            : Json("[]"));
        var time = new ManualTimeProvider();
        var logger = new RecordingLogger();
        using var http = new HttpClient(Handler(transport, logger, time));
        var issues = new Uri(Api + "organizations/acme/issues/");

        var first = await http.GetAsync(issues);
        await http.GetAsync(issues); // within the retry delay: the failure is remembered
        time.Advance(RegionRoutingHandler.FailedLookupRetryDelay);
        lookupStatus = HttpStatusCode.OK;
        await http.GetAsync(issues);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(transport.Requests.Select(r => r.Request.RequestUri!.AbsoluteUri), Is.EqualTo(new[]
        {
            AcmeLookup, issues.AbsoluteUri, issues.AbsoluteUri, AcmeLookup, $"{UsRegion}/api/0/organizations/acme/issues/",
        }));
        var warning = logger.Entries.Single(e => e.Level == LogLevel.Warning);
        Assert.That(warning.Message, Does.Contain("acme").And.Contain("403").And.Contain("https://sentry.io"));
        Assert.That(logger.AllText, Does.Not.Contain(TestClients.Token));
    }

    [Test]
    public async Task A_lookup_that_throws_sends_the_call_to_the_base_url()
    {
        var transport = new StubTransport(request => request.RequestUri!.AbsoluteUri == AcmeLookup
            ? throw new HttpRequestException("Connection refused (sentry.io:443)")
            : Json("[]"));
        var logger = new RecordingLogger();
        using var http = new HttpClient(Handler(transport, logger));

        var response = await http.GetAsync(new Uri(Api + "organizations/acme/issues/"));

        Assert.That(response.RequestMessage!.RequestUri!.AbsoluteUri, Is.EqualTo(Api + "organizations/acme/issues/"));
        Assert.That(logger.Entries.Single(e => e.Level == LogLevel.Warning).Message, Does.Contain("Connection refused"));
        Assert.That(logger.AllText, Does.Not.Contain(TestClients.Token));
    }

    [Test]
    public async Task An_error_status_of_the_lookup_does_not_fail_the_call_through_the_full_pipeline()
    {
        var transport = new StubTransport(request => request.RequestUri!.AbsoluteUri == AcmeLookup
            ? Json("""{"detail":"The requested resource does not exist"}""", HttpStatusCode.NotFound)
            : Json("[]"));
        using var client = TestClients.Create(transport, o => o.EnableRegionRouting = true);

        var issues = await client.Issues.ListOrganizationIssuesAsync("acme");

        Assert.That(issues.Items, Is.Empty);
        Assert.That(transport.Requests[^1].Request.RequestUri!.AbsoluteUri, Is.EqualTo(Api + "organizations/acme/issues/"));
    }

    [TestCase("""{"slug":"acme"}""")]
    [TestCase("""{"links":{}}""")]
    [TestCase("""{"links":{"regionUrl":null}}""")]
    [TestCase("""{"links":{"regionUrl":"us.sentry.io"}}""")]
    [TestCase("""{"links":{"regionUrl":"ftp://us.sentry.io"}}""")]
    [TestCase("""[]""")]
    [TestCase("""<html>maintenance</html>""")]
    public async Task A_lookup_without_a_usable_region_url_sends_the_call_to_the_base_url(string body)
    {
        var transport = new StubTransport(request => Json(request.RequestUri!.AbsoluteUri == AcmeLookup ? body : "[]"));
        var logger = new RecordingLogger();
        using var http = new HttpClient(Handler(transport, logger));

        await http.GetAsync(new Uri(Api + "organizations/acme/issues/"));

        Assert.That(transport.Requests[^1].Request.RequestUri!.AbsoluteUri, Is.EqualTo(Api + "organizations/acme/issues/"));
        Assert.That(logger.Entries.Count(e => e.Level == LogLevel.Warning), Is.EqualTo(1));
    }

    [Test]
    public async Task The_token_goes_to_the_region_sentry_reported_and_to_no_other_host()
    {
        var transport = Sentry();
        using var http = PipelineClient(transport);

        await http.GetAsync(new Uri(Api + "organizations/acme/issues/"));
        await http.GetAsync(new Uri("https://de.sentry.io/api/0/organizations/acme/issues/"));
        await http.GetAsync(new Uri("https://evil.example.com/api/0/organizations/acme/issues/"));

        var tokens = transport.Requests.ToDictionary(r => r.Request.RequestUri!.AbsoluteUri, r => r.Request.Headers.Authorization?.Parameter);
        Assert.That(tokens[$"{UsRegion}/api/0/organizations/acme/issues/"], Is.EqualTo(TestClients.Token));
        Assert.That(tokens["https://de.sentry.io/api/0/organizations/acme/issues/"], Is.Null);
        Assert.That(tokens["https://evil.example.com/api/0/organizations/acme/issues/"], Is.Null);
    }

    [Test]
    public async Task A_plain_http_region_on_another_host_is_neither_used_nor_trusted()
    {
        var transport = Sentry(regionUrl: "http://us.sentry.io");
        using var http = PipelineClient(transport);

        await http.GetAsync(new Uri(Api + "organizations/acme/issues/"));
        await http.GetAsync(new Uri("http://us.sentry.io/api/0/organizations/acme/issues/"));

        Assert.That(transport.Requests[1].Request.RequestUri!.AbsoluteUri, Is.EqualTo(Api + "organizations/acme/issues/"));
        Assert.That(transport.Requests[2].Request.Headers.Authorization, Is.Null);
    }

    [Test]
    public async Task A_self_hosted_base_url_keeps_its_path_prefix_when_routed_to_a_listed_region_origin()
    {
        var lookup = "http://localhost:9000/sentry/api/0/organizations/acme/";
        var transport = new StubTransport(request => request.RequestUri!.AbsoluteUri == lookup ? Region("http://localhost:9001") : Json("[]"));
        var options = new SentryApiClientOptions
        {
            AuthToken = TestClients.Token,
            EnableRegionRouting = true,
            BaseUrl = new Uri("http://localhost:9000/sentry/api/0/"),
            TrustedRegionOrigins = { new Uri("http://localhost:9001") }, // another port is another origin: trusted only when listed
        };
        using var http = new HttpClient(SentryApiClient.CreatePipeline(options, transport));

        await http.GetAsync(new Uri("http://localhost:9000/sentry/api/0/projects/acme/backend/"));

        var call = transport.Requests[^1].Request;
        Assert.That(transport.Requests[0].Request.RequestUri!.AbsoluteUri, Is.EqualTo(lookup));
        Assert.That(call.RequestUri!.AbsoluteUri, Is.EqualTo("http://localhost:9001/sentry/api/0/projects/acme/backend/"));
        Assert.That(call.Headers.Authorization?.Parameter, Is.EqualTo(TestClients.Token));
    }

    [Test]
    public async Task An_organization_in_the_base_region_stays_on_the_base_url()
    {
        var transport = Sentry(regionUrl: "https://sentry.io");
        using var http = PipelineClient(transport);

        await http.GetAsync(new Uri(Api + "organizations/acme/issues/"));
        await http.GetAsync(new Uri(Api + "organizations/acme/issues/"));

        Assert.That(Lookups(transport), Has.Count.EqualTo(1));
        Assert.That(transport.Requests[^1].Request.RequestUri!.AbsoluteUri, Is.EqualTo(Api + "organizations/acme/issues/"));
    }

    [Test]
    public async Task Without_region_routing_nothing_is_looked_up()
    {
        var transport = Sentry();
        using var client = TestClients.Create(transport);

        await client.Issues.ListOrganizationIssuesAsync("acme");

        Assert.That(transport.Requests.Single().Request.RequestUri!.AbsoluteUri, Is.EqualTo(Api + "organizations/acme/issues/"));
    }

    // Answers GET /organizations/{slug}/ on the base URL with regionUrl, everything else with [].
    private static StubTransport Sentry(string regionUrl = UsRegion) =>
        new(request => IsLookup(request.RequestUri!) ? Region(regionUrl) : Json("[]"));

    private static bool IsLookup(Uri uri) =>
        uri.GetLeftPart(UriPartial.Authority) == "https://sentry.io" && uri.AbsolutePath.StartsWith("/api/0/organizations/", StringComparison.Ordinal)
        && uri.AbsolutePath.Count(c => c == '/') == 5 && uri.Query.Length == 0;

    private static List<string> Lookups(StubTransport transport) =>
        transport.Requests.Select(r => r.Request.RequestUri!).Where(IsLookup).Select(u => u.AbsoluteUri).ToList();

    private static HttpResponseMessage Region(string regionUrl) =>
        Json($$$"""{"id":"1","slug":"acme","links":{"organizationUrl":"https://acme.sentry.io","regionUrl":"{{{regionUrl}}}"}}""");

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    // The whole pipeline, as a plain HttpClient, for URLs the generated clients do not make.
    private static HttpClient PipelineClient(HttpMessageHandler transport) =>
        new(SentryApiClient.CreatePipeline(new SentryApiClientOptions { AuthToken = TestClients.Token, EnableRegionRouting = true }, transport));

    // The routing handler alone over the token handler, with a clock and logger the test controls.
    private static RegionRoutingHandler Handler(HttpMessageHandler transport, ILogger? logger = null, TimeProvider? time = null)
    {
        var origins = new SentryTrustedOrigins(BaseUrl);
        return new RegionRoutingHandler(BaseUrl, origins, logger ?? NullLogger.Instance, time ?? TimeProvider.System)
        {
            InnerHandler = new BearerTokenHandler(() => TestClients.Token, origins) { InnerHandler = transport },
        };
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out waiting");
            await Task.Delay(5);
        }
    }
}
