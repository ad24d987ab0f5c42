using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Auth;

public sealed class BearerTokenHandlerTests
{
    [Test]
    public async Task Requests_to_the_configured_origin_carry_the_bearer_token()
    {
        var transport = StubTransport.Json("[]");
        using var client = TestClients.Create(transport);

        await client.Organizations.ListOrganizationsAsync();

        var request = transport.Requests.Single().Request;
        Assert.That(request.Headers.Authorization?.ToString(), Is.EqualTo($"Bearer {TestClients.Token}"));
        Assert.That(request.RequestUri!.AbsoluteUri, Is.EqualTo("https://sentry.io/api/0/organizations/"));
    }

    [Test]
    public async Task Requests_to_another_host_never_carry_the_token()
    {
        var transport = StubTransport.Json("[]");
        var pipeline = SentryApiClient.CreatePipeline(new SentryApiClientOptions { AuthToken = TestClients.Token }, transport);
        using var http = new HttpClient(pipeline);

        await http.GetAsync(new Uri("https://evil.example.com/api/0/organizations/"));
        await http.GetAsync(new Uri("http://sentry.io/api/0/organizations/")); // other scheme, other origin

        Assert.That(transport.Requests.Select(r => r.Request.Headers.Authorization), Is.All.Null);
    }

    [Test]
    public async Task Every_request_sends_the_configured_user_agent()
    {
        var transport = StubTransport.Json("[]");
        using var client = TestClients.Create(transport, o => o.UserAgent = "my-tool/1.2");

        await client.Projects.ListProjectsAsync();

        Assert.That(transport.Requests.Single().Request.Headers.UserAgent.ToString(), Is.EqualTo("my-tool/1.2"));
    }
}
