using Sentry.OpenApi.Auth;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests;

public sealed class SentryApiClientOptionsTests
{
    [Test]
    public void Base_url_defaults_to_sentry_saas_api_root() =>
        Assert.That(new SentryApiClientOptions().BaseUrl, Is.EqualTo(new Uri("https://sentry.io/api/0/")));

    [Test]
    public void Region_urls_are_named_constants()
    {
        Assert.That(SentryApiClientOptions.UsRegionBaseUrl.AbsoluteUri, Is.EqualTo("https://us.sentry.io/api/0/"));
        Assert.That(SentryApiClientOptions.DeRegionBaseUrl.AbsoluteUri, Is.EqualTo("https://de.sentry.io/api/0/"));
    }

    [TestCase("https://sentry.io/api/0/", "https://sentry.io/")]
    [TestCase("https://sentry.io/api/0", "https://sentry.io/")]
    [TestCase("https://sentry.example.com/api/0/", "https://sentry.example.com/")]
    [TestCase("http://localhost:9000/sentry/api/0/", "http://localhost:9000/sentry/")]
    public void Generated_clients_get_the_origin_that_the_specs_api_0_paths_are_appended_to(string baseUrl, string expected) =>
        Assert.That(new SentryApiClientOptions { BaseUrl = new Uri(baseUrl) }.GeneratedClientBaseUrl().AbsoluteUri, Is.EqualTo(expected));

    [TestCase("https://sentry.io/")]
    [TestCase("https://sentry.io/api/1/")]
    [TestCase("ftp://sentry.io/api/0/")]
    public void A_base_url_that_is_not_an_api_root_is_rejected_with_the_expected_shape(string baseUrl)
    {
        var options = new SentryApiClientOptions { BaseUrl = new Uri(baseUrl) };
        var error = Assert.Throws<ArgumentException>(() => options.NormalizedBaseUrl());
        Assert.That(error!.Message, Does.Contain("/api/0/").And.Contain(baseUrl));
    }

    [Test]
    public void User_agent_defaults_to_library_name_and_version() =>
        Assert.That(new SentryApiClientOptions().UserAgent, Does.Match(@"^Sentry\.OpenApi/\d+\.\d+\.\d+"));

    [Test]
    public void ToString_never_shows_the_token()
    {
        var options = new SentryApiClientOptions { AuthToken = "sntrys_secret_value" };
        Assert.That(options.ToString(), Does.Not.Contain("sntrys_secret_value").And.Contain("(set)"));
    }

    [Test]
    public void A_client_without_a_token_fails_with_a_message_saying_where_to_get_one()
    {
        // The resolver the client uses, with an empty environment and home: the machine's own
        // SENTRY_AUTH_TOKEN or ~/.netrc cannot make this pass or fail.
        using var home = new TemporaryDirectory();
        var options = new SentryApiClientOptions();

        var error = Assert.Throws<SentryMissingTokenException>(() => SentryTokenSources.Resolve(options.AuthToken, options.NormalizedBaseUrl(), _ => null, home.Path));

        Assert.That(error!.Message, Does.Contain("AuthToken").And.Contain("SENTRY_AUTH_TOKEN").And.Contain(".netrc")
            .And.Contain("https://sentry.io/settings/account/api/auth-tokens/"));
    }
}
