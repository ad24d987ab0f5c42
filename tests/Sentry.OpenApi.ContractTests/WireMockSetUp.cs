using NUnit.Framework.Interfaces;
using Sentry.OpenApi.ContractTests.Infrastructure;
using Sentry.OpenApi.ContractTests.WireMock;

namespace Sentry.OpenApi.ContractTests;

/// <summary>
/// Starts one WireMock server for the whole contract suite (the assembly's root namespace) and stops
/// it at the end, pass or fail.
/// </summary>
[SetUpFixture]
public sealed class WireMockSetUp
{
    private static WireMockProcess? _server;
    private static WireMockAdmin? _admin;

    internal static WireMockProcess Server => _server ?? throw new InvalidOperationException("WireMock is not running.");

    internal static WireMockAdmin Admin => _admin ?? throw new InvalidOperationException("WireMock is not running.");

    [OneTimeSetUp]
    public async Task StartWireMock()
    {
        _server = await WireMockProcess.StartAsync(RepositoryPaths.WireMockJar, TimeSpan.FromSeconds(60));
        _admin = new WireMockAdmin(_server.BaseUrl);
        TestContext.Progress.WriteLine($"WireMock listening on {_server.BaseUrl}");
    }

    [OneTimeTearDown]
    public void StopWireMock()
    {
        _admin?.Dispose();
        _server?.Dispose();
        _admin = null;
        _server = null;
    }
}

/// <summary>
/// Base of tests that talk to WireMock: a clean server before each test, and WireMock's log plus
/// the unmatched requests attached to a failing test.
/// </summary>
public abstract class WireMockTest
{
    internal static WireMockAdmin Admin => WireMockSetUp.Admin;

    /// <summary>The API root clients under test use: WireMock, with Sentry's /api/0/ prefix.</summary>
    internal static Uri ApiRoot => new(WireMockSetUp.Server.BaseUrl, "api/0/");

    internal const string Token = "sntrys_contract_test_token";

    [SetUp]
    public async Task ResetWireMock() => await Admin.ResetAsync();

    [TearDown]
    public async Task AttachWireMockLogOnFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Failed)
        {
            return;
        }

        var unmatched = await Admin.UnmatchedRequestsAsync();
        var file = Path.Combine(Path.GetTempPath(), $"wiremock-{Guid.NewGuid():N}.log");
        await File.WriteAllTextAsync(file,
            $"Unmatched requests:\n{string.Join("\n", unmatched.Select(r => $"{r.Method} {r.Url}"))}\n\nWireMock log:\n{WireMockSetUp.Server.Log}");
        TestContext.AddTestAttachment(file, "WireMock log and unmatched requests");
    }

    /// <summary>A client for WireMock with the contract-test token.</summary>
    internal static SentryApiClient CreateClient(Action<SentryApiClientOptions>? configure = null)
    {
        var options = new SentryApiClientOptions { AuthToken = Token, BaseUrl = ApiRoot, Timeout = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        return new SentryApiClient(options, new SocketsHttpHandler());
    }
}
