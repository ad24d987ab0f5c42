using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sentry.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ISentryApiClient"/> (and <see cref="SentryApiClient"/>) with an <see cref="IHttpClientFactory"/>-managed connection pool.</summary>
public static class SentryApiClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> (and of the <see cref="SentryApiClientOptions"/>) registered.</summary>
    public const string HttpClientName = nameof(SentryApiClient);

    /// <summary>
    /// Registers <see cref="ISentryApiClient"/> and <see cref="SentryApiClient"/> (transient; the factory pools the handlers) over a named
    /// <see cref="HttpClient"/> whose handlers are <see cref="SentryApiClient.CreatePipeline"/> on a
    /// pooled transport that follows no redirect (<c>SocketsHttpHandler</c> on .NET, <c>HttpClientHandler</c> on .NET Framework). The returned builder configures that client:
    /// <c>ConfigurePrimaryHttpMessageHandler</c> replaces the transport under the Sentry handlers (which always
    /// stay, so the token and User-Agent are still added). When <see cref="SentryApiClientOptions.LoggerFactory"/>
    /// is not set, the container's <see cref="ILoggerFactory"/> is used. Calling it again adds to the same options.
    /// </summary>
    public static IHttpClientBuilder AddSentryApiClient(this IServiceCollection services, Action<SentryApiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SentryApiClientOptions>(HttpClientName).Configure(configure);
        // Post-configure runs after every ConfigurePrimaryHttpMessageHandler, so the pipeline wraps whichever transport wins.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HttpClientFactoryOptions>, WrapInSentryPipeline>());

        return services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // the pipeline times each attempt
            // No redirects (they must not silently change the origin); pooled connections recycled every 5 minutes.
            .ConfigurePrimaryHttpMessageHandler(Sentry.OpenApi.Compat.DefaultTransport.Create)
            // Connections are recycled by PooledConnectionLifetime; keeping the handlers keeps the
            // pipeline's state (region cache, trusted origins, pacing) instead of rebuilding it every 2 minutes.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddTypedClient((httpClient, provider) => new SentryApiClient(httpClient, OptionsFrom(provider)))
            .AddTypedClient<ISentryApiClient>((httpClient, provider) => new SentryApiClient(httpClient, OptionsFrom(provider)));
    }

    // A copy: the monitor's instance is shared, and the logger factory is filled in from the container.
    private static SentryApiClientOptions OptionsFrom(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<SentryApiClientOptions>>().Get(HttpClientName).Clone();
        options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
        return options;
    }

    private sealed class WrapInSentryPipeline : IPostConfigureOptions<HttpClientFactoryOptions>
    {
        public void PostConfigure(string? name, HttpClientFactoryOptions options)
        {
            if (name == HttpClientName)
            {
                options.HttpMessageHandlerBuilderActions.Add(builder =>
                    builder.PrimaryHandler = SentryApiClient.CreatePipeline(OptionsFrom(builder.Services), builder.PrimaryHandler));
            }
        }
    }
}
