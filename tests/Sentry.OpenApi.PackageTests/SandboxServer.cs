using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Sentry.OpenApi.PackageTests;

/// <summary>
/// The spec tool's <c>sandbox --port 0</c> as a process (what a developer runs), serving every example of the
/// bundled spec; <see cref="ApiRoot"/> is the <c>.../api/0/</c> URL it printed. Disposing stops it.
/// </summary>
public sealed partial class SandboxServer : IDisposable
{
    private readonly Process _process;

    private SandboxServer(Process process, Uri apiRoot)
    {
        _process = process;
        ApiRoot = apiRoot;
    }

    /// <summary>The spec tool's build output (see the project file).</summary>
    public static string GeneratorDll { get; } = typeof(SandboxServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SentryOpenApiGeneratorDll").Value!;

    public Uri ApiRoot { get; }

    public static async Task<SandboxServer> StartAsync(TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { GeneratorDll, "sandbox", "--port", "0", "--spec", RepositoryPaths.BundledSpec })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start dotnet {GeneratorDll} sandbox.");
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            // "Sentry API sandbox: N examples of M operations at http://127.0.0.1:PORT/api/0/"
            for (var line = await process.StandardOutput.ReadLineAsync(cancel.Token); line is not null; line = await process.StandardOutput.ReadLineAsync(cancel.Token))
            {
                if (ApiRootLine().Match(line) is { Success: true } match)
                {
                    // Keep reading its output so the sandbox never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new SandboxServer(process, new Uri(match.Groups["url"].Value));
                }
            }

            throw new InvalidOperationException($"sentry-openapi sandbox ended without printing its URL (exit {process.ExitCode}): {await error}");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new TimeoutException($"sentry-openapi sandbox printed no URL within {timeout}.");
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@" at (?<url>http://127\.0\.0\.1:[0-9]+/api/0/)\s*$")]
    private static partial Regex ApiRootLine();
}
