using Microsoft.OpenApi;

namespace Sentry.OpenApi.Generator.Diff;

/// <summary>Schema pairs (OLD, NEW) that compare without a finding, as a request and as a response; by identity.</summary>
internal sealed class UnchangedPairs
{
    private readonly HashSet<(IOpenApiSchema, IOpenApiSchema)> _request = new(new SchemaComparer.PairComparer());
    private readonly HashSet<(IOpenApiSchema, IOpenApiSchema)> _response = new(new SchemaComparer.PairComparer());

    public bool Contains((IOpenApiSchema Old, IOpenApiSchema New) pair, bool request) => (request ? _request : _response).Contains(pair);

    public void Add((IOpenApiSchema Old, IOpenApiSchema New) pair, bool request) => (request ? _request : _response).Add(pair);
}
