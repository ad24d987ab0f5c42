namespace Sentry.OpenApi.ContractTests;

/// <summary>The suite runs where there is no Java: see <see cref="NoJavaSetUp"/>.</summary>
[TestFixture]
public sealed class NoJavaTests
{
    [Test]
    public async Task The_only_java_the_suite_can_find_is_the_tripwire()
    {
        var found = await ExternalProcess.RunAsync("sh", ["-c", "command -v java; echo \"JAVA_HOME=${JAVA_HOME:-}\""], TimeSpan.FromSeconds(10));

        Assert.That(found.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { Path.Combine(NoJavaSetUp.TripwireBin, "java"), "JAVA_HOME=" }), found.ToString());
    }

    [Test]
    public async Task Starting_java_hits_the_tripwire_and_is_recorded()
    {
        using var log = new TemporaryDirectory();
        var calls = Path.Combine(log.Path, "calls.log");
        var info = new System.Diagnostics.ProcessStartInfo("java") { RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-jar");
        info.ArgumentList.Add("wiremock-standalone.jar");
        info.Environment["SENTRY_OPENAPI_JAVA_TRIPWIRE_LOG"] = calls; // this deliberate call must not fail the run

        using var process = System.Diagnostics.Process.Start(info)!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(process.ExitCode, Is.EqualTo(127));
        Assert.That(File.ReadAllText(calls), Is.EqualTo("java -jar wiremock-standalone.jar\n"));
        Assert.That(File.Exists(NoJavaSetUp.TripwireLog), Is.False, "no other call of java so far");
    }
}
