namespace Sentry.OpenApi.Tests.Generation;

/// <summary>
/// C# names are decided in one place (the spec's extensions and NSwag's templates): renaming a parameter in
/// the spec renames it in the client, and nothing else in the build has to agree.
/// </summary>
[Category("Build")]
public sealed class OneNamingPointTests
{
    // What a build of the library reads; bin/obj are left out so nothing generated is reused.
    private static readonly string[] Inputs = ["Directory.Build.props", "global.json", "nswag.json", "redocly.yaml", "package.json", "package-lock.json", "build", "spec", "src/Sentry.OpenApi", "generator/Sentry.OpenApi.Generator"];

    [Test]
    [CancelAfter(600_000)]
    public async Task A_new_x_originalName_on_a_fixture_parameter_renames_it_and_the_library_still_builds()
    {
        using var copy = new TemporaryDirectory();
        foreach (var input in Inputs)
        {
            Copy(Path.Combine(RepositoryPaths.Root, input), Path.Combine(copy.Path, input));
        }

        // The node tools are the repository's (the build would otherwise npm ci them again).
        Directory.CreateSymbolicLink(Path.Combine(copy.Path, "node_modules"), Path.Combine(RepositoryPaths.Root, "node_modules"));
        var parameter = Path.Combine(copy.Path, "spec", "components", "parameters", "ReleaseVersion.yaml");
        var text = File.ReadAllText(parameter);
        Assert.That(text, Does.Not.Contain("x-originalName"), "the fixture parameter must not have a C# name yet");
        File.WriteAllText(parameter, text.Replace("name: version\n", "name: version\nx-originalName: releaseVersion\n", StringComparison.Ordinal));

        var build = await ExternalProcess.RunAsync("dotnet", ["build", "src/Sentry.OpenApi", "-f", "net8.0", "-nologo", "-v", "q"], TimeSpan.FromMinutes(9), copy.Path);

        Assert.That(build.ExitCode, Is.Zero, $"the library did not build with the renamed parameter:\n{build.Output}\n{build.Error}");
        var generated = File.ReadAllText(Path.Combine(copy.Path, "src", "Sentry.OpenApi", "obj", "Generated", "SentryApiClient.g.cs"));
        Assert.That(generated, Does.Contain("RetrieveReleaseAsync(string organizationSlug, string releaseVersion,"), "the generated signature uses the new name");
        Assert.That(generated, Does.Contain("new(\"version\", \"releaseVersion\", Sentry.OpenApi.Http.SentryParameterLocation.Path)"), "the operation descriptor records it");
    }

    private static void Copy(string source, string target)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }
}
