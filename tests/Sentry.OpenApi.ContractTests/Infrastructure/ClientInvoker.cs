using System.Reflection;
using Newtonsoft.Json.Linq;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi.ContractTests.Infrastructure;

/// <summary>
/// Calls the generated method of an operation (<c>client.&lt;Tag&gt;.&lt;OperationId&gt;Async</c>) with
/// arguments taken from the spec's examples, by reflection: the contract cases cover every
/// operation without a line of code per operation.
/// </summary>
internal static class ClientInvoker
{
    public static MethodInfo Method(SentryApiClient client, SpecOperation operation, out object tagClient)
    {
        var property = typeof(SentryApiClient).GetProperty(operation.Tag)
            ?? throw new MissingMemberException($"SentryApiClient has no property '{operation.Tag}' for tag {operation.Tag} of {operation}.");
        tagClient = property.GetValue(client)!;
        var name = operation.OperationId + "Async";
        return property.PropertyType.GetMethods().SingleOrDefault(m => m.Name == name)
            ?? throw new MissingMethodException($"{property.PropertyType.Name} has no method {name} for {operation}.");
    }

    public static async Task<object?> InvokeAsync(SentryApiClient client, ContractCase contract, CancellationToken cancellationToken)
    {
        var method = Method(client, contract.Operation, out var tagClient);
        var serializer = SentryJson.CreateSerializer();
        var passed = contract.PassedParameters.ToDictionary(p => Normalize(p.Name));
        var args = method.GetParameters().Select(p =>
        {
            if (p.ParameterType == typeof(CancellationToken))
            {
                return cancellationToken;
            }

            if (p.Name == "body")
            {
                return contract.RequestBody?.ToObject(p.ParameterType, serializer)
                    ?? throw new InvalidOperationException($"{contract.Name}: the operation takes a body but the spec has no request example.");
            }

            if (passed.TryGetValue(Normalize(p.Name!), out var parameter))
            {
                return parameter.Example!.ToObject(p.ParameterType, serializer);
            }

            // multipart/form-data: NSwag makes one parameter per form field, the binary part a FileParameter.
            if (contract.Operation.RequestMediaType == "multipart/form-data" && contract.RequestBody is JObject form
                && form.Properties().FirstOrDefault(f => Normalize(f.Name) == Normalize(p.Name!)) is { } field)
            {
                return p.ParameterType == typeof(FileParameter)
                    ? new FileParameter(new MemoryStream(System.Text.Encoding.UTF8.GetBytes((string?)field.Value ?? "")), FileNameOf(form), "application/octet-stream")
                    : field.Value.ToObject(p.ParameterType, serializer);
            }

            return p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException(
                $"{contract.Name}: parameter '{p.Name}' has no example in the spec.");
        }).ToArray();

        var task = (Task)method.Invoke(tagClient, args)!;
        await task.ConfigureAwait(false);
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }

    /// <summary>The file name a multipart example names (its <c>name</c> field), else a neutral one.</summary>
    public static string FileNameOf(JObject form) => (string?)form["name"] is { Length: > 0 } name ? Path.GetFileName(name) : "upload.bin";

    // NSwag keeps spec names as C# parameter names, escaping keywords (@event) and invalid characters.
    private static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
