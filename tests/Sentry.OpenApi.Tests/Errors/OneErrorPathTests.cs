using System.Net;
using System.Net.Http.Headers;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Errors;

/// <summary>Every failed call surfaces as the SentryApiException hierarchy, with or without the client's pipeline.</summary>
public sealed class OneErrorPathTests
{
    [Test]
    public void A_404_through_an_http_client_without_the_pipeline_is_a_SentryNotFoundException()
    {
        var transport = StubTransport.Json("""{"detail":"The requested resource does not exist"}""", HttpStatusCode.NotFound);
        using var http = new HttpClient(transport);
        using var client = new SentryApiClient(http, new SentryApiClientOptions { AuthToken = TestClients.Token });

        var error = Assert.ThrowsAsync<SentryNotFoundException>(() => client.Issues.RetrieveIssueAsync("acme", "1"));

        Assert.That(error!.Detail, Is.EqualTo("The requested resource does not exist"));
        Assert.That(error.Operation, Is.EqualTo("RetrieveIssue"));
        Assert.That(error.Path, Is.EqualTo("/api/0/organizations/acme/issues/1/"));
    }

    [Test]
    public void A_broken_connection_without_the_pipeline_is_a_SentryTransportException()
    {
        using var http = new HttpClient(new StubTransport(_ => throw new HttpRequestException("connection reset")));
        using var client = new SentryApiClient(http, new SentryApiClientOptions { AuthToken = TestClients.Token });

        var error = Assert.ThrowsAsync<SentryTransportException>(() => client.Issues.RetrieveIssueAsync("acme", "1"));

        Assert.That(error!.Operation, Is.EqualTo("RetrieveIssue"));
    }

    [Test]
    public void A_server_echoing_the_authorization_header_never_puts_the_token_into_the_exception()
    {
        var transport = new StubTransport(request => new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent($$"""{"detail":"Invalid token: {{request.Headers.Authorization}}"}""", System.Text.Encoding.UTF8, "application/json"),
        });
        using var client = TestClients.Create(transport);

        var error = Assert.ThrowsAsync<SentryUnauthorizedException>(() => client.Issues.RetrieveIssueAsync("acme", "1"));

        Assert.That(error!.Message, Does.Not.Contain(TestClients.Token));
        Assert.That(error.Detail, Does.Not.Contain(TestClients.Token).And.Contain("[redacted]"));
        Assert.That(error.ResponseBody, Does.Not.Contain(TestClients.Token));
        Assert.That(error.ToString(), Does.Not.Contain(TestClients.Token));
    }

    [Test]
    public void A_caller_set_authorization_header_is_redacted_too_when_the_pipeline_is_skipped()
    {
        const string secret = "callers-own-secret";
        var transport = new StubTransport(request => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent($$"""{"detail":"echo {{request.Headers.Authorization!.Parameter}}"}"""),
        });
        using var http = new HttpClient(transport);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var client = new SentryApiClient(http, new SentryApiClientOptions { AuthToken = TestClients.Token });

        var error = Assert.ThrowsAsync<SentryBadRequestException>(() => client.Issues.RetrieveIssueAsync("acme", "1"));

        Assert.That(error!.Message + error.ResponseBody + error.Detail, Does.Not.Contain(secret));
    }
}
