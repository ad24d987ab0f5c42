using System.Reflection;
using Newtonsoft.Json.Linq;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi.ContractTests.Infrastructure;

/// <summary>
/// Calls the generated method of an operation (<c>client.&lt;Tag&gt;.&lt;OperationId&gt;Async</c>) by
/// reflection, with arguments taken from the spec's examples (or a recording's URL): the contract and
/// replay cases cover every operation without a line of code per operation.
/// </summary>
internal static class ClientInvoker
{
    public static MethodInfo Method(SentryApiClient client, string tag, string operationId, out object tagClient)
    {
        var property = typeof(SentryApiClient).GetProperty(tag)
            ?? throw new MissingMemberException($"SentryApiClient has no property '{tag}' for {operationId}.");
        tagClient = property.GetValue(client)!;
        var name = operationId + "Async";
        return property.PropertyType.GetMethods().SingleOrDefault(m => m.Name == name)
            ?? throw new MissingMethodException($"{property.PropertyType.Name} has no method {name}.");
    }

    /// <summary>Invokes the operation; <paramref name="arguments"/> maps spec parameter names to JSON values.</summary>
    public static async Task<object?> InvokeAsync(SentryApiClient client, string tag, string operationId,
        IReadOnlyDictionary<string, JToken> arguments, string? requestMediaType, JToken? requestBody, CancellationToken cancellationToken)
    {
        var method = Method(client, tag, operationId, out var tagClient);
        var serializer = SentryJson.CreateSerializer();
        var passed = arguments.ToDictionary(a => Normalize(a.Key), a => a.Value);
        var args = method.GetParameters().Select(p =>
        {
            if (p.ParameterType == typeof(CancellationToken))
            {
                return cancellationToken;
            }

            if (p.Name == "body")
            {
                return requestBody?.ToObject(p.ParameterType, serializer)
                    ?? throw new InvalidOperationException($"{operationId}: the operation takes a body but there is no request example.");
            }

            if (passed.TryGetValue(Normalize(p.Name!), out var value))
            {
                return ToParameter(value, p.ParameterType, serializer);
            }

            // multipart/form-data: NSwag makes one parameter per form field, the binary part a FileParameter.
            if (requestMediaType == "multipart/form-data" && requestBody is JObject form
                && form.Properties().FirstOrDefault(f => Normalize(f.Name) == Normalize(p.Name!)) is { } field)
            {
                return p.ParameterType == typeof(FileParameter)
                    ? new FileParameter(new MemoryStream(System.Text.Encoding.UTF8.GetBytes((string?)field.Value ?? "")), FileNameOf(form), "application/octet-stream")
                    : field.Value.ToObject(p.ParameterType, serializer);
            }

            return p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"{operationId}: parameter '{p.Name}' has no value.");
        }).ToArray();

        var task = (Task)method.Invoke(tagClient, args)!;
        await task.ConfigureAwait(false);
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }

    /// <summary>The file name a multipart example names (its <c>name</c> field), else a neutral one.</summary>
    public static string FileNameOf(JObject form) => (string?)form["name"] is { Length: > 0 } name ? Path.GetFileName(name) : "upload.bin";

    // A query value from a URL is text; the generated parameter may be a number, bool, date, enum or list.
    private static object? ToParameter(JToken value, Type type, Newtonsoft.Json.JsonSerializer serializer)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var isList = target != typeof(string) && target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IEnumerable<>);
        if (isList && value is not JArray)
        {
            value = new JArray(value);
        }

        if (value is JValue { Type: JTokenType.String } text && target != typeof(string) && !target.IsEnum && !isList && target != typeof(DateTimeOffset))
        {
            value = JToken.Parse((string)text!); // "25" → 25, "true" → true
        }

        return value.ToObject(type, serializer);
    }

    // NSwag keeps spec names as C# parameter names, escaping keywords (@event) and invalid characters.
    private static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
