using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Mocks;

/// <summary>
/// A <see cref="MockCase"/> in WireMock.Net's mapping format (<c>MappingModel</c> JSON, what
/// <c>WireMockServer.WithMapping</c> and <c>ReadStaticMappings</c> read). It matches on method and
/// path only: a client that sends another query or body still gets the example, so a test sees the
/// difference in the request log instead of a 404. The case itself is kept in <c>Data.sentry</c>.
/// </summary>
public static class WireMockNetMapping
{
    /// <summary>
    /// The mapping; <paramref name="serverBaseUrl"/> is where the server listens (for the Link header),
    /// <paramref name="priority"/> orders several examples of one request (lower wins).
    /// </summary>
    public static JsonObject For(MockCase mock, Uri serverBaseUrl, int priority = 0)
    {
        var headers = new JsonObject();
        var response = new JsonObject { ["StatusCode"] = mock.Status, ["Headers"] = headers };
        if (mock.ResponseBody is not null)
        {
            headers["Content-Type"] = "application/json";
            response["BodyAsJson"] = mock.ResponseBody.DeepClone();
        }

        if (mock.IsPaginated)
        {
            headers["Link"] = MockCase.LinkHeader(serverBaseUrl, mock.Path);
        }

        return new JsonObject
        {
            ["Guid"] = GuidOf(mock.Name).ToString(),
            ["Title"] = mock.Name,
            ["Priority"] = priority,
            ["Request"] = new JsonObject
            {
                ["Path"] = new JsonObject
                {
                    ["Matchers"] = new JsonArray(new JsonObject { ["Name"] = "ExactMatcher", ["Pattern"] = mock.DecodedPath }),
                },
                ["Methods"] = new JsonArray(mock.Method),
            },
            ["Response"] = response,
            ["Data"] = new JsonObject { ["sentry"] = mock.Metadata() },
        };
    }

    /// <summary>A stable id per case name, so the same spec writes the same files.</summary>
    public static Guid GuidOf(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
