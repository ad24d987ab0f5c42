using System.CommandLine;
using Sentry.OpenApi.Generator.ContractCalls;
using Sentry.OpenApi.Generator.KnownValues;
using Sentry.OpenApi.Generator.Coverage;
using Sentry.OpenApi.Generator.Diff;
using Sentry.OpenApi.Generator.Mocks;
using Sentry.OpenApi.Generator.Output;
using Sentry.OpenApi.Generator.Recording;
using Sentry.OpenApi.Generator.Sandbox;
using Sentry.OpenApi.Generator.Spec;
using Sentry.OpenApi.Generator.Stats;
using Sentry.OpenApi.Generator.Validation;

namespace Sentry.OpenApi.Generator;

/// <summary>The command line of the spec tool. Exit codes: 0 ok, 1 findings, 2 bad input or usage.</summary>
public static class Cli
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing to the given output and error writers.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Sentry.OpenApi spec tooling: validate, coverage, stats, diff, WireMock mocks, a sandbox server and a recording proxy, the known-value constants the build uses, and the contract tests' compiled calls.")
        {
            CoverageCommand.Create(),
            ContractCallsCommand.Create(),
            KnownValuesCommand.Create(),
            MocksCommand.Create(),
            SandboxCommand.Create(),
            RecordCommand.Create(),
            DiffCommand.Create(),
            ValidateCommand.Create(),
            StatsCommand.Create(),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}");
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (SpecInputException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OutputException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
