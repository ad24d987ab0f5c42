using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Tests.Spec;

/// <summary>The bundled spec as JSON, read exactly (no date parsing, decimals kept).</summary>
internal static class BundledSpecJson
{
    private static readonly Lazy<JObject> Document = new(() =>
    {
        using var reader = new JsonTextReader(File.OpenText(RepositoryPaths.BundledSpec))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JObject.Load(reader);
    });

    public static JObject Root => Document.Value;

    /// <summary>(method, path, operation) of every operation.</summary>
    public static IEnumerable<(string Method, string Path, JObject Operation)> Operations() =>
        ((JObject)Root["paths"]!).Properties().SelectMany(path => ((JObject)path.Value).Properties()
            .Where(m => m.Name is "get" or "put" or "post" or "patch" or "delete")
            .Select(m => (m.Name.ToUpperInvariant(), path.Name, (JObject)m.Value)));

    /// <summary>The value of a named example of components/examples.</summary>
    public static JToken Example(string name) =>
        Root["components"]?["examples"]?[name]?["value"] ?? throw new KeyNotFoundException($"components/examples/{name} is not in the bundled spec.");
}
