namespace Sentry.OpenApi.Generator.Tests;

/// <summary>
/// One run of the tool as a process of its own, from the repository root: a crash (a stack overflow
/// ends a process) or a hang then fails one test instead of taking the test run down. The time limit
/// is a hang guard, not a measurement.
/// </summary>
internal static class ToolProcess
{
    public static readonly TimeSpan DefaultHangGuard = TimeSpan.FromMinutes(2);

    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "sentry-openapi.dll");

    public static Task<ToolRun> RunAsync(params string[] args) => RunAsync(DefaultHangGuard, args);

    public static async Task<ToolRun> RunAsync(TimeSpan hangGuard, params string[] args)
    {
        var run = await ExternalProcess.RunAsync("dotnet", [Tool, .. args], hangGuard, RepositoryPaths.Root);
        // A crash prints its stack trace; the first lines say enough.
        var error = string.Join('\n', run.Error.Split('\n').Take(40));
        return new ToolRun(run.ExitCode, run.Output, error);
    }
}
