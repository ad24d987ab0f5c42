using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.ContractTests.Infrastructure;

/// <summary>
/// One (operation, example) pair of the spec: the call to make with the example's parameters, the
/// request it must produce, and the response WireMock serves for it.
/// </summary>
internal sealed class ContractCase
{
    private ContractCase(SpecOperation operation, string exampleName, int status, JToken? responseBody, JToken? requestBody)
    {
        Operation = operation;
        ExampleName = exampleName;
        Status = status;
        ResponseBody = responseBody;
        RequestBody = requestBody;
    }

    public SpecOperation Operation { get; }

    public string ExampleName { get; }

    public int Status { get; }

    public JToken? ResponseBody { get; }

    public JToken? RequestBody { get; }

    public string Name => $"{Operation.OperationId}/{ExampleName}";

    /// <summary>Every case of the spec: one per example of each success response, or one "no-content" case.</summary>
    public static IEnumerable<ContractCase> All(BundledSpec spec) => spec.Operations.SelectMany(op => For(spec, op));

    public static IEnumerable<ContractCase> For(BundledSpec spec, SpecOperation op)
    {
        var requestExamples = spec.Examples(op.RequestBody?["content"]?[op.RequestMediaType ?? "application/json"]);
        JToken? RequestFor(string name) =>
            requestExamples.FirstOrDefault(e => e.Name == name).Value ?? requestExamples.FirstOrDefault().Value;

        var any = false;
        foreach (var (status, response) in op.SuccessResponses)
        {
            foreach (var (name, value) in spec.Examples(response["content"]?["application/json"]))
            {
                any = true;
                yield return new ContractCase(op, name, status, value, RequestFor(name));
            }
        }

        if (!any)
        {
            var (status, _) = op.SuccessResponses.First();
            yield return new ContractCase(op, "no-content", status, null, RequestFor("default"));
        }
    }

    /// <summary>The parameters to pass: the example of every parameter that has one.</summary>
    public IEnumerable<SpecParameter> PassedParameters => Operation.Parameters.Where(p => p.Example is not null);

    /// <summary>The request path, with the path parameters' examples filled in.</summary>
    public string ExpectedPath =>
        Operation.Parameters.Where(p => p.In == "path")
            .Aggregate(Operation.PathTemplate, (path, p) => path.Replace("{" + p.Name + "}", ExampleText(p.Example!), StringComparison.Ordinal));

    /// <summary>The query string the client must send: name to values, repeated parameters repeated.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedQuery =>
        PassedParameters.Where(p => p.In == "query")
            .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)(p.Example is JArray items ? items.Select(ExampleText).ToList() : [ExampleText(p.Example!)]));

    /// <summary>A WireMock stub mapping that serves this case's response for this case's request.</summary>
    public JObject Stub(Uri serverBaseUrl)
    {
        var request = new JObject { ["method"] = Operation.Method, ["urlPath"] = ExpectedPath };
        var required = Operation.Parameters.Where(p => p.In == "query" && p.Required && p.Example is not null).ToList();
        if (required.Count > 0)
        {
            request["queryParameters"] = new JObject(required.Select(p => new JProperty(p.Name,
                p.Example is JArray ? new JObject { ["hasExactly"] = new JArray(((JArray)p.Example).Select(v => new JObject { ["equalTo"] = ExampleText(v) })) }
                    : new JObject { ["equalTo"] = ExampleText(p.Example!) })));
        }

        var headers = new JObject { ["Content-Type"] = "application/json" };
        if (Operation.IsPaginated)
        {
            headers["Link"] = LinkHeader(serverBaseUrl, ExpectedPath);
        }

        var response = new JObject { ["status"] = Status, ["headers"] = headers };
        if (ResponseBody is not null)
        {
            response["jsonBody"] = ResponseBody.DeepClone();
        }

        return new JObject { ["request"] = request, ["response"] = response };
    }

    /// <summary>Sentry's Link header for a first and only page.</summary>
    public static string LinkHeader(Uri serverBaseUrl, string path)
    {
        var url = new Uri(serverBaseUrl, path.TrimStart('/')).AbsoluteUri;
        return $"<{url}?&cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", " +
               $"<{url}?&cursor=0:100:0>; rel=\"next\"; results=\"false\"; cursor=\"0:100:0\"";
    }

    /// <summary>How an example value is spelled on the wire.</summary>
    public static string ExampleText(JToken value) => value.Type switch
    {
        JTokenType.Boolean => (bool)value ? "true" : "false",
        JTokenType.Integer or JTokenType.Float => Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture)!,
        _ => (string?)value ?? "",
    };

    public override string ToString() => Name;
}
