using System.CommandLine;
using Sentry.OpenApi.Generator.Output;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Mocks;

/// <summary>
/// `mocks --out DIR`: a stub mapping for every example of every operation (WireMock.Net's format, or
/// Java WireMock's with <c>--format java</c>) and an index, so that a WireMock server serves a sandbox
/// Sentry API from the spec alone. DIR is replaced whole, and only when the tool wrote it before (or it
/// is empty, or <c>--force</c>).
/// </summary>
internal static class MocksCommand
{
    /// <summary>The file that marks a folder as written by `mocks`.</summary>
    public const string MarkerName = ".sentry-openapi-mocks";

    public static Command Create()
    {
        var spec = CommonOptions.Spec();
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write (mappings/ and index.md); replaced whole.", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "wiremock-net (WireMock.Net mappings, the default) or java (Java WireMock's mappings and __files/).",
            DefaultValueFactory = _ => "wiremock-net",
        };
        format.AcceptOnlyFromAmong("wiremock-net", "java");
        var force = new Option<bool>("--force") { Description = "Replace --out even when it is not empty and was not written by this tool." };
        var baseUrl = Sandbox.ServerOptions.HttpUrl("--base-url", "Where the server will listen, for the Link headers of paginated operations.", "http://localhost:8080/");
        var command = new Command("mocks", "Write WireMock stub mappings (one per operation example) for a sandbox Sentry API.") { spec, output, format, force, baseUrl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await SpecDocument.LoadAsync(parse.GetRequiredValue(spec).FullName, cancellationToken);
            var cases = MockCases.For(document);
            var root = parse.GetRequiredValue(output).FullName;
            var kind = parse.GetRequiredValue(format) == "java" ? MockFormat.Java : MockFormat.WireMockNet;
            var url = parse.GetRequiredValue(baseUrl);
            var files = MockMappings.Files(cases, kind, url).ToDictionary(f => $"mappings/{f.Key}", f => f.Value, StringComparer.Ordinal);
            files["index.md"] = MocksIndex.Write(cases, kind, url);
            OwnedFolder.Replace(root, files, kind == MockFormat.Java ? ["mappings", "__files"] : ["mappings"], MarkerName,
                $"Written by `sentry-openapi mocks` ({kind}); the next run replaces this folder whole.\n", parse.GetValue(force));
            parse.InvocationConfiguration.Output.WriteLine($"wrote {cases.Count} {(kind == MockFormat.Java ? "Java WireMock" : "WireMock.Net")} mappings for {document.Operations.Count} operations to {Path.Combine(root, "mappings")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
