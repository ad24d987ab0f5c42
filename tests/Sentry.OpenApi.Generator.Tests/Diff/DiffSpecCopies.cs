using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Tests.Diff;

/// <summary>
/// The base of the `diff` fixtures: one temporary folder per fixture for the spec copies a test writes, and the
/// copy of a spec with its component schemas edited.
/// </summary>
public abstract class DiffSpecCopies
{
    /// <summary>Where the test's spec copies go; removed after the fixture.</summary>
    protected TemporaryDirectory Folder { get; private set; } = null!;

    [OneTimeSetUp]
    public void CreateFolder() => Folder = new TemporaryDirectory();

    [OneTimeTearDown]
    public void DeleteFolder() => Folder.Dispose();

    /// <summary>Writes <paramref name="spec"/> as <paramref name="name"/> with its <c>components/schemas</c> edited.</summary>
    protected async Task<string> WithSchemas(string spec, string name, Action<JsonObject> edit)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(spec))!;
        edit(document["components"]!["schemas"]!.AsObject());
        return Folder.Write(name, document.ToJsonString());
    }
}
