using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Sentry.OpenApi.PackageTests;

/// <summary>
/// Runs the <c>dotnet</c> CLI (pack, restore, build, tool install) or a program as a separate process, bounded in
/// time, with none of the test host's MSBuild variables (a nested build must not inherit the outer one's SDK
/// paths) and no build servers left running afterwards.
/// </summary>
public static class DotnetCli
{
    // Set by `dotnet test` / MSBuild in the test host; a child build must resolve its own.
    private static readonly string[] InheritedBuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH", "MSBUILDNOINPROCNODE"];

    /// <summary><c>dotnet pack|restore|build ...</c> without build servers or node reuse, so nothing outlives the call.</summary>
    public static Task<CommandResult> BuildAsync(string command, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        RunAsync("dotnet", [command, .. arguments, "--disable-build-servers", "-nodeReuse:false", "-v:minimal"], workingDirectory, timeout, environment);

    /// <summary>Runs <paramref name="program"/>; throws naming the command line when it fails or takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null, bool expectSuccess = true)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        };
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()
                     .Where(n => InheritedBuildVariables.Contains(n, StringComparer.OrdinalIgnoreCase) || n.StartsWith("VSTEST_", StringComparison.Ordinal)))
        {
            variables[name] = null;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        var commandLine = $"{program} {string.Join(' ', arguments)}";
        var started = DateTime.UtcNow;
        using var cancel = new CancellationTokenSource(timeout);
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(program)
                .WithArguments(arguments)
                .WithWorkingDirectory(workingDirectory)
                .WithEnvironmentVariables(variables)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.UTF8, cancel.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"'{commandLine}' (in {workingDirectory}) did not finish within {timeout}; it was stopped.", e);
        }

        var run = new CommandResult(commandLine, result.ExitCode, result.StandardOutput, result.StandardError, DateTime.UtcNow - started);
        TestContext.Progress.WriteLine($"{run.Elapsed.TotalSeconds,6:0.0} s  {commandLine}");
        if (expectSuccess && run.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{commandLine}' (in {workingDirectory}) failed:\n{run}");
        }

        return run;
    }
}

/// <summary>What a process printed, and how it ended.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>The lines of standard output, without line ends.</summary>
    public IReadOnlyList<string> OutputLines => Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout\n{Tail(Output)}\n--- stderr\n{Tail(Error)}";

    // Build logs are long; the end says what failed.
    private static string Tail(string text) => text.Length <= 8000 ? text : "...\n" + text[^8000..];
}
