using System.Collections;
using System.Reflection;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.ContractCalls;

/// <summary>Where a spec parameter goes in a generated method (the library's <c>SentryParameterLocation</c>).</summary>
internal enum ClientParameterLocation
{
    Path,
    Query,
    Options,
    Body,
    Form,
}

/// <summary>A parameter as the compiled client has it: spec name, C# name, where it goes, and its CLR type.</summary>
internal sealed record ClientParameter(string Name, string CSharpName, ClientParameterLocation Location, Type Type);

/// <summary>
/// One operation of the compiled client, read from its <c>SentryOperation</c> descriptor and the method it
/// names: how to call it (<c>client.&lt;Tag&gt;.&lt;MethodName&gt;</c>), its parameters with their CLR types, and the
/// options parameter (name and type) that carries the optional query parameters.
/// </summary>
internal sealed record ClientOperation(
    string Id,
    string Tag,
    string MethodName,
    bool IsPaginated,
    IReadOnlyList<ClientParameter> Parameters,
    string? OptionsParameterName,
    Type? OptionsType,
    string CancellationParameterName,
    bool ReturnsValue,
    bool IsObsolete);

/// <summary>
/// The C# surface of a built client, as its own generated code describes it: every static
/// <c>SentryOperation</c> field the NSwag templates wrote (id, tag, method name, each parameter's spec name,
/// C# name and location), completed with the CLR types of the method's parameters and of the options
/// class's properties. Nothing here derives a C# name from a spec name.
/// </summary>
internal static class ClientSurface
{
    public const string DescriptorType = "Sentry.OpenApi.Http.SentryOperation";

    /// <summary>The entry point (<paramref name="clientType"/>, whose properties are the tags) and the operations of <paramref name="assembly"/> by operation id.</summary>
    public static (Type EntryPoint, IReadOnlyDictionary<string, ClientOperation> Operations) Read(IsolatedAssembly assembly, string clientType)
    {
        var types = assembly.Types();
        var location = assembly.Assembly.Location;
        var client = types.SingleOrDefault(t => t.FullName == clientType)
            ?? throw new SpecInputException($"{location}: has no type {clientType} (the entry point whose properties are the tag clients); pass --client-type." +
                (assembly.LoadProblems.Count > 0 ? $" Some types did not load: {string.Join("; ", assembly.LoadProblems.Take(3))}" : ""));
        var operations = new Dictionary<string, ClientOperation>(StringComparer.Ordinal);
        foreach (var field in types.SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                     .Where(f => IsDescriptor(f, assembly)))
        {
            object descriptor;
            try
            {
                descriptor = field.GetValue(null) ?? throw new SpecInputException($"{location}: {field.DeclaringType}.{field.Name} is null.");
            }
            catch (TargetInvocationException e)
            {
                throw new SpecInputException($"{location}: the static initializer of {field.DeclaringType} failed: {e.InnerException?.Message}", e);
            }

            var operation = Describe(client, descriptor, $"{location}: {field.DeclaringType}.{field.Name}");
            if (!operations.TryAdd(operation.Id, operation))
            {
                throw new SpecInputException($"{location}: two descriptors for operation {operation.Id} ({field.DeclaringType}.{field.Name} and another).");
            }
        }

        if (operations.Count == 0)
        {
            throw new SpecInputException($"{location}: has no static {DescriptorType} field; is it the Sentry.OpenApi client built from the NSwag templates?");
        }

        return (client, operations);
    }

    private static ClientOperation Describe(Type client, object descriptor, string where)
    {
        var id = Read<string>(descriptor, "Id", where);
        var tag = Read<string>(descriptor, "Tag", where);
        var methodName = Read<string>(descriptor, "MethodName", where);
        var isPaginated = Read<bool>(descriptor, "IsPaginated", where);
        var declared = ((IEnumerable)Read<object>(descriptor, "Parameters", where)).Cast<object>()
            .Select(p => (Name: Read<string>(p, "Name", where), CSharpName: Read<string>(p, "CSharpName", where),
                Location: Enum.Parse<ClientParameterLocation>(Read<object>(p, "Location", where).ToString()!)))
            .ToList();
        where = $"{where} ({id})";

        var tagProperty = client.GetProperty(tag)
            ?? throw new SpecInputException($"{where}: {client.FullName} has no property {tag}, the descriptor's tag.");
        var methods = Methods(tagProperty.PropertyType).Where(m => m.Name == methodName).ToList();
        if (methods.Count == 0)
        {
            throw new SpecInputException($"{where}: {tagProperty.PropertyType.FullName} has no method {methodName}, the descriptor's method name.");
        }

        var arguments = declared.Where(p => p.Location != ClientParameterLocation.Options).Select(p => p.CSharpName).ToList();
        var hasOptions = declared.Any(p => p.Location == ClientParameterLocation.Options);
        // The overload the descriptor describes: each argument by its C# name, the options object when there are options, a token.
        var candidates = methods.Where(m =>
        {
            var rest = m.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken) && !arguments.Contains(p.Name!)).ToList();
            return arguments.All(a => m.GetParameters().Any(p => p.Name == a)) && rest.Count == (hasOptions ? 1 : 0)
                && m.GetParameters().Count(p => p.ParameterType == typeof(CancellationToken)) == 1;
        }).ToList();
        if (candidates.Count != 1)
        {
            throw new SpecInputException($"{where}: {candidates.Count} overloads of {tagProperty.PropertyType.Name}.{methodName} take the descriptor's parameters ({string.Join(", ", arguments)}{(hasOptions ? ", an options object" : "")}, a CancellationToken); expected exactly one.");
        }

        var method = candidates[0];
        var byName = method.GetParameters().ToDictionary(p => p.Name!, StringComparer.Ordinal);
        var options = hasOptions ? method.GetParameters().Single(p => p.ParameterType != typeof(CancellationToken) && !arguments.Contains(p.Name!)) : null;
        var parameters = declared.Select(p =>
        {
            if (p.Location != ClientParameterLocation.Options)
            {
                return new ClientParameter(p.Name, p.CSharpName, p.Location, byName[p.CSharpName].ParameterType);
            }

            var property = options!.ParameterType.GetProperty(p.CSharpName);
            if (property is not { CanWrite: true } || property.SetMethod is not { IsPublic: true })
            {
                throw new SpecInputException($"{where}: the options class {options.ParameterType.FullName} has no settable property {p.CSharpName} for the query parameter '{p.Name}'.");
            }

            return new ClientParameter(p.Name, p.CSharpName, p.Location, property.PropertyType);
        }).ToList();

        var returnType = method.ReturnType;
        if (returnType != typeof(Task) && !(returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)))
        {
            throw new SpecInputException($"{where}: {methodName} returns {returnType}, not a Task.");
        }

        var returnsValue = returnType.IsGenericType;
        if (isPaginated && (!returnsValue || returnType.GetGenericArguments()[0].GetProperty("Items") is null))
        {
            throw new SpecInputException($"{where}: the paginated {methodName} returns {returnType}, which has no Items (expected a page).");
        }

        return new ClientOperation(id, tag, methodName, isPaginated, parameters, options?.Name, options?.ParameterType,
            method.GetParameters().Single(p => p.ParameterType == typeof(CancellationToken)).Name!, returnsValue,
            method.GetCustomAttributesData().Any(a => a.AttributeType == typeof(ObsoleteAttribute)));
    }

    // A field of a type from a dependency that was not given cannot tell its type; it is not a descriptor either.
    private static bool IsDescriptor(FieldInfo field, IsolatedAssembly assembly)
    {
        try
        {
            return field.FieldType.FullName == DescriptorType;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            assembly.NoteLoadProblem(e.Message);
            return false;
        }
    }

    // An interface's methods include those of the interfaces it extends.
    private static IEnumerable<MethodInfo> Methods(Type type) =>
        type.IsInterface ? type.GetMethods().Concat(type.GetInterfaces().SelectMany(i => i.GetMethods())) : type.GetMethods();

    private static T Read<T>(object instance, string property, string where)
    {
        var value = instance.GetType().GetProperty(property)?.GetValue(instance);
        return value is T typed ? typed : throw new SpecInputException($"{where}: the descriptor's {property} is missing or not a {typeof(T).Name}.");
    }
}
