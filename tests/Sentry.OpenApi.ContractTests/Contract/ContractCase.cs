using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>
/// One (operation, example) of the spec as the test reads it: the values the example passes
/// (<see cref="Arguments"/>, <see cref="RequestBody"/>) and what must then be seen (<see cref="Expected"/> on
/// the wire, <see cref="ResponseExample"/> read back). The call itself is the compiled one of the same
/// <see cref="Name"/> (<see cref="ContractCalls"/>), written by the build from the spec tool's reading; the
/// stub the server answers with comes from the spec tool's mock writer, matched by name too.
/// </summary>
public sealed class ContractCase
{
    private static readonly Lazy<IReadOnlyList<ContractCase>> Cases = new(() => For(SpecContract.Current));

    private ContractCase(SpecOperationContract operation, string exampleName, int status, JToken? responseExample, JToken? requestBody)
    {
        Operation = operation;
        ExampleName = exampleName;
        Status = status;
        ResponseExample = responseExample;
        RequestBody = requestBody;
        Arguments = operation.Parameters.Where(p => p.Example is not null).Select(p => new ContractArgument(p.Name, p.In, p.Example!)).ToList();
        Expected = ExpectedRequest.For(operation, Arguments, requestBody);
    }

    /// <summary>Every case of the bundled spec.</summary>
    public static IReadOnlyList<ContractCase> All => Cases.Value;

    public SpecOperationContract Operation { get; }

    public string OperationId => Operation.OperationId;

    public string ExampleName { get; }

    /// <summary><c>&lt;OperationId&gt;/&lt;example&gt;</c>, the name the mock writer gives its stub too.</summary>
    public string Name => $"{OperationId}/{ExampleName}";

    public int Status { get; }

    public JToken? ResponseExample { get; }

    public JToken? RequestBody { get; }

    public string? RequestMediaType => Operation.RequestMediaType;

    /// <summary>The parameters the call passes (every one with an example), in the spec's order.</summary>
    public IReadOnlyList<ContractArgument> Arguments { get; }

    public ExpectedRequest Expected { get; }

    public override string ToString() => Name;

    /// <summary>One case per example of each 2xx JSON response, or one <c>no-content</c> case when none has an example.</summary>
    public static IReadOnlyList<ContractCase> For(SpecContract spec) => spec.Operations.SelectMany(CasesOf).ToList();

    private static IEnumerable<ContractCase> CasesOf(SpecOperationContract operation)
    {
        JToken? RequestFor(string name) =>
            operation.RequestExamples.TryGetValue(name, out var value) ? value : operation.RequestExamples.Values.FirstOrDefault();

        var any = false;
        foreach (var response in operation.SuccessResponses)
        {
            foreach (var (name, example) in response.Examples)
            {
                any = true;
                yield return new ContractCase(operation, name, response.Status, example, RequestFor(name));
            }
        }

        if (!any)
        {
            var status = operation.SuccessResponses.Select(r => r.Status).DefaultIfEmpty(200).Min();
            yield return new ContractCase(operation, "no-content", status, null, RequestFor("default"));
        }
    }
}

/// <summary>A value the call passes for a spec parameter.</summary>
public sealed record ContractArgument(string Name, string In, JToken Value);
