using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Testing;

/// <summary>The operation ids of the bundled spec, read independently of the spec tool (so a tool bug cannot hide an operation).</summary>
public static class SpecOperations
{
    public static IReadOnlyList<string> All() =>
        ((JObject)JObject.Parse(File.ReadAllText(RepositoryPaths.BundledSpec))["paths"]!).Properties()
            .SelectMany(path => ((JObject)path.Value).Properties())
            .Where(m => m.Name is "get" or "put" or "post" or "patch" or "delete")
            .Select(m => (string)m.Value["operationId"]!)
            .ToList();
}
