using System.CommandLine;
using Sentry.OpenApi.Generator.Mocks;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Sandbox;

/// <summary>
/// `sandbox [--port 8080]`: serves every example of the spec (the `mocks` stubs, Link headers included)
/// from an in-process WireMock.Net on 127.0.0.1 until Ctrl+C. No Java, no files written.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var spec = CommonOptions.Spec();
        var port = ServerOptions.Port();
        var command = new Command("sandbox", "Serve a sandbox Sentry API from the spec's examples on 127.0.0.1 until Ctrl+C.") { spec, port };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await SpecDocument.LoadAsync(parse.GetRequiredValue(spec).FullName, cancellationToken);
            var cases = MockCases.For(document);
            var output = parse.InvocationConfiguration.Output;
            using var server = LocalServer.Start(parse.GetRequiredValue(port));
            var baseUrl = LocalServer.BaseUrl(server);
            foreach (var mapping in MockMappings.For(cases, MockFormat.WireMockNet, baseUrl).Values)
            {
                server.WithMapping(mapping.ToJsonString());
            }

            var sample = cases.FirstOrDefault(c => c.Method == "GET");
            await output.WriteLineAsync($"Sentry API sandbox: {cases.Count} examples of {document.Operations.Count} operations at {new Uri(baseUrl, "api/0/")}");
            if (sample is not null)
            {
                await output.WriteLineAsync($"  e.g. curl -H 'Authorization: Bearer any-token' '{new Uri(baseUrl, sample.Path.TrimStart('/'))}'");
            }

            await output.WriteLineAsync("Press Ctrl+C to stop.");
            await output.FlushAsync(CancellationToken.None);
            await WaitForCancellationAsync(cancellationToken);
            server.Stop();
            await output.WriteLineAsync($"sandbox stopped after {server.LogEntries.Count()} requests");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Returns when Ctrl+C (or the caller) cancels.</summary>
    public static async Task WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
