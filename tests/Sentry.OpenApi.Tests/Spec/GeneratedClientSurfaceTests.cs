namespace Sentry.OpenApi.Tests.Spec;

/// <summary>
/// The generated client covers the whole spec: a method per operation on its tag's client, and a lazy
/// walk beside every paginated one. Names are read from the compiled operation descriptors, never derived.
/// </summary>
public sealed class GeneratedClientSurfaceTests
{
    public static IEnumerable<TestCaseData> Operations() =>
        GeneratedOperations.All().Select(o => new TestCaseData(o.Id).SetName($"{o.Id} is exposed as ISentryApiClient.{o.Tag}.{o.MethodName}"));

    [Test]
    public void Every_spec_operation_has_exactly_one_generated_descriptor()
    {
        var generated = GeneratedOperations.All().Select(o => o.Id).ToList();
        var spec = BundledSpecJson.Operations().Select(o => (string)o.Operation["operationId"]!).ToList();

        Assert.That(generated, Is.Unique);
        Assert.That(generated, Is.EquivalentTo(spec));
        Assert.That(spec, Has.Count.EqualTo(110));
    }

    [TestCaseSource(nameof(Operations))]
    public void The_operation_has_its_method_on_the_tag_client_interface(string operationId)
    {
        var operation = GeneratedOperations.All().Single(o => o.Id == operationId);
        var property = typeof(ISentryApiClient).GetProperty(operation.Tag);
        Assert.That(property, Is.Not.Null, $"{operation.Id}: ISentryApiClient has no '{operation.Tag}' property");
        var method = property!.PropertyType.GetMethod(operation.MethodName);
        Assert.That(method, Is.Not.Null, $"{operation.Id}: {property.PropertyType.Name} has no {operation.MethodName}");
        if (operation.IsPaginated)
        {
            var page = method!.ReturnType.GetGenericArguments().Single();
            Assert.That(page.IsGenericType && (page.GetGenericTypeDefinition() == typeof(SentryPage<>) || page.BaseType?.GetGenericTypeDefinition() == typeof(SentryPage<>)), Is.True,
                $"{operation.Id}: a paginated operation's method returns one page, never a silently truncated list");
            var walk = property.PropertyType.GetMethods().SingleOrDefault(m =>
                m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)
                && m.GetParameters().Take(method.GetParameters().Length - 1).Select(p => p.Name).SequenceEqual(method.GetParameters().SkipLast(1).Select(p => p.Name))
                && m.Name.StartsWith(operation.MethodName[..^"Async".Length], StringComparison.Ordinal));
            Assert.That(walk, Is.Not.Null, $"{operation.Id}: no IAsyncEnumerable walk beside {operation.MethodName}");
        }
    }

    [Test]
    public void Every_deprecated_operation_names_an_existing_successor()
    {
        var ids = BundledSpecJson.Operations().Select(o => (string)o.Operation["operationId"]!).ToHashSet();
        foreach (var (method, path, operation) in BundledSpecJson.Operations().Where(o => (bool?)o.Operation["deprecated"] == true))
        {
            var successor = (string?)operation["x-sentry-replaced-by"];
            Assert.That(successor, Is.Not.Null, $"{operation["operationId"]} ({method} {path}): deprecated without x-sentry-replaced-by");
            Assert.That(ids, Does.Contain(successor), $"{operation["operationId"]}: x-sentry-replaced-by '{successor}' is not an operation");
        }
    }

    [Test]
    public void Every_generated_method_carries_the_specs_summary_in_the_xml_documentation()
    {
        var xml = System.Xml.Linq.XDocument.Load(Path.ChangeExtension(typeof(SentryApiClient).Assembly.Location, ".xml"));
        var summaries = xml.Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("summary")?.Value.Trim() ?? "");
        var specSummaries = BundledSpecJson.Operations().ToDictionary(o => (string)o.Operation["operationId"]!, o => (string)o.Operation["summary"]!);
        foreach (var operation in GeneratedOperations.All())
        {
            var prefix = $"M:Sentry.OpenApi.I{operation.Tag}Client.{operation.MethodName}(";
            var member = summaries.Keys.SingleOrDefault(k => k.StartsWith(prefix, StringComparison.Ordinal));
            Assert.That(member, Is.Not.Null, $"{operation.Id}: no XML documentation for {prefix}...)");
            Assert.That(summaries[member!], Does.StartWith(specSummaries[operation.Id]), $"{operation.Id}: the summary of {member}");
        }
    }
}
