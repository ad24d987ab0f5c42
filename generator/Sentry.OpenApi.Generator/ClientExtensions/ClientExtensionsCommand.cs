using System.CommandLine;
using Sentry.OpenApi.Generator.Output;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.ClientExtensions;

/// <summary>`client-extensions --out FILE`: the C# that extends the NSwag clients (run by the library's build).</summary>
internal static class ClientExtensionsCommand
{
    public static Command Create()
    {
        var spec = CommonOptions.Spec();
        var output = new Option<FileInfo>("--out") { Description = "The C# file to write.", Required = true };
        var command = new Command("client-extensions", "Write the C# client extensions (tag clients, response hooks, paging methods, known values) for the bundled spec.")
        {
            spec, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await SpecDocument.LoadAsync(parse.GetRequiredValue(spec).FullName, cancellationToken);
            string code;
            try
            {
                code = new ClientExtensionsWriter(document).Write();
            }
            catch (InvalidOperationException e)
            {
                throw new SpecInputException($"{document.Path}: {e.Message}", e);
            }

            var target = parse.GetRequiredValue(output).FullName;
            var changed = AtomicFile.WriteIfChanged(target, code);
            parse.InvocationConfiguration.Output.WriteLine($"{(changed ? "wrote" : "unchanged")}: {target}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
