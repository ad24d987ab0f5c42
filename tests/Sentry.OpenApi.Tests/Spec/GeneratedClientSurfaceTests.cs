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
            Assert.That(method!.ReturnType.GetGenericArguments().Single().GetGenericTypeDefinition(), Is.EqualTo(typeof(SentryPage<>)),
                $"{operation.Id}: a paginated operation's method returns one page, never a silently truncated list");
            var walk = property.PropertyType.GetMethods().SingleOrDefault(m =>
                m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)
                && m.GetParameters().Take(method.GetParameters().Length - 1).Select(p => p.Name).SequenceEqual(method.GetParameters().SkipLast(1).Select(p => p.Name))
                && m.Name.StartsWith(operation.MethodName[..^"Async".Length], StringComparison.Ordinal));
            Assert.That(walk, Is.Not.Null, $"{operation.Id}: no IAsyncEnumerable walk beside {operation.MethodName}");
        }
    }
}
