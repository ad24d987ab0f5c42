using Sentry.OpenApi.ContractTests.WireMock;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>
/// One case per (operation, example) of the bundled spec: the server answers with the spec tool's stub
/// for the example (matched on method and path only), the generated client calls the operation with the
/// example's parameters, and the request on the wire and the typed result must be what the spec says,
/// as the test reads the spec itself.
/// </summary>
[TestFixture]
[Category("Contract")]
public sealed class OperationContractTests : WireMockTest
{
    private IReadOnlyDictionary<string, string> _stubs = null!;

    public static IEnumerable<TestCaseData> Cases() => ContractCase.All.Select(c => new TestCaseData(c).SetName(c.Name));

    [OneTimeSetUp]
    public async Task WriteStubs() => _stubs = await WriterStubs.LoadAsync(RepositoryPaths.BundledSpec, Server.BaseUrl());

    [TestCaseSource(nameof(Cases))]
    public async Task Operation_sends_the_documented_request_and_reads_the_example_losslessly(ContractCase contract)
    {
        Assert.That(_stubs.TryGetValue(contract.Name, out var stub), Is.True, $"{contract.Name}: the mock writer wrote no stub for this example");
        using var client = CreateClient();

        var failures = await ContractCheck.RunAsync(Server, client, contract, stub!, Token);

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_operation_of_the_spec_has_a_contract_case()
    {
        var covered = ContractCase.All.Select(c => c.OperationId).ToHashSet();
        var operations = SpecOperations.All();

        Assert.That(operations.Where(o => !covered.Contains(o)), Is.Empty, "operations of the spec without a contract case");
        Assert.That(operations, Has.Count.EqualTo(110));
    }

    [Test]
    public void The_mock_writer_writes_exactly_one_stub_per_contract_case()
    {
        Assert.That(_stubs.Keys, Is.EquivalentTo(ContractCase.All.Select(c => c.Name)));
    }
}
