using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Tests.Spec;

/// <summary>
/// Every component schema and every property in it carries a description: the generated C# XML
/// docs and the published API reference show it, and without one a property reads only
/// "The <c>x</c> field.".
/// </summary>
public sealed class SpecDocumentationTests
{
    [Test]
    public void Every_component_schema_has_a_description()
    {
        var undocumented = Schemas()
            .Where(s => !HasDescription(s.Schema))
            .Select(s => $"components/schemas/{s.Name}")
            .ToList();

        Assert.That(undocumented, Is.Empty, () => $"component schemas without a description:\n{string.Join("\n", undocumented)}");
    }

    [Test]
    public void Every_property_of_a_component_schema_has_a_description()
    {
        var undocumented = Schemas()
            .SelectMany(s => PropertiesOf(s.Schema, s.Name))
            .Where(p => !HasDescription(p.Schema))
            .Select(p => p.Where)
            .ToList();

        Assert.That(undocumented, Is.Empty, () => $"{undocumented.Count} properties of component schemas have no description:\n{string.Join("\n", undocumented)}");
    }

    private static IEnumerable<(string Name, JObject Schema)> Schemas() =>
        ((JObject)BundledSpecJson.Root["components"]!["schemas"]!).Properties()
            .Select(p => (p.Name, (JObject)p.Value));

    /// <summary>
    /// The properties declared in a schema, in its inline sub-schemas too (nested objects, array items,
    /// allOf/oneOf/anyOf members, map values), each with its place, e.g. <c>Event.sdk.packages[].name</c>.
    /// A <c>$ref</c> is not followed: the referenced component is checked on its own.
    /// </summary>
    private static IEnumerable<(string Where, JObject Schema)> PropertiesOf(JObject schema, string where)
    {
        if (schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties())
            {
                var place = $"{where}.{property.Name}";
                if (property.Value is not JObject value)
                {
                    yield return (place, new JObject());
                    continue;
                }

                yield return (place, value);
                foreach (var nested in PropertiesOf(value, place))
                {
                    yield return nested;
                }
            }
        }

        foreach (var (child, place) in InlineSubSchemas(schema, where))
        {
            foreach (var nested in PropertiesOf(child, place))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<(JObject Schema, string Where)> InlineSubSchemas(JObject schema, string where)
    {
        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[keyword] is JArray members)
            {
                foreach (var member in members.OfType<JObject>())
                {
                    yield return (member, where);
                }
            }
        }

        if (schema["items"] is JObject items)
        {
            yield return (items, $"{where}[]");
        }

        if (schema["additionalProperties"] is JObject values)
        {
            yield return (values, $"{where}{{}}");
        }
    }

    private static bool HasDescription(JObject schema) =>
        schema["description"] is JValue { Type: JTokenType.String } description
        && !string.IsNullOrWhiteSpace((string?)description);
}
