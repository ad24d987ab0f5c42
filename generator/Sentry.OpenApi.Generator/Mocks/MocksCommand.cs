using System.CommandLine;
using System.Text.Json;
using Sentry.OpenApi.Generator.Output;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Mocks;

/// <summary>
/// `mocks --out DIR`: WireMock stub mappings for every example of every operation, so that
/// `java -jar wiremock-standalone.jar --root-dir DIR` serves a sandbox Sentry API from the spec alone.
/// </summary>
internal static class MocksCommand
{
    // Readable mapping files: Link headers keep their < > and quotes unescaped.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var spec = CommonOptions.Spec();
        var output = new Option<DirectoryInfo>("--out") { Description = "The WireMock root directory to write (mappings/ and __files/).", Required = true };
        var baseUrl = new Option<Uri>("--base-url")
        {
            Description = "Where WireMock will serve, for the Link headers of paginated operations.",
            DefaultValueFactory = _ => new Uri("http://localhost:8080/"),
        };
        var command = new Command("mocks", "Write WireMock stub mappings (one per operation example) for a sandbox Sentry API.") { spec, output, baseUrl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await SpecDocument.LoadAsync(parse.GetRequiredValue(spec).FullName, cancellationToken);
            var cases = MockCases.For(document);
            var root = parse.GetRequiredValue(output).FullName;
            var files = cases.ToDictionary(
                c => $"{c.OperationId}--{Safe(c.ExampleName)}.json",
                c => c.ToMapping(parse.GetRequiredValue(baseUrl)).ToJsonString(Indented));
            AtomicDirectory.Replace(Path.Combine(root, "mappings"), files);
            Directory.CreateDirectory(Path.Combine(root, "__files"));
            parse.InvocationConfiguration.Output.WriteLine($"wrote {files.Count} mappings for {document.Operations.Count} operations to {Path.Combine(root, "mappings")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
