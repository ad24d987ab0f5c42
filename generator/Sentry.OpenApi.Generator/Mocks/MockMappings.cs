using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Mocks;

/// <summary>The stub mappings of a set of cases in one format, named as `mocks` writes them under <c>mappings/</c>.</summary>
public static class MockMappings
{
    // Readable mapping files: Link headers keep their < > and quotes unescaped.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>File name to mapping, one per case. WireMock.Net mappings of one request get priorities in example order.</summary>
    public static IReadOnlyDictionary<string, JsonObject> For(IReadOnlyList<MockCase> cases, MockFormat format, Uri serverBaseUrl)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var mappings = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var mock in cases)
        {
            var request = $"{mock.Method} {mock.DecodedPath}";
            var priority = seen[request] = seen.TryGetValue(request, out var previous) ? previous + 1 : 0;
            mappings[FileName(mock)] = format == MockFormat.Java
                ? JavaMapping.For(mock, serverBaseUrl)
                : WireMockNetMapping.For(mock, serverBaseUrl, priority);
        }

        return mappings;
    }

    /// <summary>The mappings as the indented JSON text of their files.</summary>
    public static IReadOnlyDictionary<string, string> Files(IReadOnlyList<MockCase> cases, MockFormat format, Uri serverBaseUrl) =>
        For(cases, format, serverBaseUrl).ToDictionary(m => m.Key, m => m.Value.ToJsonString(Indented), StringComparer.Ordinal);

    public static string FileName(MockCase mock) => $"{mock.OperationId}--{Safe(mock.ExampleName)}.json";

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
