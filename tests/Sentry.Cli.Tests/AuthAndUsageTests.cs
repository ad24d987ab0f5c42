namespace Sentry.Cli.Tests;

/// <summary>Where the token and organization come from, and what the tool does without them.</summary>
public sealed class AuthAndUsageTests(ToolRunner runner) : ToolTests(runner)
{
    private const string OrgPath = "/api/0/organizations/acme/";

    [Test]
    public async Task TheOrganizationComesFromSentryOrgWhenNoOrgIsGiven()
    {
        Sentry.On("GET", OrgPath, Reply.Ok(Samples.Organization().ToString()));

        var run = await RunWithAsync(new Dictionary<string, string?> { ["SENTRY_ORG"] = "acme" }, null, "org", "show", "--base-url", Sentry.BaseUrl, "--token", Token);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Path, Is.EqualTo(OrgPath));
    }

    [Test]
    public async Task NoOrganizationIsAUsageError()
    {
        var run = await RunWithAsync(new Dictionary<string, string?>(), null, "org", "show", "--base-url", Sentry.BaseUrl, "--token", Token);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("--org").And.Contain("SENTRY_ORG"));
        Assert.That(Sentry.Requests, Is.Empty);
    }

    [Test]
    public async Task TheBaseUrlComesFromSentryUrlAsAServerRoot()
    {
        Sentry.On("GET", OrgPath, Reply.Ok(Samples.Organization().ToString()));

        var run = await RunWithAsync(new Dictionary<string, string?> { ["SENTRY_URL"] = $"http://127.0.0.1:{Sentry.Port}" }, null, "org", "show", "--org", "acme", "--token", Token);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Path, Is.EqualTo(OrgPath), "a server root gets /api/0/");
    }

    [Test]
    public async Task VerboseLogsEachRequestButNeverTheToken()
    {
        Sentry.On("GET", OrgPath, Reply.Ok(Samples.Organization().ToString()));

        var run = await RunAsync("org", "show", "--verbose");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Error, Does.Contain($"> GET {Sentry.BaseUrl}organizations/acme/").And.Contain("< 200"));
        Assert.That(run.Error, Does.Not.Contain("Bearer"), "no header is logged");
    }

    [TestCase]
    [TestCase("issues")]
    [TestCase("issues", "frobnicate")]
    [TestCase("issues", "show")]
    [TestCase("issues", "list", "--no-such-option")]
    public async Task UnknownCommandsMissingArgumentsAndOptionsAreUsageErrors(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("error:"));
        Assert.That(Sentry.Requests, Is.Empty);
    }

    [Test]
    public async Task HelpPrintsUsageAndExitsZero()
    {
        var run = await RunWithAsync(new Dictionary<string, string?>(), null, "issues", "list", "--help");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("--first-seen").And.Contain("--times-seen").And.Contain("--all"));
    }

    [Test]
    public async Task ABaseUrlThatIsNoApiRootIsAUsageErrorNamingTheFlag()
    {
        var run = await RunWithAsync(new Dictionary<string, string?>(), null, "org", "show", "--org", "acme", "--token", Token, "--base-url", $"http://127.0.0.1:{Sentry.Port}/somewhere/");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("--base-url").And.Contain("/api/0/"));
        Assert.That(Sentry.Requests, Is.Empty);
    }
}

/// <summary>
/// The token from the environment and from <c>~/.netrc</c>, and none at all: the library reads the real process
/// environment and home, so these run the tool as a process only, with the environment each test sets.
/// </summary>
[CancelAfter(120_000)]
public sealed class TokenSourceTests
{
    private const string EnvironmentToken = "sntryu_from_environment_5b8c";
    private readonly ToolRunner _tool = new ToolRunner.Process();
    private FakeSentry _sentry = null!;

    [SetUp]
    public void StartFakeSentry()
    {
        _sentry = new FakeSentry();
        _sentry.On("GET", "/api/0/organizations/acme/", Reply.Ok(Samples.Organization().ToString()));
    }

    [TearDown]
    public void StopFakeSentry() => _sentry.Dispose();

    [Test]
    public async Task TheTokenComesFromSentryAuthTokenWithoutToken()
    {
        var run = await _tool.RunAsync(new Dictionary<string, string?> { ["SENTRY_AUTH_TOKEN"] = EnvironmentToken }, null, ["org", "show", "--org", "acme", "--base-url", _sentry.BaseUrl, "--verbose"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(_sentry.Requests.Single().Authorization, Is.EqualTo("Bearer " + EnvironmentToken));
        Assert.That(run.Output + run.Error, Does.Not.Contain(EnvironmentToken));
    }

    [Test]
    public async Task TheTokenComesFromTheNetrcEntryOfTheApiHost()
    {
        using var home = new TemporaryDirectory();
        home.Write(".netrc", $"machine sentry.io login me password wrong-host-token\nmachine 127.0.0.1 login me password {EnvironmentToken}\n");

        var run = await _tool.RunAsync(new Dictionary<string, string?> { ["HOME"] = home.Path }, null, ["org", "show", "--org", "acme", "--base-url", _sentry.BaseUrl]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(_sentry.Requests.Single().Authorization, Is.EqualTo("Bearer " + EnvironmentToken));
    }

    [Test]
    public async Task NoTokenAnywhereExitsThreeNamingTheSourcesAndSendsNothing()
    {
        var run = await _tool.RunAsync(new Dictionary<string, string?>(), null, ["org", "show", "--org", "acme", "--base-url", _sentry.BaseUrl]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.AuthMissing), run.ToString());
        Assert.That(run.Error, Does.Contain("SENTRY_AUTH_TOKEN").And.Contain(".netrc").And.Contain("--token"));
        Assert.That(_sentry.Requests, Is.Empty);
    }

    [Test]
    public async Task AMissingOrganizationIsReportedBeforeAMissingToken()
    {
        var run = await _tool.RunAsync(new Dictionary<string, string?>(), null, ["issues", "show", "1", "--base-url", _sentry.BaseUrl]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("SENTRY_ORG"));
    }

    [TestCase("de", "de.sentry.io")]
    [TestCase("us", "us.sentry.io")]
    public async Task RegionNamesSelectTheRegionsHost(string region, string host)
    {
        // No token: the tool stops before sending, and its message names the host it looked up the token for.
        var run = await _tool.RunAsync(new Dictionary<string, string?>(), null, ["org", "show", "--org", "acme", "--base-url", region]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.AuthMissing), run.ToString());
        Assert.That(run.Error, Does.Contain($"No Sentry auth token was found for {host}"));
    }

    [Test]
    public async Task AMalformedNetrcExitsThree()
    {
        using var home = new TemporaryDirectory();
        home.Write(".netrc", "machine 127.0.0.1 login me password \"unterminated\n");

        var run = await _tool.RunAsync(new Dictionary<string, string?> { ["HOME"] = home.Path }, null, ["org", "show", "--org", "acme", "--base-url", _sentry.BaseUrl]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.AuthMissing), run.ToString());
        Assert.That(_sentry.Requests, Is.Empty);
    }
}
