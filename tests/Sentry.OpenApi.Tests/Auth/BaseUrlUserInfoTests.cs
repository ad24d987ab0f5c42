using Microsoft.Extensions.Logging;
using Sentry.OpenApi.Auth;
using Sentry.OpenApi.Regions;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Auth;

/// <summary>
/// A base URL with user info (<c>user:password@</c>) is refused: .NET never sends it, Sentry authenticates
/// with the bearer token, and a password in a URL ends up in every place the URL is shown.
/// </summary>
public sealed class BaseUrlUserInfoTests
{
    private const string Password = "hunter2secret";
    private static readonly Uri WithUserInfo = new($"http://admin:{Password}@sentry.example.com/api/0/");

    [Test]
    public void A_client_over_a_transport_refuses_a_base_url_with_user_info_without_showing_the_password()
    {
        var transport = StubTransport.Json("[]");

        var error = Assert.Throws<ArgumentException>(() =>
            new SentryApiClient(new SentryApiClientOptions { AuthToken = TestClients.Token, BaseUrl = WithUserInfo }, transport).Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("BaseUrl"));
        Assert.That(error.Message, Does.Contain("user info").And.Contain("http://sentry.example.com/api/0/").And.Not.Contain(Password));
        Assert.That(transport.Requests, Is.Empty);
    }

    [Test]
    public void A_client_over_an_http_client_refuses_it_too_so_its_ToString_can_never_show_the_password()
    {
        using var http = new HttpClient();
        SentryApiClient? client = null;

        var error = Assert.Throws<ArgumentException>(() => client = new SentryApiClient(http, new SentryApiClientOptions { BaseUrl = WithUserInfo }));

        Assert.That(error!.Message, Does.Not.Contain(Password));
        Assert.That(client?.ToString() ?? "", Does.Not.Contain(Password));
    }

    [Test]
    public void The_user_name_alone_is_refused_as_well()
    {
        var options = new SentryApiClientOptions { AuthToken = TestClients.Token, BaseUrl = new Uri("https://admin@sentry.example.com/api/0/") };

        Assert.That(() => new SentryApiClient(options, StubTransport.Json("[]")).Dispose(),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("BaseUrl"));
    }

    [Test]
    public void Options_print_the_base_url_without_user_info() =>
        Assert.That(new SentryApiClientOptions { BaseUrl = WithUserInfo }.ToString(),
            Does.Not.Contain(Password).And.Not.Contain("admin").And.Contain("BaseUrl = http://sentry.example.com/api/0/"));

    [Test]
    public void The_error_for_a_base_url_that_is_no_api_root_shows_it_without_user_info()
    {
        var options = new SentryApiClientOptions { BaseUrl = new Uri($"https://admin:{Password}@sentry.example.com/") };

        var error = Assert.Throws<ArgumentException>(() => options.NormalizedBaseUrl());

        Assert.That(error!.Message, Does.Not.Contain(Password).And.Contain("https://sentry.example.com/"));
    }

    [Test]
    public void The_missing_token_error_names_the_host_and_token_page_without_user_info()
    {
        using var home = new TemporaryDirectory();

        var error = Assert.Throws<SentryMissingTokenException>(() => SentryTokenSources.Resolve(null, WithUserInfo, _ => null, home.Path));

        Assert.That(error!.Message, Does.Not.Contain(Password).And.Not.Contain("admin@")
            .And.Contain("http://sentry.example.com/settings/account/api/auth-tokens/"));
    }

    [Test]
    public async Task Region_lookup_warnings_name_the_base_origin_without_user_info()
    {
        var logger = new RecordingLogger();
        var origins = new SentryTrustedOrigins(WithUserInfo);
        var transport = new StubTransport(_ => throw new HttpRequestException("Connection refused"));
        using var http = new HttpClient(new RegionRoutingHandler(WithUserInfo, origins, logger) { InnerHandler = transport });

        try
        {
            await http.GetAsync(new Uri(WithUserInfo, "organizations/acme/projects/"));
        }
        catch (HttpRequestException)
        {
            // The call itself fails too; only the log is looked at.
        }

        Assert.That(logger.Entries.Where(e => e.Level == LogLevel.Warning), Is.Not.Empty);
        Assert.That(logger.AllText, Does.Not.Contain(Password).And.Contain("http://sentry.example.com"));
    }

    [Test]
    public void The_trusted_origins_compare_and_show_origins_without_user_info()
    {
        var origins = new SentryTrustedOrigins(new Uri("https://sentry.io/api/0/"));

        Assert.That(SentryTrustedOrigins.OriginOf(WithUserInfo), Is.EqualTo("http://sentry.example.com"));
        Assert.That(origins.Contains(new Uri("https://evil@sentry.io/api/0/organizations/")), Is.False, "a URL with user info never gets the token");
        Assert.That(origins.Contains(new Uri("https://sentry.io/api/0/organizations/")), Is.True);
    }
}
