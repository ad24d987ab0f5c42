using System.CommandLine;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.KnownValues;

/// <summary>`known-values --out FILE`: the string constants of the spec's open value sets (run by the library's build).</summary>
internal static class KnownValuesCommand
{
    public static Command Create()
    {
        var spec = CommonOptions.Spec();
        var output = CommonOptions.CodeOutput();
        var command = new Command("known-values", "Write C# constants for the known values of every named x-extensible-enum schema of the bundled spec.")
        {
            spec, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await SpecDocument.LoadAsync(parse.GetRequiredValue(spec).FullName, cancellationToken);
            string code;
            try
            {
                code = new KnownValuesWriter(document).Write();
            }
            catch (InvalidOperationException e)
            {
                throw new SpecInputException($"{document.Path}: {e.Message}", e);
            }

            CommonOptions.WriteCode(parse, output, code);
            return ExitCodes.Ok;
        });
        return command;
    }
}
