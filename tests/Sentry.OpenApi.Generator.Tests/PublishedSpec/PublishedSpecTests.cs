using Microsoft.OpenApi;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Generator.Tests.PublishedSpec;

/// <summary>
/// The published spec is a product of its own: valid OpenAPI 3.0.3, a readable self-contained API
/// reference, and usable by other teams' generators (NSwag's TypeScript client and openapi-typescript's types,
/// type-checked by tsc --strict).
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

        var generate = await ExternalProcess.RunAsync("dotnet",
            [NSwagConsole(), "openapi2tsclient", $"/input:{RepositoryPaths.BundledSpec}", $"/output:{client}", "/template:Fetch", "/typeStyle:Interface",
             "/operationGenerationMode:MultipleClientsFromFirstTagAndOperationId", "/generateOptionalParameters:true"], TimeSpan.FromMinutes(2));
        Assert.That(generate.ExitCode, Is.Zero, generate.ToString());

        var tsc = await Tsc(client);

        Assert.That(tsc.ExitCode, Is.Zero, $"tsc found errors in the generated TypeScript client:\n{tsc.Output}{tsc.Error}");
    }

    [Test]
    public async Task Types_from_openapi_typescript_make_issue_fields_typed_and_a_misspelt_field_an_error()
    {
        using var dir = new TemporaryDirectory();
        var types = Path.Combine(dir.Path, "sentry-api.d.ts");
        var generate = await ExternalProcess.RunAsync(Node,
            [Path.Combine(RepositoryPaths.Root, "node_modules", "openapi-typescript", "bin", "cli.js"), RepositoryPaths.BundledSpec, "-o", types], TimeSpan.FromMinutes(2),
            workingDirectory: dir.Path); // not the repository: openapi-typescript would take its APIs from redocly.yaml there
        Assert.That(generate.ExitCode, Is.Zero, generate.ToString());
        var probes = Path.Combine(RepositoryPaths.Root, "tests", "Sentry.OpenApi.Generator.Tests", "PublishedSpec", "Probes");
        foreach (var probe in Directory.GetFiles(probes, "*.ts"))
        {
            File.Copy(probe, Path.Combine(dir.Path, Path.GetFileName(probe)));
        }

        var good = await Tsc(Path.Combine(dir.Path, "issues-title.ts"));
        var bad = await Tsc(Path.Combine(dir.Path, "issues-titel.ts"));

        Assert.That(good.ExitCode, Is.Zero, $"issues[0].title should compile under --strict:\n{good.Output}{good.Error}");
        Assert.That(bad.ExitCode, Is.Not.Zero, "issues[0].titel (misspelt) should not compile");
        Assert.That(bad.Output, Does.Contain("issues-titel.ts(6,"), "the error is the misspelt line");
    }

    // NSwag's console from the NSwag.MSBuild package the build uses (its version is in the generation project).
    private static string NSwagConsole()
    {
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "build", "Sentry.OpenApi.CodeGen", "Sentry.OpenApi.CodeGen.proj"));
        var version = project.Descendants("PackageReference").Single(p => (string?)p.Attribute("Include") == "NSwag.MSBuild").Attribute("Version")!.Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "nswag.msbuild", version, "tools", "Net100", "dotnet-nswag.dll");
    }

    private static Task<ExternalProcess> Tsc(string file) => ExternalProcess.RunAsync(Node,
        [Path.Combine(RepositoryPaths.Root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--strict", "--target", "ES2020", "--lib", "ES2020,DOM", file],
        TimeSpan.FromMinutes(2));

    [Test]
    [NonParallelizable] // the tool runs from the repository root (current directory)
    public async Task The_spec_has_no_unacknowledged_breaking_change_against_the_release_baseline()
    {
        var run = await ToolRun.RunAsync("diff", "spec/baseline/sentry-api.json", "artifacts/spec/sentry-api.json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok),
            $"breaking changes against spec/baseline/sentry-api.json: acknowledge them in spec/breaking-changes.yaml with a reason, or undo them\n{run}");
    }
}
