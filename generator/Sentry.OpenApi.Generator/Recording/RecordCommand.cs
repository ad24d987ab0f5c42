using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using WireMock.Settings;
using Sentry.OpenApi.Generator.Output;
using Sentry.OpenApi.Generator.Sandbox;

namespace Sentry.OpenApi.Generator.Recording;

/// <summary>
/// `record --target https://sentry.io --out DIR [--port 8080]`: a recording proxy on 127.0.0.1. Every
/// request is forwarded to the target and its response saved as a WireMock.Net mapping under
/// <c>DIR/mappings/</c> (what the Replay tests read), without the token, cookies or any echo of them.
/// </summary>
internal static class RecordCommand
{
    public static Command Create()
    {
        var target = ServerOptions.HttpUrl("--target", "The API to record, e.g. https://sentry.io or https://de.sentry.io.", defaultValue: null);
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to save mappings/ into (created; recordings are added).", Required = true };
        var port = ServerOptions.Port();
        var command = new Command("record", "Proxy to a Sentry API on 127.0.0.1 and save every response as a WireMock.Net mapping, until Ctrl+C.") { target, output, port };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration.Output;
            var root = parse.GetRequiredValue(output).FullName;
            var upstream = parse.GetRequiredValue(target);
            CreateFolder(Path.Combine(root, "mappings"));
            var scrubber = new RecordingScrubber();
            var files = new RecordingFiles(root, scrubber, file => console.WriteLine($"saved {Path.GetRelativePath(root, file)}"));
            using var server = LocalServer.Start(parse.GetRequiredValue(port), settings =>
            {
                settings.FileSystemHandler = files;
                settings.ProxyAndRecordSettings = new ProxyAndRecordSettings
                {
                    Url = upstream.AbsoluteUri.TrimEnd('/'),
                    SaveMapping = false, // every call goes to the target, even a repeated one
                    SaveMappingToFile = true,
                    ExcludedHeaders = RecordingScrubber.CredentialHeaders,
                };
                // Credentials are remembered on the way through, so an echo of them in a response is redacted too.
                settings.PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(async (context, next) =>
                {
                    foreach (var header in RecordingScrubber.CredentialHeaders)
                    {
                        foreach (var value in context.Request.Headers[header])
                        {
                            scrubber.Remember(value ?? "");
                        }
                    }

                    await next(context);
                });
            });
            var baseUrl = LocalServer.BaseUrl(server);
            if (upstream.Scheme != Uri.UriSchemeHttps && !upstream.IsLoopback)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"warning: {upstream.AbsoluteUri} is not https: the token you send through the proxy crosses the network in clear text.");
            }

            await console.WriteLineAsync($"Recording proxy at {baseUrl} for {upstream.AbsoluteUri}, saving into {Path.Combine(root, "mappings")}");
            await console.WriteLineAsync($"  point the client at BaseUrl = {new Uri(baseUrl, "api/0/")} (with your token), or curl {baseUrl}api/0/...");
            await console.WriteLineAsync("Press Ctrl+C to stop.");
            await console.FlushAsync(CancellationToken.None);
            await SandboxCommand.WaitForCancellationAsync(cancellationToken);
            server.Stop();
            await console.WriteLineAsync($"recorded {files.Count} mappings into {files.MappingsFolder}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void CreateFolder(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write {path}: {e.Message}", e);
        }
    }
}
