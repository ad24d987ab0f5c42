using Newtonsoft.Json.Linq;
using Sentry.OpenApi.ContractTests.Contract;
using Sentry.OpenApi.ContractTests.WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>The outcome of one replay: what went wrong, and the typed-field count of the body.</summary>
internal sealed record ReplayResult(IReadOnlyList<string> Failures, int Typed, int Total);

/// <summary>
/// Replays a recording: the server answers the recorded path and method with the recorded response,
/// the operation's compiled call (<see cref="ContractCalls"/>) makes the request with the recording's
/// values, and the request on the wire and the typed result are checked against the recording.
/// </summary>
internal static class Replayer
{
    // Headers that describe the recorded transfer, not the response: replaying them would break the framing.
    private static readonly string[] TransportHeaders = ["Transfer-Encoding", "Content-Length", "Content-Encoding", "Connection", "Keep-Alive"];

    public static async Task<ReplayResult> ReplayAsync(WireMockServer server, SentryApiClient client, Recording recording)
    {
        var failures = new List<string>();
        if (recording.Problem is not null)
        {
            return new ReplayResult([recording.Problem], 0, Fields(SafeBody(recording)));
        }

        var operation = recording.Operation!;
        var response = Response.Create().WithStatusCode(recording.Status)
            .WithHeaders(recording.Headers.Where(h => !TransportHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(h => h.Key, h => h.Value));
        if (recording.Body is { } text)
        {
            response = response.WithBody(text);
        }

        server.Given(Request.Create().WithPath(new ExactMatcher(recording.Path)).UsingMethod(recording.Method)).RespondWith(response);
        object? result;
        try
        {
            result = await ContractCalls.CallAsync(client, operation.OperationId, recording.WireValues(), CancellationToken.None);
        }
        catch (Exception e) when (e is SentryApiException or SentryResponseFormatException or SentryTransportException or TimeoutException)
        {
            return new ReplayResult([$"{recording.Name}: the call failed: {e.GetType().Name}: {e.Message}"], 0, Fields(SafeBody(recording)));
        }

        CheckRequest(failures, recording, server.Requests());
        var body = recording.ResponseBody();
        if (body is null)
        {
            return new ReplayResult(failures, 0, 0);
        }

        if (result is null)
        {
            failures.Add($"{recording.Name}: no typed result for a recorded body");
            return new ReplayResult(failures, 0, Fields(body));
        }

        failures.AddRange(TypedResult.Differences(operation, body, result).Select(d => $"{recording.Name}: {operation.OperationId} lost or invented a field: {d}"));
        var (expected, notCarried) = TypedResult.Expected(operation, body);
        var (typed, total) = TypedFieldCounter.Count(result, expected ?? body);
        if (notCarried.Count > 0)
        {
            // The fields beside an object page's items reach no typed property: they count, untyped.
            var envelope = Fields(body) - Fields(expected);
            TestContext.Out.WriteLine($"{recording.Name}: the page carries '{operation.PageItems}'; not carried ({envelope} fields): {string.Join(", ", notCarried)}");
            total += envelope;
        }

        return new ReplayResult(failures, typed, total);
    }

    // The client must have asked for what was recorded: same path, the recorded query values, and beyond them only what the spec filled in.
    private static void CheckRequest(List<string> failures, Recording recording, IReadOnlyList<WireRequest> requests)
    {
        if (requests.Count != 1 || requests[0].MappingGuid is null)
        {
            failures.Add($"{recording.Name}: expected one request answered by the recording, got {string.Join(", ", requests.Select(r => $"{r} -> {r.MappingTitle ?? (r.MappingGuid is null ? "no stub" : "stub")}"))}");
            return;
        }

        var request = requests[0];
        foreach (var (name, values) in recording.RecordedQuery)
        {
            var sent = request.Query.GetValueOrDefault(name) ?? [];
            if (!sent.Select(Normal).SequenceEqual(values.Select(Normal)))
            {
                failures.Add($"{recording.Name}: query '{name}': recorded [{string.Join(", ", values)}], sent [{string.Join(", ", sent)}]");
            }
        }

        foreach (var extra in request.Query.Keys.Where(k => !recording.RecordedQuery.ContainsKey(k) && !recording.FilledFromSpec.Contains(k)))
        {
            failures.Add($"{recording.Name}: query '{extra}' was sent but is neither recorded nor filled from the spec");
        }
    }

    private static string Normal(string value) => JsonComparison.Normalize(new JValue(value))!.ToString();

    private static JToken? SafeBody(Recording recording)
    {
        try
        {
            return recording.ResponseBody();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static int Fields(JToken? token) => token switch
    {
        JObject obj => obj.Properties().Sum(p => 1 + Fields(p.Value)),
        JArray array => array.Sum(Fields),
        _ => 0,
    };
}
