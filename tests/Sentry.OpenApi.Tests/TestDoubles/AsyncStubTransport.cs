using System.Collections.Concurrent;

namespace Sentry.OpenApi.Tests.TestDoubles;

/// <summary>
/// A transport that answers from an async function (so a test can hold a response back) and records
/// every request; safe for concurrent requests.
/// </summary>
internal sealed class AsyncStubTransport(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly ConcurrentQueue<HttpRequestMessage> _requests = new();

    public IReadOnlyList<HttpRequestMessage> Requests => [.. _requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        var response = await respond(request, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}
