using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Diff;

/// <summary>
/// Compares two bundled specs operation by operation: operations, parameters, request bodies,
/// responses and security scopes, with schemas compared by <see cref="SchemaComparer"/>.
/// </summary>
internal sealed partial class SpecComparer
{
    private const string Json = "application/json";

    private readonly SpecDocument _old;
    private readonly SpecDocument _new;
    private readonly List<DiffFinding> _findings = [];
    private readonly UnchangedPairs _unchanged = new();

    private SpecComparer(SpecDocument old, SpecDocument @new)
    {
        _old = old;
        _new = @new;
    }

    /// <summary>Every change from <paramref name="old"/> to <paramref name="new"/>, ordered by path and method.</summary>
    public static IReadOnlyList<DiffFinding> Compare(SpecDocument old, SpecDocument @new)
    {
        var comparer = new SpecComparer(old, @new);
        comparer.CompareOperations();
        // A schema reached twice by the same route (a oneOf variant matched twice) reports once.
        return comparer._findings.DistinctBy(f => f.Id)
            .OrderBy(f => f.Operation.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Operation.Method, StringComparer.Ordinal)
            .ToList();
    }

    private void CompareOperations()
    {
        var oldByKey = _old.Operations.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newByKey = _new.Operations.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var added = _new.Operations.Where(n => !oldByKey.ContainsKey(Key(n))).ToList();

        // By operationId, in order, so that a spec whose every path moved is not searched all against all.
        var addedById = added.Where(n => n.Operation.OperationId is not null).GroupBy(n => n.Operation.OperationId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<SpecOperation>(g), StringComparer.Ordinal);
        var movedHere = new HashSet<SpecOperation>(ReferenceEqualityComparer.Instance);
        foreach (var old in _old.Operations)
        {
            if (newByKey.TryGetValue(Key(old), out var same))
            {
                CompareOperation(old, same);
                continue;
            }

            if (old.Operation.OperationId is { } id && addedById.TryGetValue(id, out var candidates) && candidates.TryDequeue(out var moved))
            {
                movedHere.Add(moved);
                Add(ChangeKinds.OperationMoved, Describe(old), null, $"{moved.Method} {moved.Path}", OperationPointer(moved),
                    $"{old.OperationId} moved from {old} to {moved}");
                CompareOperation(old, moved);
            }
            else
            {
                Add(ChangeKinds.OperationRemoved, Describe(old), null, null, OperationPointer(old), $"{old} was removed");
            }
        }

        foreach (var @new in added.Where(n => !movedHere.Contains(n)))
        {
            Add(ChangeKinds.OperationAdded, Describe(@new), null, null, OperationPointer(@new), $"{@new} was added");
        }
    }

    private void CompareOperation(SpecOperation old, SpecOperation @new)
    {
        var operation = Describe(@new);
        if (old.Operation.OperationId is { } before && @new.Operation.OperationId is { } after && before != after)
        {
            Add(ChangeKinds.OperationIdChanged, operation, null, null, JsonPointer.Append(OperationPointer(@new), "operationId"),
                $"operationId changed from {before} to {after}; the generated method is renamed");
        }

        CompareParameters(old, @new, operation);
        CompareRequestBody(old, @new, operation);
        CompareResponses(old, @new, operation);
        CompareSecurity(old, @new, operation);
    }

    private void CompareParameters(SpecOperation old, SpecOperation @new, DiffOperation operation)
    {
        var before = Parameters(old, _old).ToList();
        var after = Parameters(@new, _new).ToList();
        var pairs = new List<(Parameter Old, Parameter New)>();

        void Pair(Func<Parameter, Parameter, bool> match, Action<Parameter, Parameter>? report)
        {
            foreach (var o in before.ToList())
            {
                if (after.FirstOrDefault(n => match(o, n)) is { } n)
                {
                    before.Remove(o);
                    after.Remove(n);
                    pairs.Add((o, n));
                    report?.Invoke(o, n);
                }
            }
        }

        Pair((o, n) => o.Name == n.Name && o.In == n.In, null);
        Pair((o, n) => o.Name == n.Name, (o, n) => Add(ChangeKinds.ParameterMoved, operation, o.Location, null, n.Pointer,
            $"{o.Location}: moved from {o.In} to {n.In}"));
        Pair((o, n) => o.In == n.In && o.Position == n.Position && o.Signature == n.Signature, (o, n) => Add(ChangeKinds.ParameterRenamed, operation, o.Location, null, n.Pointer,
            $"{o.Location}: renamed to {n.Name}"));

        foreach (var removed in before)
        {
            Add(ChangeKinds.ParameterRemoved, operation, removed.Location, null, removed.Pointer, $"{removed.Location}: removed; OLD clients still send it");
        }

        foreach (var added in after)
        {
            Add(added.Required ? ChangeKinds.ParameterAddedRequired : ChangeKinds.ParameterAddedOptional, operation, added.Location, null, added.Pointer,
                added.Required ? $"{added.Location}: new required parameter; OLD clients do not send it" : $"{added.Location}: new optional parameter");
        }

        foreach (var (o, n) in pairs)
        {
            if (o.Required != n.Required)
            {
                Add(n.Required ? ChangeKinds.ParameterMadeRequired : ChangeKinds.ParameterMadeOptional, operation, n.Location, null, n.Pointer,
                    n.Required ? $"{n.Location}: now required" : $"{n.Location}: now optional");
            }

            if (o.Schema is not { } oldSchema || n.Schema is not { } newSchema)
            {
                continue;
            }

            if (o.TypeText != n.TypeText)
            {
                Add(ChangeKinds.ParameterTypeChanged, operation, n.Location, null, newSchema.Pointer,
                    $"{n.Location}: type changed from {o.TypeText} to {n.TypeText}");
            }
            else
            {
                new SchemaComparer(new DiffSite(operation, n.Location, _findings), request: true, _old, _new, _unchanged).Compare(oldSchema, newSchema);
            }
        }
    }

    private void CompareRequestBody(SpecOperation old, SpecOperation @new, DiffOperation operation)
    {
        const string Location = "request body";
        var (before, after) = (old.Operation.RequestBody, @new.Operation.RequestBody);
        if (before is null && after is null)
        {
            return;
        }

        var newPointer = RequestBodyPointer(@new, after);
        if (before is null)
        {
            Add(after!.Required ? ChangeKinds.RequestBodyAddedRequired : ChangeKinds.RequestBodyAddedOptional, operation, Location, null, newPointer,
                after.Required ? "request body added as required; OLD clients send none" : "optional request body added");
            return;
        }

        var oldPointer = RequestBodyPointer(old, before);
        if (after is null)
        {
            Add(ChangeKinds.RequestBodyRemoved, operation, Location, null, oldPointer, "request body removed; OLD clients still send one");
            return;
        }

        if (before.Required != after.Required)
        {
            Add(after.Required ? ChangeKinds.RequestBodyMadeRequired : ChangeKinds.RequestBodyMadeOptional, operation, Location, null, newPointer,
                after.Required ? "request body is now required" : "request body is now optional");
        }

        CompareContent(before.Content, oldPointer, after.Content, newPointer, Location, operation, request: true);
    }

    private void CompareResponses(SpecOperation old, SpecOperation @new, DiffOperation operation)
    {
        var before = old.Operation.Responses ?? [];
        var after = @new.Operation.Responses ?? [];
        foreach (var (status, oldResponse) in before)
        {
            var location = $"response {status}";
            if (!after.TryGetValue(status, out var newResponse))
            {
                Add(ChangeKinds.ResponseStatusRemoved, operation, location, null, JsonPointer.Append(OperationPointer(old), "responses", status),
                    $"{location} removed; OLD clients handle it");
                continue;
            }

            CompareContent(oldResponse.Content, ResponsePointer(old, status, oldResponse), newResponse.Content, ResponsePointer(@new, status, newResponse),
                location, operation, request: false);
        }

        foreach (var status in after.Keys.Where(s => !before.ContainsKey(s)))
        {
            Add(ChangeKinds.ResponseStatusAdded, operation, $"response {status}", null, JsonPointer.Append(OperationPointer(@new), "responses", status),
                $"response {status} added");
        }
    }

    private void CompareContent(IDictionary<string, IOpenApiMediaType>? before, string oldPointer, IDictionary<string, IOpenApiMediaType>? after, string newPointer,
        string location, DiffOperation operation, bool request)
    {
        before ??= new Dictionary<string, IOpenApiMediaType>();
        after ??= new Dictionary<string, IOpenApiMediaType>();
        foreach (var (mediaType, oldMedia) in before)
        {
            if (!after.TryGetValue(mediaType, out var newMedia))
            {
                Add(request ? ChangeKinds.RequestMediaTypeRemoved : ChangeKinds.ResponseMediaTypeRemoved, operation, location, mediaType,
                    JsonPointer.Append(oldPointer, "content", mediaType),
                    request ? $"{location}: {mediaType} is no longer accepted" : $"{location}: no longer sends {mediaType}");
                continue;
            }

            if (oldMedia.Schema is { } oldSchema && newMedia.Schema is { } newSchema)
            {
                // `response 200 body`, or `response 200 body (text/plain)` beside the usual JSON.
                var site = $"{location}{(request ? "" : " body")}{(mediaType == Json ? "" : $" ({mediaType})")}";
                new SchemaComparer(new DiffSite(operation, site, _findings), request, _old, _new, _unchanged).Compare(
                    new SchemaNode(oldSchema, JsonPointer.Append(oldPointer, "content", mediaType, "schema")),
                    new SchemaNode(newSchema, JsonPointer.Append(newPointer, "content", mediaType, "schema")));
            }
        }

        foreach (var mediaType in after.Keys.Where(m => !before.ContainsKey(m)))
        {
            Add(request ? ChangeKinds.RequestMediaTypeAdded : ChangeKinds.ResponseMediaTypeAdded, operation, location, mediaType,
                JsonPointer.Append(newPointer, "content", mediaType),
                request ? $"{location}: now also accepts {mediaType}" : $"{location}: now also sends {mediaType}");
        }
    }

    private void CompareSecurity(SpecOperation old, SpecOperation @new, DiffOperation operation)
    {
        const string Location = "security";
        var (before, _) = Scopes(old, _old);
        var (after, pointer) = Scopes(@new, _new);
        foreach (var scope in after.Except(before))
        {
            Add(ChangeKinds.SecurityScopeAdded, operation, Location, scope, pointer, $"scope {scope} is now required; tokens made for OLD may lack it");
        }

        foreach (var scope in before.Except(after))
        {
            Add(ChangeKinds.SecurityScopeRemoved, operation, Location, scope, pointer, $"scope {scope} is no longer listed");
        }
    }

    // The operation's own `security`, or the document's when it has none.
    private static (IReadOnlyList<string> Scopes, string Pointer) Scopes(SpecOperation operation, SpecDocument spec)
    {
        var (requirements, pointer) = operation.Operation.Security is { } own
            ? (own, JsonPointer.Append(OperationPointer(operation), "security"))
            : (spec.Document.Security ?? [], JsonPointer.Build("security"));
        return (requirements.SelectMany(r => r.Values.SelectMany(scopes => scopes)).Distinct(StringComparer.Ordinal).ToList(), pointer);
    }

    private static IEnumerable<Parameter> Parameters(SpecOperation operation, SpecDocument spec)
    {
        var own = operation.Operation.Parameters ?? [];
        var placeholders = Placeholder().Matches(operation.Path).Select(m => m.Groups[1].Value).ToList();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var sources = new[]
        {
            (List: operation.PathItemParameters, Pointer: JsonPointer.Build("paths", operation.Path), Shared: true),
            (List: own, Pointer: OperationPointer(operation), Shared: false),
        };
        foreach (var (list, listPointer, shared) in sources)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var parameter = list[i];
                var pointer = JsonPointer.Append(listPointer, "parameters", i.ToString(CultureInfo.InvariantCulture));
                var name = parameter.Name ?? throw new SpecInputException(
                    $"{spec.Path}: {pointer}: the parameter has no name (or its $ref does not resolve); fix or re-bundle the spec.");
                var location = parameter.In?.ToString().ToLowerInvariant() ?? "query";
                if (shared && own.Any(o => o.Name == name && o.In == parameter.In))
                {
                    continue; // the operation's own parameter wins
                }

                var position = location == "path" && placeholders.IndexOf(name) is >= 0 and var index
                    ? index
                    : positions[location] = positions.GetValueOrDefault(location, -1) + 1;
                var schemaPointer = parameter is OpenApiParameterReference { Reference.Id: { } id } ? JsonPointer.Build("components", "parameters", id) : pointer;
                var schema = parameter.Schema is { } s ? new SchemaNode(s, JsonPointer.Append(schemaPointer, "schema"))
                    : parameter.Content?.FirstOrDefault() is { Value.Schema: { } c } media ? new SchemaNode(c, JsonPointer.Append(schemaPointer, "content", media.Key, "schema"))
                    : (SchemaNode?)null;
                var view = schema is { } node ? SchemaView.Of(node, spec) : null;
                yield return new Parameter(name, location, parameter.Required, schema, pointer, position,
                    view?.TypeText ?? "none", (view?.TypeText ?? "none") + "|" + string.Join(",", view?.Enum ?? []));
            }
        }
    }

    private static string RequestBodyPointer(SpecOperation operation, IOpenApiRequestBody? body) =>
        body is OpenApiRequestBodyReference { Reference.Id: { } id }
            ? JsonPointer.Build("components", "requestBodies", id)
            : JsonPointer.Append(OperationPointer(operation), "requestBody");

    private static string ResponsePointer(SpecOperation operation, string status, IOpenApiResponse response) =>
        response is OpenApiResponseReference { Reference.Id: { } id }
            ? JsonPointer.Build("components", "responses", id)
            : JsonPointer.Append(OperationPointer(operation), "responses", status);

    private static string OperationPointer(SpecOperation operation) => JsonPointer.Build("paths", operation.Path, operation.Method.ToLowerInvariant());

    private static DiffOperation Describe(SpecOperation operation) => new(operation.OperationId, operation.Method, operation.Path);

    // Path parameter names do not reach the URL, so /x/{a}/ and /x/{b}/ are the same operation.
    private static string Key(SpecOperation operation) => $"{operation.Method} {Placeholder().Replace(operation.Path, "{}")}";

    private void Add(string kind, DiffOperation operation, string? location, string? detail, string pointer, string message) =>
        _findings.Add(new DiffFinding(kind, ChangeKinds.IsBreaking(kind), operation, location, detail, pointer, message));

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>A parameter as the client sends it; <see cref="Signature"/> (type and enum) tells a rename from a replacement.</summary>
    private sealed record Parameter(string Name, string In, bool Required, SchemaNode? Schema, string Pointer, int Position, string TypeText, string Signature)
    {
        public string Location => $"parameter {In} {Name}";
    }
}
