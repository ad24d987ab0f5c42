namespace Sentry.Cli.Tests;

/// <summary>
/// The base of the command tests: a fresh <see cref="FakeSentry"/> per test, and <see cref="RunAsync"/>, which runs
/// the tool against it (with <c>--org acme</c>, its base URL and a test token) and checks that the token was
/// printed nowhere, whatever the test is about.
/// </summary>
[TestFixtureSource(typeof(ToolRunner), nameof(ToolRunner.Both))]
[CancelAfter(120_000)]
public abstract class ToolTests(ToolRunner runner)
{
    public const string Token = "sntryu_cli_test_7d1e9a4b2c";

    protected FakeSentry Sentry { get; private set; } = null!;

    protected ToolRunner Runner => runner;

    [SetUp]
    public void StartFakeSentry() => Sentry = new FakeSentry();

    [TearDown]
    public void StopFakeSentry() => Sentry.Dispose();

    /// <summary>Runs the tool against the fake Sentry, as the organization <c>acme</c>.</summary>
    protected Task<ToolRun> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string?>(), null, [.. args, "--org", "acme", "--base-url", Sentry.BaseUrl, "--token", Token]);

    /// <summary>Runs the tool with exactly these arguments, environment and standard input.</summary>
    protected async Task<ToolRun> RunWithAsync(IReadOnlyDictionary<string, string?> environment, string? input, params string[] args)
    {
        var run = await runner.RunAsync(environment, input, args);
        Assert.That(run.Output + run.Error, Does.Not.Contain(Token), $"sentry-api {string.Join(' ', args)} printed the token:\n{run}");
        TestContext.Out.WriteLine($"sentry-api {string.Join(' ', args)}\n{run}");
        return run;
    }

    /// <summary>The one request the fake received.</summary>
    protected RecordedRequest SingleRequest()
    {
        Assert.That(Sentry.Requests, Has.Count.EqualTo(1), "requests: " + string.Join(", ", Sentry.Requests));
        return Sentry.Requests[0];
    }
}
