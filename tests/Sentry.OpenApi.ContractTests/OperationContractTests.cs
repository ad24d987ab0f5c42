using Newtonsoft.Json.Linq;
using Sentry.OpenApi.ContractTests.Infrastructure;
using Sentry.OpenApi.Generator.Mocks;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi.ContractTests;

/// <summary>
/// One case per (operation, example) of the bundled spec: WireMock serves the spec tool's stub for the
/// example, the generated client calls the operation with the example's parameters, and both the
/// request on the wire and the typed result must match the spec.
/// </summary>
[TestFixture]
[Category("Contract")]
public sealed class OperationContractTests : WireMockTest
{
    public static IEnumerable<TestCaseData> Cases() => ContractCases.All.Select(c => new TestCaseData(c).SetName(c.Name));

    [TestCaseSource(nameof(Cases))]
    public async Task Operation_sends_the_documented_request_and_reads_the_example_losslessly(MockCase contract)
    {
        await Admin.StubAsync(JObject.Parse(contract.ToMapping(WireMockSetUp.Server.BaseUrl).ToJsonString()));
        using var client = CreateClient();
        var requestBody = ContractCases.ToToken(contract.RequestBody);
        var arguments = contract.Parameters.Where(p => p.Example is not null).ToDictionary(p => p.Name, p => ContractCases.ToToken(p.Example)!);

        var result = await ClientInvoker.InvokeAsync(client, contract.Tag, contract.OperationId, arguments, contract.RequestMediaType, requestBody, CancellationToken.None);

        var requests = await Admin.RequestsAsync();
        Assert.That(requests, Has.Count.EqualTo(1), $"{contract.Name}: expected exactly one request");
        var request = requests[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Method, Is.EqualTo(contract.Method), $"{contract.Name}: method");
            Assert.That(request.Path, Is.EqualTo(Uri.UnescapeDataString(contract.Path)), $"{contract.Name}: path");
            Assert.That(NormalizeQuery(request.Query), Is.EquivalentTo(NormalizeQuery(contract.Query)), $"{contract.Name}: query string");
            Assert.That(request.Header("Authorization"), Is.EqualTo($"Bearer {Token}"), $"{contract.Name}: Authorization header");
            Assert.That(request.Header("User-Agent"), Does.StartWith("Sentry.OpenApi/"), $"{contract.Name}: User-Agent header");
            if (requestBody is not null && contract.RequestMediaType == "application/json")
            {
                var sent = JToken.Parse(request.Body ?? "null");
                Assert.That(JsonComparison.Differences(requestBody, sent), Is.Empty, $"{contract.Name}: request body differs from the spec's request example");
            }

            if (requestBody is JObject form && contract.RequestMediaType == "multipart/form-data")
            {
                Assert.That(request.Header("Content-Type"), Does.StartWith("multipart/form-data"), $"{contract.Name}: Content-Type");
                foreach (var field in form.Properties())
                {
                    Assert.That(request.Body, Does.Contain($"name={field.Name}").Or.Contain($"name=\"{field.Name}\""), $"{contract.Name}: multipart part '{field.Name}'");
                    foreach (var value in field.Value is JArray values ? values : new JArray(field.Value))
                    {
                        Assert.That(request.Body, Does.Contain(MockParameter.Text(System.Text.Json.Nodes.JsonNode.Parse(value.ToString(Newtonsoft.Json.Formatting.None)))),
                            $"{contract.Name}: multipart part '{field.Name}' value");
                    }
                }
            }
        }

        var expected = ContractCases.ToToken(contract.ResponseBody);
        if (expected is not null)
        {
            Assert.That(result, Is.Not.Null, $"{contract.Name}: no typed result");
            var reserialized = JToken.FromObject(result!, SentryJson.CreateSerializer());
            Assert.That(JsonComparison.Differences(expected, reserialized), Is.Empty, $"{contract.Name}: the typed result lost or invented fields of the example");
        }
    }

    [Test]
    public void Every_operation_of_the_spec_has_a_contract_case()
    {
        var covered = ContractCases.All.Select(c => c.OperationId).ToHashSet();
        var operations = Sentry.OpenApi.Testing.SpecOperations.All();

        Assert.That(operations.Where(o => !covered.Contains(o)), Is.Empty, "operations of the spec without a contract case");
        Assert.That(operations, Has.Count.EqualTo(110));
    }

    // Query values compare as instants for dates, so "2025-01-01T00:00:00Z" matches "...+00:00".
    private static IEnumerable<string> NormalizeQuery(IReadOnlyDictionary<string, IReadOnlyList<string>> query) =>
        query.SelectMany(q => q.Value.Select(v => $"{q.Key}={JsonComparison.Normalize(new JValue(v))}"));
}
