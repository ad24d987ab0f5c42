using System.Text.RegularExpressions;

namespace Sentry.OpenApi.PackageTests;

/// <summary>
/// Once per run: <c>dotnet pack</c> of the library and the tool into <c>artifacts/packages/</c> (as README,
/// "Packages", says), the machine's NuGet source for third-party dependencies, and the sandbox.
/// </summary>
[SetUpFixture]
public sealed partial class PackedPackages
{
    /// <summary>Generous: a cold pack on a busy 2-core machine regenerates and compiles two frameworks and the tool.</summary>
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(20);

    private static SandboxServer? _sandbox;

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "packages");

    /// <summary>The smoke projects' own packages folder (tests/PackageSmoke/NuGet.config).</summary>
    public static string SmokePackagesFolder { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "package-smoke", "packages");

    public static string SmokeFolder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "PackageSmoke");

    /// <summary>The version MinVer gave the packages (from the git tags).</summary>
    public static string Version { get; private set; } = "";

    public static string LibraryPackage => Path.Combine(Folder, $"Sentry.OpenApi.{Version}.nupkg");

    public static string LibrarySymbols => Path.Combine(Folder, $"Sentry.OpenApi.{Version}.snupkg");

    public static string ToolPackage => Path.Combine(Folder, $"Sentry.OpenApi.Cli.{Version}.nupkg");

    /// <summary>The NuGet source the machine restores third-party packages from (the user's configuration, not the repository's).</summary>
    public static string DependencySource { get; private set; } = "";

    public static SandboxServer Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox was not started.");

    /// <summary>The environment of a restore or tool install: the dependency source, the smoke packages folder.</summary>
    public static IReadOnlyDictionary<string, string?> RestoreEnvironment => new Dictionary<string, string?>
    {
        ["SENTRY_SMOKE_DEPENDENCY_SOURCE"] = DependencySource,
        ["NUGET_PACKAGES"] = SmokePackagesFolder,
    };

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in Directory.EnumerateFiles(Folder, "Sentry.OpenApi*.*nupkg"))
        {
            File.Delete(old);
        }

        await DotnetCli.BuildAsync("pack", ["src/Sentry.OpenApi/Sentry.OpenApi.csproj", "-c", "Release", "-o", Folder], RepositoryPaths.Root, PackTimeout);
        await DotnetCli.BuildAsync("pack", ["tools/Sentry.Cli/Sentry.Cli.csproj", "-c", "Release", "-o", Folder], RepositoryPaths.Root, PackTimeout);
        var library = Directory.EnumerateFiles(Folder, "Sentry.OpenApi.*.nupkg").Select(Path.GetFileName)
            .Select(name => LibraryFileName().Match(name!)).Where(m => m.Success).ToList();
        Assert.That(library, Has.Count.EqualTo(1), $"dotnet pack should leave exactly one Sentry.OpenApi.<version>.nupkg in {Folder}");
        Version = library[0].Groups["version"].Value;

        DependencySource = await MachineNuGetSourceAsync();

        // A package of the same version restored earlier must not stand in for the one just packed.
        foreach (var id in new[] { "sentry.openapi", "sentry.openapi.cli" })
        {
            var cached = Path.Combine(SmokePackagesFolder, id);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }

        _sandbox = await SandboxServer.StartAsync(TimeSpan.FromMinutes(2));
        TestContext.Progress.WriteLine($"packed {Version} into {Folder}; sandbox at {Sandbox.ApiRoot}; dependencies from {DependencySource}");
    }

    [OneTimeTearDown]
    public void StopSandbox() => _sandbox?.Dispose();

    /// <summary>The first enabled source of the user's NuGet configuration, listed from outside the repository.</summary>
    private static async Task<string> MachineNuGetSourceAsync()
    {
        using var outside = new TemporaryDirectory();
        var list = await DotnetCli.RunAsync("dotnet", ["nuget", "list", "source", "--format", "short"], outside.Path, TimeSpan.FromMinutes(2));
        var enabled = list.OutputLines.Select(line => line.Trim()).Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim()).ToList();
        Assert.That(enabled, Is.Not.Empty, $"the machine's NuGet configuration has no enabled source for the smoke test's dependencies:\n{list}");
        return enabled[0];
    }

    [GeneratedRegex(@"^Sentry\.OpenApi\.(?<version>[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex LibraryFileName();
}
