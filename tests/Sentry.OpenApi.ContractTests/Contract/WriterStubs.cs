using System.Collections.Concurrent;
using Sentry.OpenApi.Generator.Mocks;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>The spec tool's mock writer's WireMock.Net stubs for a spec, by case name (<c>Title</c>), as `mocks --out` writes them.</summary>
internal static class WriterStubs
{
    // Reading a spec is the slow part; the stubs themselves depend on the server's URL (Link headers).
    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<MockCase>>>> Specs = new(StringComparer.Ordinal);

    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(string specPath, Uri serverBaseUrl)
    {
        var cases = await Specs.GetOrAdd(specPath, path => new Lazy<Task<IReadOnlyList<MockCase>>>(() => MockCases.LoadAsync(path))).Value;
        return MockMappings.For(cases, MockFormat.WireMockNet, serverBaseUrl).Values
            .ToDictionary(m => (string)m["Title"]!, m => m.ToJsonString(), StringComparer.Ordinal);
    }
}
