using System.Net;
using System.Text;

namespace Sentry.OpenApi.Tests.TestDoubles;

/// <summary>A transport that answers from a function and records every request (with its body text).</summary>
internal sealed class StubTransport(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = [];

    public static StubTransport Json(string json, HttpStatusCode status = HttpStatusCode.OK, Action<HttpResponseMessage>? configure = null) =>
        new(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return response;
        });

    /// <summary>Answers request N with the Nth response; the last one repeats.</summary>
    public static StubTransport Sequence(params Func<HttpResponseMessage>[] responses)
    {
        var next = 0;
        return new StubTransport(_ => responses[Math.Min(next++, responses.Length - 1)]());
    }

    public static HttpResponseMessage Status(HttpStatusCode status, string json = "{}", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        var response = respond(request);
        response.RequestMessage ??= request;
        return response;
    }
}

internal static class TestClients
{
    public const string Token = "sntrys_unit_test_token";

    public static SentryApiClient Create(HttpMessageHandler transport, Action<SentryApiClientOptions>? configure = null)
    {
        var options = new SentryApiClientOptions { AuthToken = Token };
        configure?.Invoke(options);
        return new SentryApiClient(options, transport);
    }
}
