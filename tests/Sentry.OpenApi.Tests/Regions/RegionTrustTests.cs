using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Regions;

/// <summary>
/// Which <c>links.regionUrl</c> values the client follows (and sends the token to): the base origin, a
/// subdomain of the base URL's trusted domain on the same scheme and port, or an origin listed in
/// <see cref="SentryApiClientOptions.TrustedRegionOrigins"/>. Anything else is logged and the call goes to the base URL.
/// </summary>
public sealed class RegionTrustTests
{
    private const string Saas = "https://sentry.io/api/0/";

    [TestCase(Saas, "https://collector.evil.example", TestName = "SaaS: another domain")]
    [TestCase(Saas, "https://us.sentry.io.evil.example", TestName = "SaaS: a domain that starts like a region")]
    [TestCase(Saas, "https://evilsentry.io", TestName = "SaaS: a domain that ends like the base host")]
    [TestCase(Saas, "https://us.sentry.io:8443", TestName = "SaaS: a region host on another port")]
    [TestCase(Saas, "https://evil@us.sentry.io", TestName = "SaaS: a region with user info")]
    [TestCase(Saas, "http://us.sentry.io", TestName = "SaaS: a region on plain http")]
    [TestCase(Saas, "https://127.0.0.1", TestName = "SaaS: an IP address")]
    [TestCase("http://127.0.0.1:9000/api/0/", "http://127.0.0.1:9001", TestName = "IP base: the same address on another port")]
    [TestCase("http://127.0.0.1:9000/api/0/", "http://evil@127.0.0.1:9000", TestName = "IP base: the same origin with user info")]
    [TestCase("http://127.0.0.1:9000/api/0/", "http://127.0.0.1.evil.example:9000", TestName = "IP base: a domain that starts like the address")]
    [TestCase("http://127.0.0.1:9000/api/0/", "http://localhost:9000", TestName = "IP base: another name of the machine")]
    [TestCase("http://localhost:9000/api/0/", "http://localhost:9001", TestName = "Single-label base: another port")]
    [TestCase("http://localhost:9000/api/0/", "http://us.localhost:9000", TestName = "Single-label base: a subdomain")]
    [TestCase("https://sentry.example.com/api/0/", "https://other.example.com", TestName = "Self-hosted base: a sibling host")]
    [TestCase("https://sentry.example.com/api/0/", "https://example.com", TestName = "Self-hosted base: the parent domain")]
    [TestCase("https://sentry.example.co.uk/api/0/", "https://attacker.co.uk", TestName = "Self-hosted base: a host under the public suffix")]
    public async Task An_untrusted_region_gets_neither_the_call_nor_the_token_and_the_call_goes_to_the_base_url(string baseUrl, string regionUrl)
    {
        var transport = Sentry(baseUrl, regionUrl);
        var logger = new RecordingLogger();
        using var http = Pipeline(transport, baseUrl, logger);
        var call = new Uri(baseUrl + "organizations/acme/projects/");

        var response = await http.GetAsync(call);
        // The origin was not trusted either: a request sent there directly carries no token.
        await http.GetAsync(new Uri(new Uri(regionUrl), "/api/0/organizations/acme/projects/"));

        var requests = transport.Requests.Select(r => r.Request).ToList();
        Assert.That(response.RequestMessage!.RequestUri, Is.EqualTo(call), "the call went to the base URL");
        Assert.That(requests[1].RequestUri, Is.EqualTo(call));
        Assert.That(requests[1].Headers.Authorization?.Parameter, Is.EqualTo(TestClients.Token), "the base URL still gets the token");
        Assert.That(requests[2].Headers.Authorization, Is.Null, $"{regionUrl} received the token");
        var warning = logger.Entries.Single(e => e.Level == LogLevel.Warning).Message;
        Assert.That(warning, Does.Contain("acme").And.Contain("TrustedRegionOrigins").And.Contain(new Uri(baseUrl).GetLeftPart(UriPartial.Authority)));
        Assert.That(logger.AllText, Does.Not.Contain(TestClients.Token));
    }

    [TestCase(Saas, "https://us.sentry.io")]
    [TestCase(Saas, "https://de.sentry.io/")]
    [TestCase(Saas, "https://US.Sentry.IO")]
    [TestCase("https://us.sentry.io/api/0/", "https://de.sentry.io")]
    [TestCase("https://us.sentry.io/api/0/", "https://sentry.io")]
    [TestCase("https://sentry.example.com/api/0/", "https://eu.sentry.example.com")]
    [TestCase("https://sentry.example.com:8443/api/0/", "https://eu.sentry.example.com:8443")]
    public async Task A_region_under_the_base_urls_trusted_domain_on_the_same_scheme_and_port_gets_the_call_and_the_token(string baseUrl, string regionUrl)
    {
        var transport = Sentry(baseUrl, regionUrl);
        using var http = Pipeline(transport, baseUrl);

        await http.GetAsync(new Uri(baseUrl + "organizations/acme/projects/"));

        var call = transport.Requests[^1].Request;
        Assert.That(call.RequestUri!.GetLeftPart(UriPartial.Authority), Is.EqualTo(new Uri(regionUrl).GetLeftPart(UriPartial.Authority)));
        Assert.That(call.RequestUri.AbsolutePath, Is.EqualTo(new Uri(baseUrl).AbsolutePath + "organizations/acme/projects/"));
        Assert.That(call.Headers.Authorization?.Parameter, Is.EqualTo(TestClients.Token));
    }

    [Test]
    public async Task An_origin_listed_in_the_options_is_followed_with_the_token()
    {
        const string baseUrl = "http://localhost:9000/api/0/";
        var transport = Sentry(baseUrl, "http://localhost:9001");
        using var client = new SentryApiClient(new SentryApiClientOptions
        {
            AuthToken = TestClients.Token,
            BaseUrl = new Uri(baseUrl),
            EnableRegionRouting = true,
            TrustedRegionOrigins = { new Uri("http://localhost:9001") },
        }, transport);

        await client.Organizations.ListOrganizationProjectsAsync("acme");

        var call = transport.Requests[^1].Request;
        Assert.That(call.RequestUri!.AbsoluteUri, Is.EqualTo("http://localhost:9001/api/0/organizations/acme/projects/"));
        Assert.That(call.Headers.Authorization?.Parameter, Is.EqualTo(TestClients.Token));
    }

    [Test]
    public async Task A_listed_origin_trusts_that_origin_only_not_its_other_ports_or_subdomains()
    {
        const string baseUrl = "https://sentry.example.com/api/0/";
        var transport = Sentry(baseUrl, "https://sentry-eu.example.net:8443");
        using var http = Pipeline(transport, baseUrl, trusted: [new Uri("https://sentry-eu.example.net")]);

        await http.GetAsync(new Uri(baseUrl + "organizations/acme/projects/"));

        Assert.That(transport.Requests[^1].Request.RequestUri!.AbsoluteUri, Is.EqualTo(baseUrl + "organizations/acme/projects/"));
    }

    [Test]
    public async Task Through_the_client_an_untrusted_region_is_never_called_and_the_answer_comes_from_the_base_url()
    {
        var transport = Sentry(Saas, "https://collector.evil.example");
        using var client = new SentryApiClient(new SentryApiClientOptions { AuthToken = TestClients.Token, EnableRegionRouting = true }, transport);

        await client.Organizations.ListOrganizationProjectsAsync("acme");
        await client.Organizations.ListOrganizationProjectsAsync("acme");

        Assert.That(transport.Requests.Select(r => r.Request.RequestUri!.Host), Is.All.EqualTo("sentry.io"));
        Assert.That(transport.Requests.Count(r => r.Request.RequestUri!.AbsolutePath == "/api/0/organizations/acme/"), Is.EqualTo(1),
            "an untrusted answer is remembered like a region, not looked up again on every call");
    }

    [TestCase("https://sentry-eu.example.com/api/0/", TestName = "An origin with a path")]
    [TestCase("https://sentry-eu.example.com/?region=eu", TestName = "An origin with a query")]
    [TestCase("https://sentry-eu.example.com/#eu", TestName = "An origin with a fragment")]
    [TestCase("ftp://sentry-eu.example.com", TestName = "An origin that is not http(s)")]
    [TestCase("https://admin:hunter2@sentry-eu.example.com", TestName = "An origin with user info")]
    public void A_trusted_region_origin_that_is_not_a_bare_http_origin_is_refused_when_the_client_is_made(string origin)
    {
        var options = new SentryApiClientOptions { AuthToken = TestClients.Token, TrustedRegionOrigins = { new Uri(origin) } };

        var error = Assert.Throws<ArgumentException>(() => new SentryApiClient(options, StubTransport.Json("[]")).Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("TrustedRegionOrigins"));
        Assert.That(error.Message, Does.Contain("SentryApiClientOptions.TrustedRegionOrigins[0]").And.Not.Contain("hunter2"));
    }

    [Test]
    public void A_relative_trusted_region_origin_is_refused_when_the_client_is_made()
    {
        var options = new SentryApiClientOptions { AuthToken = TestClients.Token, TrustedRegionOrigins = { new Uri("/eu", UriKind.Relative) } };

        var error = Assert.Throws<ArgumentException>(() => new SentryApiClient(options, StubTransport.Json("[]")).Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("TrustedRegionOrigins"));
    }

    [Test]
    public void The_client_keeps_the_trusted_origins_it_was_made_with()
    {
        var options = new SentryApiClientOptions { AuthToken = TestClients.Token, TrustedRegionOrigins = { new Uri("https://sentry-eu.example.com") } };
        using var client = new SentryApiClient(options, StubTransport.Json("[]"));

        options.TrustedRegionOrigins.Add(new Uri("https://evil.example"));

        Assert.That(client.Options.TrustedRegionOrigins, Is.EqualTo(new[] { new Uri("https://sentry-eu.example.com") }));
    }

    // Answers GET {base}organizations/{slug}/ with regionUrl, everything else with [].
    private static StubTransport Sentry(string baseUrl, string regionUrl)
    {
        var lookup = baseUrl + "organizations/acme/";
        return new StubTransport(request => Json(request.RequestUri!.AbsoluteUri == lookup
            ? $$$"""{"id":"1","slug":"acme","links":{"organizationUrl":"https://acme.sentry.io","regionUrl":"{{{regionUrl}}}"}}"""
            : "[]"));
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    // The whole pipeline, as a plain HttpClient, so a test can also send to URLs the generated clients never make.
    private static HttpClient Pipeline(HttpMessageHandler transport, string baseUrl, RecordingLogger? logger = null, Uri[]? trusted = null) =>
        new(SentryApiClient.CreatePipeline(new SentryApiClientOptions
        {
            AuthToken = TestClients.Token,
            BaseUrl = new Uri(baseUrl),
            EnableRegionRouting = true,
            LoggerFactory = logger,
            TrustedRegionOrigins = trusted ?? [],
        }, transport));
}
