using System.Net;
using System.Text;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Errors;

public sealed class ErrorResponseTests
{
    [Test]
    public void A_404_with_sentrys_detail_becomes_SentryNotFoundException_with_that_detail()
    {
        var transport = StubTransport.Json("""{"detail":"The requested resource does not exist"}""", HttpStatusCode.NotFound);
        using var client = TestClients.Create(transport);

        var error = Assert.ThrowsAsync<SentryNotFoundException>(() => client.Issues.RetrieveIssueAsync("the-interstellar-jurisdiction", "404"));

        Assert.That(error!.Detail, Is.EqualTo("The requested resource does not exist"));
        Assert.That(error.StatusCode, Is.EqualTo(404));
        Assert.That(error.Method, Is.EqualTo("GET"));
        Assert.That(error.Path, Is.EqualTo("/api/0/organizations/the-interstellar-jurisdiction/issues/404/"));
        Assert.That(error.Message, Does.Not.Contain(TestClients.Token));
    }

    [Test]
    public void A_bare_json_string_body_is_read_as_the_detail()
    {
        var transport = StubTransport.Json("\"You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds\"",
            HttpStatusCode.TooManyRequests, r => r.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limit-Reset", "1735689601"));
        using var client = TestClients.Create(transport);

        var error = Assert.ThrowsAsync<SentryRateLimitedException>(() => client.Projects.ListProjectsAsync());

        Assert.That(error!.Detail, Does.StartWith("You are attempting to use this endpoint too frequently"));
        Assert.That(error.RateLimit?.Reset, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1735689601)));
    }

    [Test]
    public void Field_errors_of_a_400_are_kept_per_field()
    {
        var transport = StubTransport.Json("""{"slug":["This field is required."],"name":["Too long.","Invalid."]}""", HttpStatusCode.BadRequest);
        using var client = TestClients.Create(transport);

        var error = Assert.ThrowsAsync<SentryBadRequestException>(() => client.Projects.UpdateProjectAsync("org", "proj", new ProjectUpdate { Name = "x" }));

        Assert.That(error!.FieldErrors["slug"], Is.EqualTo(new[] { "This field is required." }));
        Assert.That(error.FieldErrors["name"], Has.Count.EqualTo(2));
        Assert.That(error.Detail, Does.Contain("slug: This field is required."));
    }

    [TestCase(HttpStatusCode.Unauthorized, typeof(SentryUnauthorizedException))]
    [TestCase(HttpStatusCode.Forbidden, typeof(SentryForbiddenException))]
    [TestCase(HttpStatusCode.Conflict, typeof(SentryConflictException))]
    [TestCase(HttpStatusCode.InternalServerError, typeof(SentryServerException))]
    [TestCase(HttpStatusCode.BadGateway, typeof(SentryServerException))]
    public void Each_error_status_maps_to_its_exception_type(HttpStatusCode status, Type expected)
    {
        var transport = StubTransport.Json("""{"detail":"no"}""", status);
        using var client = TestClients.Create(transport);

        var error = Assert.CatchAsync<SentryApiException>(() => client.Organizations.ListOrganizationsAsync());

        Assert.That(error, Is.TypeOf(expected));
        Assert.That(error!.Detail, Is.EqualTo("no"));
    }

    [Test]
    public void An_html_200_becomes_SentryResponseFormatException_with_the_operation_and_a_body_excerpt()
    {
        var transport = new StubTransport(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html><body>Gateway login</body></html>", Encoding.UTF8, "text/html"),
        });
        using var client = TestClients.Create(transport);

        var error = Assert.ThrowsAsync<SentryResponseFormatException>(() => client.Organizations.RetrieveOrganizationAsync("the-interstellar-jurisdiction"));

        Assert.That(error!.ResponseBody, Does.StartWith("<html>"));
        Assert.That(error.Message, Does.Contain("GET /api/0/organizations/the-interstellar-jurisdiction/").And.Contain("<html>"));
    }

    [Test]
    public void A_body_of_the_wrong_shape_names_the_json_path()
    {
        var transport = StubTransport.Json("""{"id":"7","slug":"acme","name":"Acme","features":{"not":"a list"}}""");
        using var client = TestClients.Create(transport);

        var error = Assert.ThrowsAsync<SentryResponseFormatException>(() => client.Organizations.RetrieveOrganizationAsync("acme"));

        Assert.That(error!.JsonPath, Does.StartWith("features"));
        Assert.That(error.Message, Does.Contain("JSON path 'features"));
    }
}
