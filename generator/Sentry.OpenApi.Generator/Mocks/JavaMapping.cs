using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Mocks;

/// <summary>
/// A <see cref="MockCase"/> in Java WireMock's mapping format (for users of the Java server): method,
/// <c>urlPath</c>, the required query parameters' examples as matchers, and the case in <c>metadata.sentry</c>.
/// </summary>
public static class JavaMapping
{
    /// <summary>The mapping; <paramref name="serverBaseUrl"/> is where WireMock serves (for the Link header).</summary>
    public static JsonObject For(MockCase mock, Uri serverBaseUrl)
    {
        var request = new JsonObject { ["method"] = mock.Method, ["urlPath"] = mock.Path };
        var required = mock.Parameters.Where(p => p.In == "query" && p.Required && p.Example is not null).ToList();
        if (required.Count > 0)
        {
            var query = new JsonObject();
            foreach (var p in required)
            {
                query[p.Name] = p.IsArray
                    ? new JsonObject { ["hasExactly"] = new JsonArray(p.ExampleText.Select(v => (JsonNode)new JsonObject { ["equalTo"] = v }).ToArray()) }
                    : new JsonObject { ["equalTo"] = p.ExampleText.Single() };
            }

            request["queryParameters"] = query;
        }

        var headers = new JsonObject();
        var response = new JsonObject { ["status"] = mock.Status, ["headers"] = headers };
        if (mock.ResponseBody is not null)
        {
            headers["Content-Type"] = "application/json";
            response["jsonBody"] = mock.ResponseBody.DeepClone();
        }

        if (mock.IsPaginated)
        {
            headers["Link"] = MockCase.LinkHeader(serverBaseUrl, mock.Path);
        }

        return new JsonObject
        {
            ["name"] = mock.Name,
            ["request"] = request,
            ["response"] = response,
            ["metadata"] = new JsonObject { ["sentry"] = mock.Metadata() },
        };
    }
}
