using System.Net;
using System.Net.Http.Headers;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// The in-memory transport: answers from <see cref="CannedApi"/> at once (synchronously), with the headers a
/// socket handler would give (raw values, parsed only when read). No network, so the client's own cost shows.
/// </summary>
public sealed class InMemoryTransport(CannedApi api) : HttpMessageHandler
{
    public const string Origin = "https://sentry.io";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Send(request);

    private HttpResponseMessage Send(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        var answer = api.Respond(uri.AbsolutePath, uri.Query);
        var content = new ByteArrayContent(answer.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = content, RequestMessage = request };
        foreach (var (name, value) in CannedApi.RateLimitHeaders)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        if (answer.Link is { } link)
        {
            response.Headers.TryAddWithoutValidation("Link", link);
        }

        return response;
    }
}
