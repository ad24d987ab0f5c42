using System.Reflection;
using CliWrap;
using CliWrap.Buffered;

namespace Sentry.Cli.Tests;

/// <summary>
/// Runs <c>sentry-api</c> with arguments, environment and standard input, and captures what it printed: either
/// in-process through <see cref="SentryCli.RunAsync"/>, or as a process (<c>dotnet sentry-api.dll ...</c>, the
/// build output) with a clean environment. Every test of a <see cref="ToolTests"/> fixture runs both ways.
/// </summary>
public abstract class ToolRunner
{
    /// <summary>The fixture arguments: each test once in-process and once as a process.</summary>
    public static IEnumerable<ToolRunner> Both { get; } = [new InProcess(), new Process()];

    /// <summary>The tool's build output (see the test project).</summary>
    public static string ToolDll { get; } = typeof(ToolRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SentryCliDll").Value!;

    public abstract Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string?> environment, string? input, IReadOnlyList<string> args);

    /// <summary>The tool in this test process; environment lookups see only <c>environment</c>.</summary>
    public sealed class InProcess : ToolRunner
    {
        public override async Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string?> environment, string? input, IReadOnlyList<string> args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            using var stdin = new StringReader(input ?? "");
            var host = new CliHost(output, error, name => environment.GetValueOrDefault(name)) { Input = stdin };
            var exitCode = await SentryCli.RunAsync([.. args], host);
            return new ToolRun(exitCode, output.ToString(), error.ToString());
        }

        public override string ToString() => "in-process";
    }

    /// <summary>
    /// The tool as a process. Its environment has no Sentry variables of the machine running the tests, and a
    /// fresh HOME (no <c>~/.netrc</c>) unless the test gives one.
    /// </summary>
    public sealed class Process : ToolRunner
    {
        public override async Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string?> environment, string? input, IReadOnlyList<string> args)
        {
            using var home = new TemporaryDirectory();
            var variables = new Dictionary<string, string?>
            {
                ["SENTRY_AUTH_TOKEN"] = null,
                ["SENTRY_ORG"] = null,
                ["SENTRY_URL"] = null,
                ["HOME"] = home.Path,
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            };
            foreach (var (name, value) in environment)
            {
                variables[name] = value;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var result = await CliWrap.Cli.Wrap("dotnet")
                .WithArguments([ToolDll, .. args])
                .WithEnvironmentVariables(variables)
                .WithStandardInputPipe(PipeSource.FromString(input ?? ""))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token);
            return new ToolRun(result.ExitCode, result.StandardOutput, result.StandardError);
        }

        public override string ToString() => "process";
    }
}

/// <summary>What a run of the tool gave: its exit code and what it printed.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>The non-empty lines of standard output, as printed (leading spaces of right-aligned cells kept).</summary>
    public string[] OutputLines => Output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
