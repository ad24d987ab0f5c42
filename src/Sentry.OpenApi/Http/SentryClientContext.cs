namespace Sentry.OpenApi.Http;

/// <summary>What the tag clients of one <see cref="SentryApiClient"/> share: the HTTP client, the URL the
/// generated paths are appended to, and the body size limit.</summary>
internal sealed class SentryClientContext
{
    public SentryClientContext(HttpClient httpClient, Uri baseUrl, long maxResponseBytes, TimeProvider time)
    {
        Time = time;
        HttpClient = httpClient;
        BaseUrl = baseUrl.AbsoluteUri;
        BasePath = baseUrl.AbsolutePath;
        MaxResponseBytes = maxResponseBytes;
    }

    public HttpClient HttpClient { get; }

    /// <summary>The origin and path prefix that the spec's <c>api/0/...</c> paths follow, ending in <c>/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The path part of <see cref="BaseUrl"/>, e.g. <c>/</c>.</summary>
    public string BasePath { get; }

    public long MaxResponseBytes { get; }

    /// <summary>The clock rate-limit waits are computed with.</summary>
    public TimeProvider Time { get; }
}
