using Newtonsoft.Json.Linq;
using Sentry.OpenApi.ContractTests.Contract;
using Sentry.OpenApi.ContractTests.WireMock;
using static Sentry.OpenApi.ContractTests.WireMock.Stubs;

namespace Sentry.OpenApi.ContractTests.Replay;

/// <summary>
/// Ids that Sentry sends sometimes as a number and sometimes as a numeric string are declared
/// <c>$ref: SentryId</c> (string or integer); for every such field of every response example, both
/// shapes are replayed through the client and must come back as they were sent.
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class VaryingIdTests : WireMockTest
{
    [Test]
    public void The_sentry_id_component_is_a_string_or_an_integer_and_every_field_declared_with_it_is_in_an_example()
    {
        var spec = SpecContract.Current;
        var declared = VaryingIdFields.Declared(spec);
        var exercised = VaryingIdFields.InExamples(spec, ContractCase.All).Select(o => o.Property).Distinct().Order(StringComparer.Ordinal).ToList();
        TestContext.Out.WriteLine($"{declared.Count} fields declared as SentryId: {string.Join(", ", declared)}");

        if (VaryingIdFields.Component(spec) is { } component)
        {
            var types = ((JArray?)component["oneOf"] ?? []).Select(v => (string?)spec.Resolve(v)["type"]).ToList();
            Assert.That(types, Is.EquivalentTo(new[] { "string", "integer" }), "SentryId is a oneOf of a string and an integer");
        }
        else
        {
            Assert.That(declared, Is.Empty, "no SentryId component, so no field can reference it");
        }

        Assert.That(exercised, Is.EqualTo(declared), "every field declared as SentryId appears in a response example, so both of its shapes are replayed");
    }

    [Test]
    public async Task Every_varying_id_in_a_response_example_reads_back_as_a_number_and_as_a_numeric_string()
    {
        var occurrences = VaryingIdFields.InExamples(SpecContract.Current, ContractCase.All);
        TestContext.Out.WriteLine($"{occurrences.Count} varying id values in response examples");
        var failures = new List<string>();
        foreach (var occurrence in occurrences)
        {
            var value = Value(occurrence.Case.ResponseExample!, occurrence.Path);
            var digits = value.Type == JTokenType.Integer || (value.Type == JTokenType.String && long.TryParse((string?)value, out _)) ? value.ToString() : "4711";
            foreach (var shape in new JToken[] { new JValue(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)), new JValue(digits) })
            {
                failures.AddRange(await ReplayAsync(occurrence, shape));
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private async Task<IEnumerable<string>> ReplayAsync(VaryingIdOccurrence occurrence, JToken shape)
    {
        ResetServer();
        var contract = occurrence.Case;
        var body = contract.ResponseExample!.DeepClone();
        Value(body, occurrence.Path).Replace(shape);
        Server.Given(On(contract.Operation.Method, contract.Expected.Path)).RespondWith(JsonBody(body.ToString(Newtonsoft.Json.Formatting.None), contract.Status));
        using var client = CreateClient();

        var result = await ContractCalls.CallAsync(client, contract, CancellationToken.None);

        return TypedResult.Differences(contract.Operation, body, result!).Select(d => $"{occurrence} sent as {shape.Type}: {d}");
    }

    private static JToken Value(JToken root, IReadOnlyList<object> path) =>
        path.Aggregate(root, (node, step) => step is int i ? node[i]! : node[(string)step]!);
}
