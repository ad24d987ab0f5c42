using Microsoft.OpenApi;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Generator.Tests.PublishedSpec;

/// <summary>
/// The published spec is a product of its own: valid OpenAPI 3.0.3, a readable self-contained API
/// reference, and usable by another team's generator (here NSwag's TypeScript client, type-checked by tsc).
/// </summary>
[Category("PublishedSpec")]
public sealed class PublishedSpecTests
{
    private static string Node => "node";

    [Test]
    public async Task The_bundled_spec_is_valid_OpenAPI_3_0_3()
    {
        await using var stream = File.OpenRead(RepositoryPaths.BundledSpec);
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(stream, "json");

        Assert.That(diagnostic?.Errors, Is.Empty, "Microsoft.OpenApi errors");
        Assert.That(document, Is.Not.Null);
        Assert.That((string?)JObject.Parse(await File.ReadAllTextAsync(RepositoryPaths.BundledSpec))["openapi"], Is.EqualTo("3.0.3"));
    }

    [Test]
    public async Task The_api_reference_opens_in_headless_chromium_showing_every_tag_without_errors()
    {
        var html = Path.Combine(RepositoryPaths.Root, "artifacts", "spec", "index.html");
        var screenshot = Path.Combine(RepositoryPaths.Root, "artifacts", "api-reference.png");
        Assert.That(File.Exists(html), Is.True, $"{html} is written by the build (SentryBundleSpec)");
        Assert.That(File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium"), Is.True,
            "Debian chromium is needed: `apt-get install -y chromium` (.ci/run installs it when missing)");

        var run = await ExternalProcess.RunAsync(Node, ["build/check-docs.mjs", html, RepositoryPaths.BundledSpec, screenshot], TimeSpan.FromMinutes(2));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var report = JObject.Parse(run.Output.Trim().Split('\n')[^1]);
        Assert.That(report["consoleErrors"], Is.Empty, "console errors");
        Assert.That(report["pageErrors"], Is.Empty, "page errors");
        Assert.That(report["externalRequests"], Is.Empty, "the page must not fetch anything from the network");
        Assert.That(report["missingTags"], Is.Empty, "tags not visible on the page");
        Assert.That((int)report["tags"]!, Is.EqualTo(21));
        Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(10_000), "screenshot saved in artifacts/");
        TestContext.AddTestAttachment(screenshot, "The API reference in headless Chromium");
    }

    [Test]
    public async Task A_TypeScript_client_generated_by_NSwag_from_the_bundle_type_checks()
    {
        using var dir = new TemporaryDirectory();
        var client = Path.Combine(dir.Path, "sentry-client.ts");
        var nswag = Path.Combine(RepositoryPaths.Root, "node_modules", "nswag", "bin", "binaries", "Net100", "dotnet-nswag.dll");

        var generate = await ExternalProcess.RunAsync("dotnet",
            [nswag, "openapi2tsclient", $"/input:{RepositoryPaths.BundledSpec}", $"/output:{client}", "/template:Fetch",
             "/operationGenerationMode:MultipleClientsFromFirstTagAndOperationId", "/generateOptionalParameters:true"], TimeSpan.FromMinutes(2));
        Assert.That(generate.ExitCode, Is.Zero, generate.ToString());

        var tsc = await ExternalProcess.RunAsync(Node,
            [Path.Combine(RepositoryPaths.Root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--strict", "--target", "ES2020", "--lib", "ES2020,DOM", client],
            TimeSpan.FromMinutes(2));

        Assert.That(tsc.ExitCode, Is.Zero, $"tsc found errors in the generated TypeScript client:\n{tsc.Output}{tsc.Error}");
    }

    [Test]
    [NonParallelizable] // the tool runs from the repository root (current directory)
    public async Task The_spec_has_no_unacknowledged_breaking_change_against_the_release_baseline()
    {
        var run = await ToolRun.RunAsync("diff", "spec/baseline/sentry-api.json", "artifacts/spec/sentry-api.json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok),
            $"breaking changes against spec/baseline/sentry-api.json: acknowledge them in spec/breaking-changes.yaml with a reason, or undo them\n{run}");
    }
}
