using System.Net;
using System.Net.Sockets;
using Sentry.OpenApi.ContractTests.WireMock;
using Sentry.OpenApi.Generator;

namespace Sentry.OpenApi.ContractTests;

/// <summary>
/// The sandbox other teams get: `sentry-openapi mocks --out DIR` then `java -jar wiremock.jar --root-dir DIR`
/// serves a Sentry API from the spec alone, and the client works against it.
/// </summary>
[TestFixture]
[Category("Sandbox")]
public sealed class SandboxTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Wiremock_serves_the_mocks_written_by_the_spec_tool(CancellationToken cancellationToken)
    {
        using var sandboxDir = new TemporaryDirectory();
        var dir = sandboxDir.Path;
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(["mocks", "--spec", RepositoryPaths.BundledSpec, "--out", dir, "--base-url", baseUrl.AbsoluteUri], output, error, cancellationToken);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());

        using var sandbox = await WireMockProcess.StartAsync(RepositoryPaths.WireMockJar, TimeSpan.FromSeconds(60), dir, port);
        using var client = new SentryApiClient(new SentryApiClientOptions { AuthToken = "any-token", BaseUrl = new Uri(baseUrl, "api/0/") }, new SocketsHttpHandler());

        var issues = new List<Issue>();
        await foreach (var issue in client.Issues.ListOrganizationIssuesAllAsync("the-interstellar-jurisdiction", cancellationToken: cancellationToken))
        {
            issues.Add(issue);
        }

        var details = await client.Issues.RetrieveIssueAsync("the-interstellar-jurisdiction", "1", cancellationToken);
        var team = await client.Teams.RetrieveTeamAsync("the-interstellar-jurisdiction", "powerful-abolitionist", cancellationToken);

        Assert.That(issues.Select(i => i.ShortId), Does.Contain("PUMP-STATION-1"));
        Assert.That(details.Title, Is.EqualTo("This is an example python exception"));
        Assert.That(team.Slug, Is.EqualTo("powerful-abolitionist"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
