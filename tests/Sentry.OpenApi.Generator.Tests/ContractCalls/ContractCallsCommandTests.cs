using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Generator.Tests.ContractCalls;

/// <summary>
/// `contract-calls` writes the contract tests' compiled calls from the bundled spec (cases and values) and the
/// built library (every C# name and type, from its SentryOperation descriptors); an example that does not fit
/// its parameter, or a spec and assembly that disagree, is one error line naming where, and nothing is written.
/// </summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class ContractCallsCommandTests
{
    private TemporaryDirectory _dir = null!;

    /// <summary>The library as built (its path is written into this assembly by the project file).</summary>
    private static string ClientAssembly => typeof(ContractCallsCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SentryClientAssembly").Value!;

    private string Out => Path.Combine(_dir.Path, "Calls.g.cs");

    [SetUp]
    public void MakeFolder() => _dir = new TemporaryDirectory();

    [TearDown]
    public void RemoveFolder() => _dir.Dispose();

    private Task<ToolRun> RunAsync(string spec) => ToolRun.RunAsync("contract-calls", "--spec", spec, "--assembly", ClientAssembly, "--out", Out);

    // The bundled spec with one change, written beside the output.
    private string SpecWith(Action<JObject> change)
    {
        var document = JObject.Parse(File.ReadAllText(RepositoryPaths.BundledSpec));
        change(document);
        return _dir.Write("spec.json", document.ToString());
    }

    private static JObject Operation(JObject document, string path, string method) => (JObject)document["paths"]![path]![method]!;

    private static JObject InlineParameter(JObject operation, string name) =>
        ((JArray)operation["parameters"]!).OfType<JObject>().Single(p => (string?)p["name"] == name);

    // The (operation, example) count, read from the spec as plain JSON: the examples of 2xx JSON responses, else one no-content case.
    private static int CaseCount(JObject document)
    {
        JToken Resolve(JToken token) => token["$ref"] is { } reference
            ? Resolve(((string)reference!)[2..].Split('/').Aggregate((JToken)document, (node, key) => node[key.Replace("~1", "/", StringComparison.Ordinal)]!))
            : token;

        return ((JObject)document["paths"]!).Properties().SelectMany(p => ((JObject)p.Value).Properties())
            .Where(m => m.Name is "get" or "put" or "post" or "delete" or "patch")
            .Sum(m => Math.Max(1, ((JObject)m.Value["responses"]!).Properties().Where(r => r.Name.StartsWith('2'))
                .Select(r => Resolve(r.Value)["content"]?["application/json"])
                .Sum(json => json?["examples"] is JObject examples ? examples.Count : json?["example"] is not null ? 1 : 0)));
    }

    [Test]
    public async Task Writes_one_call_per_operation_example_with_the_descriptors_names_and_typed_literals()
    {
        var run = await RunAsync(RepositoryPaths.BundledSpec);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var code = await File.ReadAllTextAsync(Out);
        var cases = Regex.Matches(code, @"^        new\(""(\w+)"", ""([\w-]+)"", \w+\),$", RegexOptions.Multiline);
        Assert.That(cases, Has.Count.EqualTo(CaseCount(JObject.Parse(await File.ReadAllTextAsync(RepositoryPaths.BundledSpec)))), "one compiled call per (operation, example)");
        Assert.That(cases.Select(m => m.Groups[1].Value).Distinct(), Is.EquivalentTo(SpecOperations.All()));
        var issues = Regex.Match(code, @"ListOrganizationIssuesDefault\(.*?\n    \}", RegexOptions.Singleline).Value;
        Assert.That(issues, Does.Contain("client.Issues.ListOrganizationIssuesAsync(").And.Contain("organizationSlug: \"the-interstellar-jurisdiction\"")
            .And.Contain("options: new global::Sentry.OpenApi.ListOrganizationIssuesOptions").And.Contain("return page.Items;"),
            "the tag, method, parameter and options names of the descriptor; a page's items");
        Assert.That(issues, Does.Match(@"Sort = global::Sentry\.OpenApi\.IssueSort\.\w+,").And.Match(@"Limit = \d+,").And.Match(@"Project = new long\[\] \{ \d+L \}"),
            "an enum member by its wire value, an int, a long array: the CLR types of the options class");
        Assert.That(code, Does.Contain("body: global::Newtonsoft.Json.JsonConvert.DeserializeObject<global::Sentry.OpenApi.IssueUpdate>("), "a body is its example deserialized into the parameter's class");
        Assert.That(code, Does.Contain("#pragma warning disable CS0618"), "deprecated operations are called too");
    }

    [Test]
    public async Task Writes_the_same_file_every_time_and_leaves_an_unchanged_one_alone()
    {
        await RunAsync(RepositoryPaths.BundledSpec);
        var first = await File.ReadAllTextAsync(Out);
        var written = File.GetLastWriteTimeUtc(Out);

        var run = await RunAsync(RepositoryPaths.BundledSpec);

        Assert.That(run.Output, Does.StartWith("unchanged: "), run.ToString());
        Assert.That(await File.ReadAllTextAsync(Out), Is.EqualTo(first));
        Assert.That(File.GetLastWriteTimeUtc(Out), Is.EqualTo(written), "an incremental build sees no change");
    }

    [TestCase("sort", "sideways", "\"sideways\" is none of the values of IssueSort")]
    [TestCase("limit", "many", "\"many\" is not a Int32")]
    public async Task An_example_that_does_not_fit_its_parameter_type_names_the_operation_the_parameter_and_the_pointer(string parameter, string example, string why)
    {
        var spec = SpecWith(d => InlineParameter(Operation(d, "/api/0/organizations/{organization_slug}/issues/", "get"), parameter)["example"] = example);

        var run = await RunAsync(spec);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.Error, Does.StartWith($"error: {spec}: #/paths/~1api~10~1organizations~1{{organization_slug}}~1issues~1/get (ListOrganizationIssues/default): ")
            .And.Contain($"parameter '{parameter}' (query)").And.Contain(why), run.ToString());
        Assert.That(File.Exists(Out), Is.False, "nothing is written");
    }

    [Test]
    public async Task A_spec_operation_the_assembly_has_no_descriptor_for_is_an_error_naming_it()
    {
        var spec = SpecWith(d =>
        {
            var twin = (JObject)d["paths"]!["/api/0/organizations/{organization_slug}/"]!.DeepClone();
            foreach (var method in twin.Properties().Where(p => p.Value is JObject { } operation && operation["operationId"] is not null))
            {
                method.Value["operationId"] = $"{method.Value["operationId"]}Twin";
            }

            d["paths"]!["/api/0/organizations/{organization_slug}/twin/"] = twin;
        });

        var run = await RunAsync(spec);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.Error, Does.Contain("has no SentryOperation descriptor for").And.Contain("RetrieveOrganizationTwin"), run.ToString());
        Assert.That(File.Exists(Out), Is.False, "nothing is written");
    }

    [Test]
    public async Task A_file_that_is_not_an_assembly_is_an_error_and_writes_nothing()
    {
        var run = await ToolRun.RunAsync("contract-calls", "--assembly", RepositoryPaths.BundledSpec, "--out", Out);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain("not a loadable .NET assembly"), run.ToString());
        Assert.That(File.Exists(Out), Is.False);
    }
}
