using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// <c>--paired [rounds]</c>: the paired comparison; <c>--flatness</c>: memory while paging; anything else goes to
/// BenchmarkDotNet (e.g. <c>--filter '*'</c>), and a run of every benchmark (<c>--filter '*'</c>) ends with both
/// modes too. Exits 1 when a paired target or the flatness check fails.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--paired"))
        {
            return PairedMode.Run(RoundsOf(args), Console.Out) ? 0 : 1;
        }

        if (args.Contains("--flatness"))
        {
            return await FlatnessMode.RunAsync(Console.Out) ? 0 : 1;
        }

        // BenchmarkDotNet builds its child project with a global ArtifactsPath, which turns the SDK's artifacts layout on
        // for every referenced project: the library would be rebuilt (its client regenerated) under a second obj/
        // folder. Inherited by those builds as an MSBuild property, this keeps the normal layout, so the library's
        // build is the one `dotnet run` just did.
        Environment.SetEnvironmentVariable("UseArtifactsOutput", "false");

        // The loopback server runs here, in the host, while BenchmarkDotNet's child processes measure.
        using var server = LoopbackServer.Start(Transports.DefaultPages);
        Environment.SetEnvironmentVariable(Transports.LoopbackOriginVariable, server.Origin);
        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        if (!IsFullRun(args))
        {
            return failed ? 1 : 0;
        }

        Console.WriteLine();
        var paired = PairedMode.Run(RoundsOf(args), Console.Out);
        Console.WriteLine();
        var flat = await FlatnessMode.RunAsync(Console.Out);
        return failed || !paired || !flat ? 1 : 0;
    }

    private static bool IsFullRun(string[] args)
    {
        var filter = Array.IndexOf(args, "--filter");
        return filter >= 0 && filter + 1 < args.Length && args[filter + 1] == "*";
    }

    private static int RoundsOf(string[] args)
    {
        var at = Array.IndexOf(args, "--paired");
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var rounds) && rounds > 0 ? rounds : 60;
    }
}
