namespace Sentry.OpenApi.PackageTests;

/// <summary>
/// tests/PackageSmoke/Sentry.Smoke.App restored (from artifacts/packages/ only) and built as a consumer would,
/// then run against the sandbox. <c>asset</c> "netstandard2.0" makes it run the package's netstandard2.0 DLL.
/// </summary>
public static class SmokeApp
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    public static async Task<CommandResult> BuildAndRunAsync(string? asset)
    {
        var project = Path.Combine(PackedPackages.SmokeFolder, "Sentry.Smoke.App", "Sentry.Smoke.App.csproj");
        List<string> properties = [$"-p:SentryOpenApiVersion={PackedPackages.Version}"];
        if (asset is not null)
        {
            properties.Add($"-p:SentryOpenApiAsset={asset}");
        }

        await DotnetCli.BuildAsync("build", [project, "-c", "Release", .. properties], PackedPackages.SmokeFolder, BuildTimeout, PackedPackages.RestoreEnvironment);
        var output = asset is null ? "bin" : $"bin-{asset}";
        var app = Path.Combine(PackedPackages.SmokeFolder, "Sentry.Smoke.App", output, "Release", "net8.0", "Sentry.Smoke.App.dll");
        // Runs on net8.0 or, where only a newer runtime is installed, on that one.
        return await DotnetCli.RunAsync("dotnet",
            [app, PackedPackages.Sandbox.ApiRoot.AbsoluteUri, SandboxExpectations.OrganizationSlug, SandboxExpectations.ProjectSlug],
            PackedPackages.SmokeFolder, TimeSpan.FromMinutes(3), new Dictionary<string, string?> { ["DOTNET_ROLL_FORWARD"] = "Major" });
    }

    /// <summary>The lines between <c>== title</c> and the next <c>==</c> line.</summary>
    public static IReadOnlyList<string> Section(CommandResult run, string title)
    {
        var lines = run.OutputLines;
        var start = lines.ToList().IndexOf("== " + title);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"the smoke app printed no '== {title}' section:\n{run}");
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("== ", StringComparison.Ordinal)).ToList();
    }
}
