using NUnit.Framework.Interfaces;
using WireMock.Server;

namespace Sentry.OpenApi.ContractTests.WireMock;

/// <summary>
/// Base of tests against an in-process WireMock.Net server: one server per fixture (fixtures run in
/// parallel), emptied before each test, and its request log attached to a failing test.
/// </summary>
public abstract class WireMockTest
{
    internal const string Token = "sntrys_contract_test_token";

    private WireMockServer? _server;
    private DateTime _since = DateTime.MinValue;

    internal WireMockServer Server => _server ?? throw new InvalidOperationException("The fixture's WireMock.Net server is not running.");

    /// <summary>The API root clients under test use: the server, with Sentry's /api/0/ prefix.</summary>
    internal Uri ApiRoot => new(Server.BaseUrl(), "api/0/");

    /// <summary>
    /// The requests the server received since the last reset, oldest first. A request is logged when its
    /// response ends, so one a previous test left waiting on a delay can appear late: it is filtered out by its arrival time.
    /// </summary>
    internal IReadOnlyList<WireRequest> Requests => Server.Requests(_since);

    [OneTimeSetUp]
    public void StartServer() => _server = TestServers.Start();

    [OneTimeTearDown]
    public void StopServer()
    {
        _server?.Stop();
        _server?.Dispose();
        _server = null;
    }

    [SetUp]
    public void ResetServer()
    {
        Server.Reset();
        Server.ResetScenarios();
        _since = DateTime.UtcNow;
    }

    [TearDown]
    public void AttachRequestLogOnFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Failed)
        {
            return;
        }

        var file = Path.Combine(Path.GetTempPath(), $"wiremock-{Guid.NewGuid():N}.log");
        File.WriteAllText(file, "Requests (stub that answered, or none):\n" +
            string.Join("\n", Requests.Select(r => $"{r} -> {r.MappingTitle ?? r.MappingGuid?.ToString() ?? "no stub"}")) +
            "\n\nStubs:\n" + string.Join("\n", Server.Mappings.Select(m => $"{m.Guid} {m.Title}")));
        TestContext.AddTestAttachment(file, "WireMock.Net request log and stubs");
    }

    /// <summary>A client for the server with the contract-test token.</summary>
    internal SentryApiClient CreateClient(Action<SentryApiClientOptions>? configure = null)
    {
        var options = new SentryApiClientOptions { AuthToken = Token, BaseUrl = ApiRoot, Timeout = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        return new SentryApiClient(options, new SocketsHttpHandler());
    }
}
