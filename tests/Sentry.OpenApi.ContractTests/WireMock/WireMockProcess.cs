using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Sentry.OpenApi.ContractTests.WireMock;

/// <summary>
/// A WireMock standalone server (the jar from the npm package `wiremock`) in a child process on a
/// free loopback port. WireMock.Net cannot be restored here, so tests drive the real WireMock
/// through its admin REST API (<see cref="WireMockAdmin"/>).
/// </summary>
internal sealed partial class WireMockProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string? _rootDir;

    private WireMockProcess(Process process, string? rootDir)
    {
        _process = process;
        _rootDir = rootDir;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Everything WireMock printed so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts WireMock on a free port with an empty root directory (stubs come through the admin API).</summary>
    public static Task<WireMockProcess> StartAsync(string jar, TimeSpan startTimeout) => StartAsync(jar, startTimeout, rootDir: null, port: 0);

    /// <summary>Starts WireMock serving <paramref name="rootDir"/>'s mappings (a temp directory when null) on <paramref name="port"/> (0: any).</summary>
    public static async Task<WireMockProcess> StartAsync(string jar, TimeSpan startTimeout, string? rootDir, int port)
    {
        var ownsRoot = rootDir is null;
        rootDir ??= Directory.CreateTempSubdirectory("sentry-openapi-wiremock-").FullName;
        Directory.CreateDirectory(Path.Combine(rootDir, "mappings"));
        Directory.CreateDirectory(Path.Combine(rootDir, "__files"));
        var info = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar,
                     "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind-address", "127.0.0.1", "--disable-banner",
                     "--root-dir", rootDir, "--async-response-enabled", "true",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start java for WireMock.");
        var server = new WireMockProcess(process, ownsRoot ? rootDir : null);
        // If the test host dies without running the tear-down, WireMock must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"WireMock exited with code {process.ExitCode}:\n{server.Log}"));

        try
        {
            var started = await listening.Task.WaitAsync(startTimeout).ConfigureAwait(false);
            server.BaseUrl = new Uri($"http://127.0.0.1:{started}/");
            await server.WaitHealthyAsync(startTimeout).ConfigureAwait(false);
            return server;
        }
        catch (Exception e)
        {
            server.Dispose();
            throw new InvalidOperationException($"WireMock did not start within {startTimeout}: {e.Message}\n{server.Log}", e);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            if (_rootDir is not null)
            {
                Directory.Delete(_rootDir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    private void OnLine(string? line, TaskCompletionSource<int> port)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        var match = PortLine().Match(line);
        if (match.Success)
        {
            port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("__admin/health").ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("WireMock's /__admin/health did not answer 200.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"^port:\s+(\d+)\s*$")]
    private static partial Regex PortLine();
}
