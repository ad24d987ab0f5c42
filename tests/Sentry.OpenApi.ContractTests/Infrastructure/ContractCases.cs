using Newtonsoft.Json.Linq;
using Sentry.OpenApi.Generator.Mocks;

namespace Sentry.OpenApi.ContractTests.Infrastructure;

/// <summary>The spec's (operation, example) cases, made by the spec tool from the bundled spec.</summary>
internal static class ContractCases
{
    private static readonly Lazy<IReadOnlyList<MockCase>> Cases = new(() =>
        MockCases.LoadAsync(RepositoryPaths.BundledSpec).GetAwaiter().GetResult());

    public static IReadOnlyList<MockCase> All => Cases.Value;

    /// <summary>A System.Text.Json node of the spec tool as a Newtonsoft token, numbers exact.</summary>
    public static JToken? ToToken(System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(node.ToJsonString()))
        {
            DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
            FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal,
        };
        return JToken.Load(reader);
    }
}
