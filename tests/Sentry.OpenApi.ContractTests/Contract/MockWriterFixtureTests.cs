using Newtonsoft.Json.Linq;
using Sentry.OpenApi.ContractTests.WireMock;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>
/// The contract check does not trust the stubs: fed by a mock writer with a deliberately wrong path
/// template, it fails, because what it expects comes from the spec and not from the stub.
/// </summary>
[TestFixture]
[Category("Contract")]
public sealed class MockWriterFixtureTests : WireMockTest
{
    private const string Case = "RetrieveOrganization/default";

    [Test]
    public async Task A_mock_writer_with_a_wrong_path_template_makes_the_contract_check_fail()
    {
        using var spec = new TemporaryDirectory();
        var document = JObject.Parse(await File.ReadAllTextAsync(RepositoryPaths.BundledSpec));
        var paths = (JObject)document["paths"]!;
        var original = paths.Properties().Single(p => p.Value["get"]?["operationId"]?.ToString() == "RetrieveOrganization");
        var wrong = original.Name.Replace("/organizations/", "/organisations/", StringComparison.Ordinal);
        original.Replace(new JProperty(wrong, original.Value));
        var brokenSpec = spec.Write("sentry-api.json", document.ToString());
        var stub = (await WriterStubs.LoadAsync(brokenSpec, Server.BaseUrl()))[Case];
        Assert.That(stub, Does.Contain("/api/0/organisations/"), "the writer used the wrong template");
        using var client = CreateClient();

        var failures = await ContractCheck.RunAsync(Server, client, ContractCase.All.Single(c => c.Name == Case), stub, Token);

        Assert.That(failures, Has.Some.Contains("did not answer the documented request GET /api/0/organizations/"), string.Join("\n", failures));
    }

    [Test]
    public async Task The_same_case_passes_with_the_real_mock_writer()
    {
        var stub = (await WriterStubs.LoadAsync(RepositoryPaths.BundledSpec, Server.BaseUrl()))[Case];
        using var client = CreateClient();

        var failures = await ContractCheck.RunAsync(Server, client, ContractCase.All.Single(c => c.Name == Case), stub, Token);

        Assert.That(failures, Is.Empty);
    }
}
