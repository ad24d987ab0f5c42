using Newtonsoft.Json.Linq;

namespace Sentry.Cli.Tests;

public sealed class ApiTests(ToolRunner runner) : ToolTests(runner)
{
    [TestCase("organizations/acme/")]
    [TestCase("/organizations/acme/")]
    [TestCase("/api/0/organizations/acme/")]
    [TestCase("organizations/acme")]
    public async Task PathsAreRelativeToTheApiRootWithOrWithoutItsPrefix(string path)
    {
        Sentry.On("GET", "/api/0/organizations/acme/", Reply.Ok(Samples.Organization().ToString()));

        var run = await RunAsync("api", "GET", path);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var request = SingleRequest();
        Assert.That(request.ToString(), Is.EqualTo("GET /api/0/organizations/acme/"));
        Assert.That(request.Authorization, Is.EqualTo("Bearer " + Token));
        Assert.That((string?)JObject.Parse(run.Output)["slug"], Is.EqualTo("acme"), "the response body, as JSON");
    }

    [Test]
    public async Task TheQueryStringOfThePathIsSent()
    {
        Sentry.On("GET", "/api/0/organizations/acme/issues/", Reply.Ok("[]"));

        var run = await RunAsync("api", "get", "organizations/acme/issues/?query=is:unresolved&limit=5");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Values["query"], Is.EqualTo("is:unresolved"));
        Assert.That(SingleRequest().Values["limit"], Is.EqualTo("5"));
    }

    [Test]
    public async Task PutSendsTheDataAsAJsonBody()
    {
        Sentry.On("PUT", "/api/0/organizations/acme/issues/1/", Reply.Ok(Samples.Issue("1", status: "resolved").ToString()));

        var run = await RunAsync("api", "PUT", "organizations/acme/issues/1/", "--data", """{"status": "resolved"}""");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var request = SingleRequest();
        Assert.That(request.Method, Is.EqualTo("PUT"));
        Assert.That(request.Body, Is.EqualTo("""{"status": "resolved"}"""), "the body as given");
        Assert.That(request.ContentType, Does.StartWith("application/json"));
        Assert.That((string?)JObject.Parse(run.Output)["status"], Is.EqualTo("resolved"));
    }

    [Test]
    public async Task DataFromAFileWithAnAtSign()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("body.json", """{"isBookmarked": true}""");
        Sentry.On("POST", "/api/0/organizations/acme/things/", Reply.Status(201, """{"id":"1"}"""));

        var run = await RunAsync("api", "POST", "organizations/acme/things/", "--data", "@" + file);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Body, Is.EqualTo("""{"isBookmarked": true}"""));
    }

    [Test]
    public async Task DeleteWithAnEmptyAnswerPrintsNothing()
    {
        Sentry.On("DELETE", "/api/0/organizations/acme/issues/1/", Reply.Status(202));

        var run = await RunAsync("api", "DELETE", "organizations/acme/issues/1/");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Method, Is.EqualTo("DELETE"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task AllFollowsTheLinkHeaderCursorsAndPrintsOneItemPerLine()
    {
        Sentry.Pages("/api/0/organizations/acme/issues/", Samples.Issues("1", "2"), Samples.Issues("3"), Samples.Issues("4"));

        var run = await RunAsync("api", "GET", "/api/0/organizations/acme/issues/?query=is:unresolved", "--all");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(run.OutputLines.Select(l => (string?)JObject.Parse(l)["id"]), Is.EqualTo(new[] { "1", "2", "3", "4" }));
            Assert.That(Sentry.Requests.Select(r => r.Values["cursor"]), Is.EqualTo(new[] { null, "0:100:0", "0:200:0" }));
            Assert.That(Sentry.Requests.Select(r => r.Values["query"]), Is.All.EqualTo("is:unresolved"), "the path's own parameters stay on every page");
            Assert.That(run.Error, Does.Contain("page 3: 1 items (4 so far)").And.Contain("4 items in all"));
        });
    }

    [Test]
    public async Task AnErrorExitsOneWithSentrysDetail()
    {
        Sentry.On("GET", "/api/0/organizations/acme/nothing/", Reply.Status(404, """{"detail":"The requested resource does not exist"}"""));

        var run = await RunAsync("api", "GET", "organizations/acme/nothing/");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ApiError), run.ToString());
        Assert.That(run.Error, Does.Contain("404 GET /api/0/organizations/acme/nothing/: The requested resource does not exist"));
    }

    [Test]
    public async Task FieldErrorsOfABadRequestAreTheDetail()
    {
        Sentry.On("POST", "/api/0/organizations/acme/teams/", Reply.Status(400, """{"slug":["This field is required."]}"""));

        var run = await RunAsync("api", "POST", "organizations/acme/teams/", "--data", "{}");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ApiError), run.ToString());
        Assert.That(run.Error, Does.Contain("slug: This field is required."));
    }

    [Test]
    public async Task ARateLimitedGetIsRetriedAfterRetryAfter()
    {
        Sentry.On("GET", "/api/0/organizations/acme/", Reply.Status(429, """{"detail":"slow down"}""", ("Retry-After", "0")), Reply.Ok(Samples.Organization().ToString()));

        var run = await RunAsync("api", "GET", "organizations/acme/");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(Sentry.Requests, Has.Count.EqualTo(2), "the library's retry handler is in the pipeline");
    }

    [Test]
    public async Task TheTokenIsRedactedFromAnErrorBodyThatEchoesIt()
    {
        Sentry.On("GET", "/api/0/organizations/acme/", Reply.Status(401, $$"""{"detail":"Invalid token header: Bearer {{Token}}"}"""));

        var run = await RunAsync("api", "GET", "organizations/acme/", "--verbose");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ApiError), run.ToString());
        Assert.That(run.Error, Does.Contain("Invalid token header: Bearer [redacted]"), "RunAsync checks the token itself is nowhere");
    }

    [TestCase("https://evil.example/api/0/organizations/acme/")]
    [TestCase("//evil.example/api/0/")]
    [TestCase("ftp://evil.example/x")]
    [TestCase("../../../other/")]
    [TestCase("organizations/../../../")]
    public async Task PathsThatLeaveTheApiRootAreRefusedBeforeSending(string path)
    {
        var run = await RunAsync("api", "GET", path);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: api:"));
        Assert.That(Sentry.Requests, Is.Empty);
    }

    [Test]
    public async Task ABaseUrlWithoutItsTrailingSlashStillResolvesPathsUnderTheApiRoot()
    {
        Sentry.On("GET", "/api/0/organizations/acme/", Reply.Ok(Samples.Organization().ToString()));

        var run = await RunWithAsync(new Dictionary<string, string?>(), null, "api", "GET", "organizations/acme/", "--base-url", Sentry.BaseUrl.TrimEnd('/'), "--token", Token);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Path, Is.EqualTo("/api/0/organizations/acme/"));
    }

    [Test]
    public async Task AnAbsoluteUrlUnderTheApiRootIsAccepted()
    {
        Sentry.On("GET", "/api/0/organizations/acme/", Reply.Ok(Samples.Organization().ToString()));

        var run = await RunAsync("api", "GET", Sentry.BaseUrl + "organizations/acme/");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Path, Is.EqualTo("/api/0/organizations/acme/"));
    }

    [TestCase("PATCH", "organizations/acme/", null)]
    [TestCase("PUT", "organizations/acme/", "{not json")]
    [TestCase("GET", "organizations/acme/", "{}")]
    public async Task BadMethodsAndBodiesAreUsageErrors(string method, string path, string? data)
    {
        var run = data is null ? await RunAsync("api", method, path) : await RunAsync("api", method, path, "--data", data);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(Sentry.Requests, Is.Empty);
    }
}
