using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.DependencyInjection;

public sealed class SentryApiClientServiceCollectionExtensionsTests
{
    [Test]
    public async Task The_resolved_client_sends_the_token_and_user_agent_through_the_factorys_handler()
    {
        var transport = StubTransport.Json("[]");
        var services = new ServiceCollection();
        services.AddSentryApiClient(o =>
            {
                o.AuthToken = TestClients.Token;
                o.UserAgent = "di-test/1.0";
                o.BaseUrl = new Uri("https://sentry.example.com/api/0/");
            })
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<SentryApiClient>().Organizations.ListOrganizationsAsync();

        var request = transport.Requests.Single().Request;
        Assert.That(request.RequestUri!.AbsoluteUri, Is.EqualTo("https://sentry.example.com/api/0/organizations/"));
        Assert.That(request.Headers.Authorization?.ToString(), Is.EqualTo($"Bearer {TestClients.Token}"));
        Assert.That(request.Headers.UserAgent.ToString(), Is.EqualTo("di-test/1.0"));
    }

    [Test]
    public async Task The_interface_is_registered_for_consumers_that_mock_the_client()
    {
        var transport = StubTransport.Json("[]");
        var services = new ServiceCollection();
        services.AddSentryApiClient(o => o.AuthToken = TestClients.Token).ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ISentryApiClient>();
        await client.Organizations.ListOrganizationsAsync();

        Assert.That(client, Is.InstanceOf<SentryApiClient>());
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    [NonParallelizable]
    public async Task A_token_that_appears_after_start_up_is_used_instead_of_a_cached_failure()
    {
        using var home = new TemporaryDirectory();
        var saved = (Home: Environment.GetEnvironmentVariable("HOME"), Token: Environment.GetEnvironmentVariable("SENTRY_AUTH_TOKEN"));
        Environment.SetEnvironmentVariable("HOME", home.Path);
        Environment.SetEnvironmentVariable("SENTRY_AUTH_TOKEN", null);
        try
        {
            var transport = StubTransport.Json("[]");
            var services = new ServiceCollection();
            services.AddSentryApiClient(_ => { }).ConfigurePrimaryHttpMessageHandler(() => transport);
            await using var provider = services.BuildServiceProvider();

            Assert.ThrowsAsync<SentryMissingTokenException>(() => provider.GetRequiredService<ISentryApiClient>().Organizations.ListOrganizationsAsync());
            Environment.SetEnvironmentVariable("SENTRY_AUTH_TOKEN", "sntrys_set_later");
            await provider.GetRequiredService<ISentryApiClient>().Organizations.ListOrganizationsAsync();

            Assert.That(transport.Requests.Single().Request.Headers.Authorization?.ToString(), Is.EqualTo("Bearer sntrys_set_later"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", saved.Home);
            Environment.SetEnvironmentVariable("SENTRY_AUTH_TOKEN", saved.Token);
        }
    }

    [Test]
    public void The_resolved_client_has_the_configured_options_and_the_containers_logger_factory()
    {
        var services = new ServiceCollection();
        services.AddSentryApiClient(o =>
        {
            o.AuthToken = TestClients.Token;
            o.BaseUrl = SentryApiClientOptions.DeRegionBaseUrl;
            o.EnableRegionRouting = true;
        });
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SentryApiClient>();

        Assert.That(client.Options.BaseUrl, Is.EqualTo(SentryApiClientOptions.DeRegionBaseUrl));
        Assert.That(client.Options.EnableRegionRouting, Is.True);
        Assert.That(client.Options.LoggerFactory, Is.SameAs(provider.GetRequiredService<ILoggerFactory>()));
    }

    [Test]
    public void A_logger_factory_set_in_the_options_is_kept()
    {
        var mine = new RecordingLogger();
        var services = new ServiceCollection();
        services.AddSentryApiClient(o => { o.AuthToken = TestClients.Token; o.LoggerFactory = mine; });
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<SentryApiClient>().Options.LoggerFactory, Is.SameAs(mine));
    }

    [Test]
    public async Task Configuring_twice_adds_to_the_same_options_and_wraps_the_transport_once()
    {
        var transport = StubTransport.Json("[]");
        var services = new ServiceCollection();
        services.AddSentryApiClient(o => o.AuthToken = TestClients.Token);
        services.AddSentryApiClient(o => o.UserAgent = "second/2.0").ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<SentryApiClient>().Projects.ListProjectsAsync();

        var request = transport.Requests.Single().Request;
        Assert.That(request.Headers.UserAgent.ToString(), Is.EqualTo("second/2.0"));
        Assert.That(request.Headers.Authorization?.Parameter, Is.EqualTo(TestClients.Token));
        Assert.That(HandlerChain(CapturePrimaryHandler(services)).OfType<DelegatingHandler>().Count(h => h.GetType().Name == "BearerTokenHandler"), Is.EqualTo(1));
    }

    [Test]
    public void By_default_the_transport_is_a_pooled_sockets_handler_that_follows_no_redirect()
    {
        var services = new ServiceCollection();
        services.AddSentryApiClient(o => o.AuthToken = TestClients.Token);

        var transport = HandlerChain(CapturePrimaryHandler(services)).Last();

        Assert.That(transport, Is.InstanceOf<SocketsHttpHandler>());
        var sockets = (SocketsHttpHandler)transport;
        Assert.That(sockets.AllowAutoRedirect, Is.False);
        Assert.That(sockets.PooledConnectionLifetime, Is.EqualTo(TimeSpan.FromMinutes(5)), "connections are recycled, so DNS changes are seen");
    }

    [Test]
    public void The_http_client_leaves_timeouts_to_the_pipeline()
    {
        var services = new ServiceCollection();
        services.AddSentryApiClient(o => o.AuthToken = TestClients.Token);
        using var provider = services.BuildServiceProvider();

        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(SentryApiClientServiceCollectionExtensions.HttpClientName);

        Assert.That(http.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
    }

    // The primary handler the factory builds for the Sentry client, seen by a filter after all configuration.
    private static HttpMessageHandler CapturePrimaryHandler(ServiceCollection services)
    {
        var capture = new PrimaryHandlerCapture();
        services.AddSingleton<IHttpMessageHandlerBuilderFilter>(capture);
        using var provider = services.BuildServiceProvider();
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(SentryApiClientServiceCollectionExtensions.HttpClientName);
        return capture.PrimaryHandler ?? throw new InvalidOperationException("The factory built no handler.");
    }

    private static IEnumerable<HttpMessageHandler> HandlerChain(HttpMessageHandler handler)
    {
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            yield return current;
        }
    }

    private sealed class PrimaryHandlerCapture : IHttpMessageHandlerBuilderFilter
    {
        public HttpMessageHandler? PrimaryHandler { get; private set; }

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (builder.Name == SentryApiClientServiceCollectionExtensions.HttpClientName)
            {
                PrimaryHandler = builder.PrimaryHandler;
            }
        };
    }
}
