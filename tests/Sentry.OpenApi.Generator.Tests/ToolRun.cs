using Sentry.OpenApi.Generator;

namespace Sentry.OpenApi.Generator.Tests;

/// <summary>One run of the tool in-process, from the repository root, with what it printed.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public static async Task<ToolRun> RunAsync(params string[] args)
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(RepositoryPaths.Root);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await Cli.RunAsync(args, output, error);
            return new ToolRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- output\n{Output}\n--- error\n{Error}";
}
