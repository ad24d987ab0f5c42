using Sentry.OpenApi.Auth;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Auth;

public sealed class SentryTokenSourcesTests
{
    private static readonly Uri Saas = new("https://sentry.io/api/0/");
    private static readonly Uri SelfHosted = new("https://sentry.example.com/api/0/");

    private TemporaryDirectory _home = null!;

    [SetUp]
    public void CreateHome() => _home = new TemporaryDirectory();

    [TearDown]
    public void DeleteHome() => _home.Dispose();

    [Test]
    public void The_explicit_token_comes_first()
    {
        _home.Write(".netrc", "machine sentry.io password from_netrc");

        Assert.That(Resolve("explicit", Saas, Env("from_env")), Is.EqualTo("explicit"));
    }

    [Test]
    public void The_environment_variable_comes_before_netrc()
    {
        _home.Write(".netrc", "machine sentry.io password from_netrc");

        Assert.That(Resolve(null, Saas, Env("from_env")), Is.EqualTo("from_env"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_environment_variable_or_explicit_token_is_skipped(string empty)
    {
        _home.Write(".netrc", "machine sentry.io password from_netrc");

        Assert.That(Resolve(empty, Saas, Env(empty)), Is.EqualTo("from_netrc"));
    }

    [Test]
    public void Netrc_is_looked_up_for_the_host_of_the_base_url()
    {
        _home.Write(".netrc", "machine sentry.io password saas_token\nmachine sentry.example.com password self_hosted_token\nmachine localhost password local_token\n");

        Assert.That(Resolve(null, Saas, Env(null)), Is.EqualTo("saas_token"));
        Assert.That(Resolve(null, SelfHosted, Env(null)), Is.EqualTo("self_hosted_token"));
        Assert.That(Resolve(null, new Uri("http://localhost:9000/sentry/api/0/"), Env(null)), Is.EqualTo("local_token"));
    }

    [Test]
    public void A_saas_region_host_uses_its_own_entry_else_the_sentry_io_entry()
    {
        _home.Write(".netrc", "machine sentry.io password saas_token\nmachine de.sentry.io password de_token\n");

        Assert.That(Resolve(null, SentryApiClientOptions.DeRegionBaseUrl, Env(null)), Is.EqualTo("de_token"));
        Assert.That(Resolve(null, SentryApiClientOptions.UsRegionBaseUrl, Env(null)), Is.EqualTo("saas_token"));
    }

    [Test]
    public void A_self_hosted_host_never_gets_the_sentry_io_entry_but_the_default_one()
    {
        _home.Write(".netrc", "machine sentry.io password saas_token\ndefault password default_token\n");

        Assert.That(Resolve(null, SelfHosted, Env(null)), Is.EqualTo("default_token"));
    }

    [Test]
    public void A_matching_machine_entry_without_a_password_ends_the_search_and_the_error_says_so()
    {
        var path = _home.Write(".netrc", "machine sentry.io login me\ndefault password sntrys_default_secret\n");

        var error = Assert.Throws<SentryMissingTokenException>(() => Resolve(null, Saas, Env(null)));

        Assert.That(error!.Message, Does.Contain($"'machine sentry.io' entry in {path} has no 'password'"));
        Assert.That(error.Message, Does.Not.Contain("sntrys_default_secret"));
    }

    [Test]
    public void A_region_hosts_own_entry_without_a_password_ends_the_search_before_the_sentry_io_entry()
    {
        _home.Write(".netrc", "machine us.sentry.io login me\nmachine sentry.io password saas_token\n");

        var error = Assert.Throws<SentryMissingTokenException>(() => Resolve(null, SentryApiClientOptions.UsRegionBaseUrl, Env(null)));

        Assert.That(error!.Message, Does.Contain("'machine us.sentry.io' entry").And.Contain("has no 'password'"));
    }

    [Test]
    public void A_sentry_io_entry_without_a_password_ends_the_search_for_a_region_host_too()
    {
        _home.Write(".netrc", "machine sentry.io login me\ndefault password default_token\n");

        Assert.Throws<SentryMissingTokenException>(() => Resolve(null, SentryApiClientOptions.DeRegionBaseUrl, Env(null)));
    }

    [Test]
    public void Surrounding_whitespace_is_trimmed() =>
        Assert.That(Resolve(null, Saas, Env("  from_env\n")), Is.EqualTo("from_env"));

    [Test]
    public void A_token_with_inner_whitespace_is_rejected_without_showing_it()
    {
        var error = Assert.Throws<FormatException>(() => Resolve(null, Saas, Env("sntrys_secret\nvalue")));

        Assert.That(error!.Message, Does.Contain("SENTRY_AUTH_TOKEN").And.Not.Contain("sntrys_secret"));
    }

    [Test]
    public void Without_a_token_the_error_names_the_three_sources_in_order_the_host_and_where_to_create_one()
    {
        _home.Write(".netrc", "machine github.com password ghp_secret_value\n");

        var error = Assert.Throws<SentryMissingTokenException>(() => Resolve(null, Saas, Env(null)));

        var message = error!.Message;
        var netrcPath = System.IO.Path.Combine(_home.Path, ".netrc");
        Assert.That(error, Is.InstanceOf<InvalidOperationException>());
        Assert.That(error.Host, Is.EqualTo("sentry.io"));
        Assert.That(message, Does.Contain("for sentry.io").And.Contain("'machine sentry.io'"));
        Assert.That(message, Does.Contain("https://sentry.io/settings/account/api/auth-tokens/"));
        var order = new[] { "SentryApiClientOptions.AuthToken", "SENTRY_AUTH_TOKEN", netrcPath }.Select(s => message.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.That(order, Is.All.GreaterThanOrEqualTo(0));
        Assert.That(order, Is.Ordered);
        Assert.That(message, Does.Not.Contain("ghp_secret_value"));
    }

    [Test]
    public void For_a_self_hosted_sentry_the_error_also_names_its_own_token_page()
    {
        var error = Assert.Throws<SentryMissingTokenException>(() => Resolve(null, SelfHosted, Env(null)));

        Assert.That(error!.Host, Is.EqualTo("sentry.example.com"));
        Assert.That(error.Message, Does.Contain("https://sentry.example.com/settings/account/api/auth-tokens/"));
    }

    [Test]
    public void Without_a_home_directory_the_error_still_names_netrc()
    {
        var error = Assert.Throws<SentryMissingTokenException>(() => SentryTokenSources.Resolve(null, Saas, Env(null), homeDirectory: null));

        Assert.That(error!.Message, Does.Contain("~/.netrc"));
    }

    [Test]
    public void A_malformed_netrc_fails_naming_the_file()
    {
        var path = _home.Write(".netrc", "machine sentry.io password");

        var error = Assert.Throws<FormatException>(() => Resolve(null, Saas, Env(null)));

        Assert.That(error!.Message, Does.StartWith($"{path} line 1:"));
    }

    private static Func<string, string?> Env(string? token) =>
        name => name == "SENTRY_AUTH_TOKEN" ? token : null;

    private string Resolve(string? token, Uri baseUrl, Func<string, string?> environment) =>
        SentryTokenSources.Resolve(token, baseUrl, environment, _home.Path);
}
