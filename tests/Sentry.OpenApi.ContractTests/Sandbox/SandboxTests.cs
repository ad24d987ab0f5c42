using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sentry.OpenApi.ContractTests.WireMock;
using Sentry.OpenApi.Generator;

namespace Sentry.OpenApi.ContractTests.Sandbox;

/// <summary>
/// The sandbox other teams get, without Java: `sentry-openapi sandbox` serves the spec's examples from an
/// in-process WireMock.Net until Ctrl+C, and `mocks --out DIR` writes mappings any WireMock.Net loads.
/// </summary>
[TestFixture]
[Category("Sandbox")]
public sealed class SandboxTests
{
    private const string Org = "the-interstellar-jurisdiction";

    private static async Task AssertServesTheExamplesAsync(Uri root, CancellationToken cancellationToken)
    {
        using var client = new SentryApiClient(new SentryApiClientOptions { AuthToken = "any-token", BaseUrl = new Uri(root, "api/0/") }, new SocketsHttpHandler());
        var issues = new List<Issue>();
        await foreach (var issue in client.Issues.ListOrganizationIssuesAllAsync(Org, cancellationToken: cancellationToken))
        {
            issues.Add(issue);
        }

        var details = await client.Issues.RetrieveIssueAsync(Org, "1", cancellationToken);
        var team = await client.Teams.RetrieveTeamAsync(Org, "powerful-abolitionist", cancellationToken);

        Assert.That(issues.Select(i => i.ShortId), Does.Contain("PUMP-STATION-1"), "the paginated list, walked through its Link header");
        Assert.That(details.Title, Is.EqualTo("This is an example python exception"));
        Assert.That(team.Slug, Is.EqualTo("powerful-abolitionist"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_sandbox_command_serves_the_examples_until_stopped(CancellationToken cancellationToken)
    {
        await using var sandbox = ToolSession.Start("sandbox", "--spec", RepositoryPaths.BundledSpec, "--port", "0");
        var root = await sandbox.UrlAsync();

        await AssertServesTheExamplesAsync(root, cancellationToken);

        Assert.That(await sandbox.StopAsync(), Is.EqualTo(ExitCodes.Ok), sandbox.Error);
        Assert.That(sandbox.Output, Does.Contain("sandbox stopped after"));
        using var after = new HttpClient();
        Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(new Uri(root, "api/0/organizations/"), cancellationToken), "nothing listens after the stop");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_sandbox_on_a_port_in_use_is_one_error_line_and_exit_2()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await Cli.RunAsync(["sandbox", "--spec", RepositoryPaths.BundledSpec, "--port", $"{port}"], output, error);

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), error.ToString());
        Assert.That(error.ToString().TrimEnd().Split('\n'), Is.EqualTo(new[] { $"error: port {port} on 127.0.0.1 is in use; stop what listens there or pass another --port (0 picks a free one)." }));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task The_sandbox_process_stops_cleanly_when_told_to_terminate(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root };
        foreach (var arg in new[] { ToolDll, "sandbox", "--port", "0" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            var firstLine = await process.StandardOutput.ReadLineAsync(cancellationToken) ?? "";
            var root = new Uri(ToolSession.LoopbackUrl().Match(firstLine).Value);
            using (var http = new HttpClient())
            {
                using var response = await http.GetAsync(new Uri(root, "api/0/organizations/"), cancellationToken);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            // SIGTERM takes the same path as Ctrl+C (SIGINT), which a test host started in the background may have ignored.
            var kill = await ExternalProcess.RunAsync("kill", ["-TERM", $"{process.Id}"], TimeSpan.FromSeconds(10));
            Assert.That(kill.ExitCode, Is.Zero, kill.ToString());
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            var rest = await process.StandardOutput.ReadToEndAsync(cancellationToken);

            Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.Ok), await error);
            Assert.That(rest, Does.Contain("sandbox stopped after 1 requests"));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_wiremock_net_server_serves_the_mappings_written_by_mocks(CancellationToken cancellationToken)
    {
        using var sandboxDir = new TemporaryDirectory();
        var dir = Path.Combine(sandboxDir.Path, "sandbox");
        using var server = TestServers.Start();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(["mocks", "--spec", RepositoryPaths.BundledSpec, "--out", dir, "--base-url", server.BaseUrl().AbsoluteUri], output, error, cancellationToken);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());

        server.ReadStaticMappings(Path.Combine(dir, "mappings"));

        Assert.That(server.Mappings.Count(), Is.EqualTo(Directory.GetFiles(Path.Combine(dir, "mappings")).Length), "every mapping file loads");
        await AssertServesTheExamplesAsync(server.BaseUrl(), cancellationToken);
    }

    // The spec tool as built beside the tests (same configuration), run as its own process.
    private static string ToolDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var dll = Path.Combine(RepositoryPaths.Root, "generator", "Sentry.OpenApi.Generator", "bin", configuration, "net10.0", "sentry-openapi.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"the spec tool is not built at {dll}");
        }
    }
}
