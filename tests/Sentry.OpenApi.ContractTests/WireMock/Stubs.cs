using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Sentry.OpenApi.ContractTests.WireMock;

/// <summary>Shorthands for the stubs hand-written tests add.</summary>
internal static class Stubs
{
    public static IRequestBuilder On(string method, string path) => Request.Create().WithPath(path).UsingMethod(method);

    public static IRequestBuilder WithoutQuery(this IRequestBuilder request, string name) => request.WithParam(name, MatchBehaviour.RejectOnMatch);

    public static IRequestBuilder WithQuery(this IRequestBuilder request, string name, string value) => request.WithParam(name, new ExactMatcher(value));

    public static IResponseBuilder JsonBody(string json, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json);

    public static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status);

    public static IResponseBuilder Text(string text, string contentType, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(text);

    /// <summary>Answers one request after another: the first request gets <paramref name="responses"/>[0], and the last response repeats.</summary>
    /// <remarks>
    /// WireMock.Net scenarios have no "Started" state: the first stub is the one without a required
    /// state, and the last sets its own state again so that it keeps answering.
    /// </remarks>
    public static void Sequence(this WireMockServer server, string scenario, IRequestBuilder request, params IResponseBuilder[] responses)
    {
        if (responses.Length == 1)
        {
            server.Given(request).RespondWith(responses[0]);
            return;
        }

        for (var i = 0; i < responses.Length; i++)
        {
            var stub = server.Given(request).InScenario(scenario);
            var next = $"{Math.Min(i + 1, responses.Length - 1)}";
            (i == 0 ? stub : stub.WhenStateIs($"{i}")).WillSetStateTo(next).RespondWith(responses[i]);
        }
    }
}
