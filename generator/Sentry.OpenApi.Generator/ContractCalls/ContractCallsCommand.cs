using System.CommandLine;
using Sentry.OpenApi.Generator.Mocks;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.ContractCalls;

/// <summary>
/// `contract-calls --assembly DLL --out FILE`: compiled calls of every (operation, example) of the bundled spec
/// against a built client, for the contract and replay tests (run by the build of the contract test project).
/// </summary>
internal static class ContractCallsCommand
{
    public static Command Create()
    {
        var spec = CommonOptions.Spec();
        var assembly = new Option<FileInfo>("--assembly") { Description = "The built client assembly (Sentry.OpenApi.dll) whose SentryOperation descriptors name every method, parameter and type.", Required = true };
        var references = new Option<FileInfo[]>("--reference") { Description = "A dependency of the assembly (repeatable), e.g. every resolved reference of the project that uses the calls.", AllowMultipleArgumentsPerToken = true };
        var output = CommonOptions.CodeOutput();
        var ns = new Option<string>("--namespace") { Description = "The namespace of the written class.", DefaultValueFactory = _ => "Sentry.OpenApi.ContractTests.Contract" };
        var className = new Option<string>("--class") { Description = "The name of the written class.", DefaultValueFactory = _ => "CompiledContractCalls" };
        var clientType = new Option<string>("--client-type") { Description = "The entry point whose properties are the tag clients.", DefaultValueFactory = _ => "Sentry.OpenApi.ISentryApiClient" };
        var command = new Command("contract-calls", "Write one compiled C# call per (operation, example) of the bundled spec, with the names and types of a built client assembly.")
        {
            spec, assembly, references, output, ns, className, clientType,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var specPath = parse.GetRequiredValue(spec).FullName;
            var cases = await MockCases.LoadAsync(specPath, cancellationToken);
            var assemblyPath = parse.GetRequiredValue(assembly).FullName;
            string code;
            using (var client = IsolatedAssembly.Load(assemblyPath, (parse.GetValue(references) ?? []).Select(r => r.FullName)))
            {
                try
                {
                    var (entryPoint, operations) = ClientSurface.Read(client, parse.GetRequiredValue(clientType));
                    code = new ContractCallsWriter(specPath, cases, operations, entryPoint, client.LoadProblems)
                        .Write(parse.GetRequiredValue(ns), parse.GetRequiredValue(className), Path.GetFileName(assemblyPath));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
                {
                    throw new SpecInputException($"{assemblyPath}: a type the client's methods use cannot be loaded ({e.Message}); pass the assembly's dependencies with --reference.", e);
                }
            }

            CommonOptions.WriteCode(parse, output, code, $"{cases.Count} cases");
            return ExitCodes.Ok;
        });
        return command;
    }
}
