using Newtonsoft.Json.Linq;
using Sentry.OpenApi.ContractTests.WireMock;
using WireMock.Server;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>
/// Runs one contract case against a server holding one stub (from the spec tool's mock writer) and
/// lists what disagrees with the spec: the request on the wire against <see cref="ContractCase.Expected"/>,
/// whether the stub answered it at all, and the typed result against the response example.
/// </summary>
internal static class ContractCheck
{
    public static async Task<IReadOnlyList<string>> RunAsync(WireMockServer server, SentryApiClient client, ContractCase contract, string stubMapping, string token)
    {
        var failures = new List<string>();
        var stub = JObject.Parse(stubMapping);
        server.WithMapping(stubMapping);
        object? result = null;
        try
        {
            result = await ContractCalls.CallAsync(client, contract, CancellationToken.None);
        }
        catch (Exception e) when (e is SentryApiException or SentryResponseFormatException or SentryTransportException or TimeoutException)
        {
            failures.Add($"{contract.Name}: the call failed: {e.GetType().Name}: {e.Message}");
        }

        var requests = server.Requests();
        if (requests.Count != 1)
        {
            failures.Add($"{contract.Name}: expected exactly one request, got {requests.Count}: {string.Join(", ", requests)}");
            return failures;
        }

        var request = requests[0];
        var expected = contract.Expected;
        if (request.MappingGuid != Guid.Parse((string)stub["Guid"]!))
        {
            failures.Add($"{contract.Name}: the mock writer's stub '{stub["Title"]}' ({stub["Request"]?["Methods"]?.FirstOrDefault()} " +
                $"{stub["Request"]?["Path"]?["Matchers"]?.FirstOrDefault()?["Pattern"]}) did not answer the documented request {expected.Method} {expected.Path}");
        }

        Check(failures, contract, "method", request.Method, expected.Method);
        if (!request.Segments.SequenceEqual(expected.PathSegments))
        {
            failures.Add($"{contract.Name}: path: expected {expected.Path} (one segment per parameter), got {request.RawPath}");
        }

        var sentQuery = Normalized(request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
        var expectedQuery = Normalized(expected.Query);
        if (!sentQuery.SequenceEqual(expectedQuery))
        {
            failures.Add($"{contract.Name}: query: expected [{string.Join("&", expectedQuery)}], got [{string.Join("&", sentQuery)}]");
        }

        Check(failures, contract, "Authorization header", request.Header("Authorization"), $"Bearer {token}");
        if (request.Header("User-Agent") is not { } agent || !agent.StartsWith("Sentry.OpenApi/", StringComparison.Ordinal))
        {
            failures.Add($"{contract.Name}: User-Agent header: expected Sentry.OpenApi/..., got '{request.Header("User-Agent")}'");
        }

        CheckBody(failures, contract, request);
        if (contract.ResponseExample is { } example)
        {
            if (result is null)
            {
                failures.Add($"{contract.Name}: no typed result");
            }
            else
            {
                failures.AddRange(TypedResult.Differences(contract.Operation, example, result).Select(d => $"{contract.Name}: the typed result lost or invented a field of the example: {d}"));
                if (TypedResult.Expected(contract.Operation, example).NotCarried is { Count: > 0 } envelope)
                {
                    // Not a failure of the call: SentryPage<T> has no place for them (reported to the library's owner).
                    TestContext.Out.WriteLine($"{contract.Name}: the page carries '{contract.Operation.PageItems}'; not carried: {string.Join(", ", envelope)}");
                }
            }
        }

        return failures;
    }

    private static void Check(List<string> failures, ContractCase contract, string what, string? actual, string expected)
    {
        if (actual != expected)
        {
            failures.Add($"{contract.Name}: {what}: expected '{expected}', got '{actual}'");
        }
    }

    private static void CheckBody(List<string> failures, ContractCase contract, WireRequest request)
    {
        if (contract.RequestBody is not { } body)
        {
            return;
        }

        if (contract.RequestMediaType == "application/json")
        {
            JToken? sent;
            try
            {
                sent = JToken.Parse(request.Body ?? "null");
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                failures.Add($"{contract.Name}: request body is not JSON ({e.Message}): {request.Body}");
                return;
            }

            failures.AddRange(JsonComparison.Differences(body, sent).Select(d => $"{contract.Name}: request body differs from the spec's request example: {d}"));
        }
        else if (contract.RequestMediaType == "multipart/form-data" && body is JObject form)
        {
            if (request.Header("Content-Type") is not { } type || !type.StartsWith("multipart/form-data", StringComparison.Ordinal))
            {
                failures.Add($"{contract.Name}: Content-Type: expected multipart/form-data, got '{request.Header("Content-Type")}'");
            }

            foreach (var field in form.Properties())
            {
                var text = request.Body ?? "";
                if (!text.Contains($"name={field.Name}", StringComparison.Ordinal) && !text.Contains($"name=\"{field.Name}\"", StringComparison.Ordinal))
                {
                    failures.Add($"{contract.Name}: multipart part '{field.Name}' missing");
                }

                foreach (var value in field.Value is JArray values ? values : new JArray(field.Value))
                {
                    if (!text.Contains(SpecParameterContract.WireText(value), StringComparison.Ordinal))
                    {
                        failures.Add($"{contract.Name}: multipart part '{field.Name}' lacks the value '{SpecParameterContract.WireText(value)}'");
                    }
                }
            }
        }
    }

    // Query values compare as instants for dates ("2025-01-01T00:00:00Z" is "...+00:00"); order of names does not matter, order of repeats does.
    private static List<string> Normalized(IEnumerable<KeyValuePair<string, string>> query) =>
        query.Select(q => $"{q.Key}={JsonComparison.Normalize(new JValue(q.Value))}").OrderBy(q => q.Split('=')[0], StringComparer.Ordinal).ToList();
}
