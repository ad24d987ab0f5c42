namespace Sentry.OpenApi.Tests.Spec;

/// <summary>The generated client covers the whole spec: a method per operation, on the tag's client.</summary>
public sealed class GeneratedClientSurfaceTests
{
    public static IEnumerable<TestCaseData> Operations() =>
        BundledSpecJson.Operations().Select(o => new TestCaseData((string)o.Operation["operationId"]!, (string)o.Operation["tags"]![0]!)
            .SetName($"{o.Operation["operationId"]} is exposed on SentryApiClient.{o.Operation["tags"]![0]}"));

    [TestCaseSource(nameof(Operations))]
    public void Every_spec_operation_has_a_method_on_its_tag_client(string operationId, string tag)
    {
        var property = typeof(SentryApiClient).GetProperty(tag);
        Assert.That(property, Is.Not.Null, $"{operationId}: SentryApiClient has no '{tag}' property");
        Assert.That(property!.PropertyType.GetMethod(operationId + "Async"), Is.Not.Null, $"{operationId}: {property.PropertyType.Name} has no {operationId}Async");
    }

    [Test]
    public void The_spec_describes_all_110_reference_operations() =>
        Assert.That(BundledSpecJson.Operations().Count(), Is.EqualTo(110));

    [Test]
    public void Every_cursor_paginated_operation_has_page_and_all_methods()
    {
        var paginated = BundledSpecJson.Operations().Where(o => (string?)o.Operation["x-sentry-pagination"] == "cursor").ToList();
        Assert.That(paginated, Is.Not.Empty);
        foreach (var (_, _, op) in paginated)
        {
            var client = typeof(SentryApiClient).GetProperty((string)op["tags"]![0]!)!.PropertyType;
            Assert.That(client.GetMethod(op["operationId"] + "PageAsync"), Is.Not.Null, $"{op["operationId"]}: no PageAsync");
            Assert.That(client.GetMethod(op["operationId"] + "AllAsync"), Is.Not.Null, $"{op["operationId"]}: no AllAsync");
        }
    }
}
