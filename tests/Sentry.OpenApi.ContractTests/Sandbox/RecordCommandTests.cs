using Newtonsoft.Json.Linq;
using Sentry.OpenApi.ContractTests.Contract;
using Sentry.OpenApi.ContractTests.Replay;
using Sentry.OpenApi.ContractTests.WireMock;
using Sentry.OpenApi.Generator;
using WireMock.ResponseBuilders;
using static Sentry.OpenApi.ContractTests.WireMock.Stubs;

namespace Sentry.OpenApi.ContractTests.Sandbox;

/// <summary>
/// `sentry-openapi record` in front of a local stand-in for Sentry: calls go through to it, each
/// response is saved as a WireMock.Net mapping that the Replay tests read, and no saved file holds the
/// token or a cookie, even when the server echoes them.
/// </summary>
[TestFixture]
[Category("Sandbox")]
public sealed class RecordCommandTests
{
    private const string Token = "sntrys_recording_secret_token_0123456789";
    private const string Cookie = "sentrysid=cookie_secret_abcdef0123";

    [Test]
    [CancelAfter(60_000)]
    public async Task Record_saves_replayable_mappings_without_the_token_or_cookies(CancellationToken cancellationToken)
    {
        // The stand-in answers with a documented organization (the spec's example), so the saved mapping replays losslessly.
        var organizationJson = (JObject)ContractCase.All.Single(c => c.Name == "RetrieveOrganization/default").ResponseExample!.DeepClone();
        organizationJson["slug"] = "acme";
        using var upstream = TestServers.Start();
        upstream.Given(On("GET", "/api/0/organizations/acme/")).RespondWith(
            JsonBody(organizationJson.ToString(Newtonsoft.Json.Formatting.None)).WithHeader("Set-Cookie", "sentrysid=server_cookie_secret_987; Path=/; HttpOnly"));
        upstream.Given(On("GET", "/api/0/organizations/echo/")).RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json")
            .WithBody(request => $$"""{"detail":"Invalid token: {{request.Headers!["Authorization"][0]}}; cookie {{request.Headers!["Cookie"][0]}}"}"""));
        using var dir = new TemporaryDirectory();
        var rec = Path.Combine(dir.Path, "rec");

        await using (var recorder = ToolSession.Start("record", "--target", upstream.BaseUrl().AbsoluteUri, "--out", rec, "--port", "0"))
        {
            var proxy = await recorder.UrlAsync();
            using var client = new SentryApiClient(new SentryApiClientOptions { AuthToken = Token, BaseUrl = new Uri(proxy, "api/0/") }, new SocketsHttpHandler());
            var organization = await client.Organizations.RetrieveOrganizationAsync("acme", cancellationToken);
            using var http = new HttpClient();
            using var echo = new HttpRequestMessage(HttpMethod.Get, new Uri(proxy, "api/0/organizations/echo/"));
            echo.Headers.Add("Authorization", $"Bearer {Token}");
            echo.Headers.Add("Cookie", Cookie);
            using var echoed = await http.SendAsync(echo, cancellationToken);

            Assert.That(organization.Slug, Is.EqualTo("acme"), "the call went through the proxy");
            Assert.That(await echoed.Content.ReadAsStringAsync(cancellationToken), Does.Contain(Token), "the caller still sees the live response");
            Assert.That(await recorder.StopAsync(), Is.EqualTo(ExitCodes.Ok), recorder.Error);
            Assert.That(recorder.Output, Does.Contain("recorded 2 mappings"));
        }

        Assert.That(upstream.Requests().Select(r => r.Header("Authorization")), Is.All.EqualTo($"Bearer {Token}"), "the target got the token");
        var saved = Directory.GetFiles(Path.Combine(rec, "mappings"));
        Assert.That(saved, Has.Length.EqualTo(2));
        foreach (var file in Directory.GetFiles(rec, "*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            Assert.That(text, Does.Not.Contain("sntrys_recording_secret").And.Not.Contain("cookie_secret").And.Not.Contain("server_cookie_secret"), file);
            Assert.That(text, Does.Not.Contain("Set-Cookie").And.Not.Contain("Authorization"), file);
        }

        var recordings = Recording.In([rec], SpecContract.Current).ToList();
        Assert.That(recordings.Select(r => (r.Format, r.Operation?.OperationId, r.Status)),
            Is.EquivalentTo(new[] { ("wiremock-net", "RetrieveOrganization", 200), ("wiremock-net", "RetrieveOrganization", 401) }));
        using var replayServer = TestServers.Start();
        using var replayClient = new SentryApiClient(new SentryApiClientOptions { AuthToken = "any", BaseUrl = new Uri(replayServer.BaseUrl(), "api/0/") }, new SocketsHttpHandler());
        var replay = await Replayer.ReplayAsync(replayServer, replayClient, recordings.Single(r => r.Status == 200));
        Assert.That(replay.Failures, Is.Empty, "the saved mapping replays through the Replay suite's loader");
    }

    [Test]
    public async Task Record_without_a_target_is_a_usage_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await Cli.RunAsync(["record", "--out", "rec"], output, error);

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error.ToString(), Does.Contain("--target"));
    }
}
