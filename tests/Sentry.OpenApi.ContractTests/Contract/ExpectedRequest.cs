using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>
/// The request an operation must put on the wire for given arguments, computed from the spec alone:
/// the path template with each path argument as one segment, the query from the query arguments
/// (an array as repeated names), and the request body.
/// </summary>
public sealed record ExpectedRequest(string Method, IReadOnlyList<string> PathSegments, IReadOnlyList<KeyValuePair<string, string>> Query, JToken? Body)
{
    /// <summary>The path as the segments read, for messages.</summary>
    public string Path => string.Join('/', PathSegments);

    public static ExpectedRequest For(SpecOperationContract operation, IReadOnlyList<ContractArgument> arguments, JToken? body)
    {
        var byName = arguments.ToDictionary(a => (a.In, a.Name));
        var segments = operation.PathTemplate.Split('/').Select(segment =>
        {
            if (!segment.StartsWith('{'))
            {
                return segment;
            }

            var name = segment.Trim('{', '}');
            return byName.TryGetValue(("path", name), out var argument)
                ? SpecParameterContract.WireText(argument.Value)
                : throw new InvalidOperationException($"{operation}: path parameter '{name}' has no example");
        }).ToList();
        var query = arguments.Where(a => a.In == "query")
            .SelectMany(a => (a.Value is JArray items ? items.Select(SpecParameterContract.WireText) : [SpecParameterContract.WireText(a.Value)])
                .Select(v => KeyValuePair.Create(a.Name, v)))
            .ToList();
        return new ExpectedRequest(operation.Method, segments, query, body);
    }
}
