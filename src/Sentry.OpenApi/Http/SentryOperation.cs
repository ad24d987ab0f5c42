namespace Sentry.OpenApi.Http;

/// <summary>Where a spec parameter goes in a generated method.</summary>
internal enum SentryParameterLocation
{
    /// <summary>A path segment (a method argument).</summary>
    Path,

    /// <summary>A required query parameter (a method argument).</summary>
    Query,

    /// <summary>An optional query parameter (a property of the operation's options class).</summary>
    Options,

    /// <summary>The JSON request body (a method argument).</summary>
    Body,

    /// <summary>A multipart form field (a method argument).</summary>
    Form,
}

/// <summary>A parameter of an operation: its spec name and the C# name NSwag gave it.</summary>
/// <param name="Name">The name in the spec (and on the wire), e.g. <c>organization_slug</c>.</param>
/// <param name="CSharpName">The generated method parameter or options property, e.g. <c>organizationSlug</c>, <c>StatsPeriod</c>.</param>
/// <param name="Location">Where it goes.</param>
internal sealed record SentryParameter(string Name, string CSharpName, SentryParameterLocation Location);

/// <summary>
/// One operation of the spec, as the generated client knows it (the templates write one static
/// instance per method, so nothing looks operations up at run time): its id, method, path template,
/// tag and the C# names of its method and parameters. Requests carry it in their options, so the
/// pipeline and the errors name the operation without parsing URLs.
/// </summary>
internal sealed class SentryOperation
{
    private readonly string[] _segments;

    public SentryOperation(string id, string method, string pathTemplate, string tag, string methodName, bool isPaginated, SentryParameter[] parameters)
    {
        Id = id;
        Method = method;
        PathTemplate = pathTemplate;
        Tag = tag;
        MethodName = methodName;
        IsPaginated = isPaginated;
        Parameters = parameters;
        _segments = pathTemplate.Split('/');
    }

    /// <summary>The spec's operationId, e.g. <c>RetrieveIssue</c>.</summary>
    public string Id { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path template relative to the API host, e.g. <c>api/0/organizations/{organization_slug}/issues/{issue_id}/</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The tag, which names the client property (<c>Issues</c>).</summary>
    public string Tag { get; }

    /// <summary>The generated method, e.g. <c>RetrieveIssueAsync</c>.</summary>
    public string MethodName { get; }

    /// <summary>Whether the operation is cursor-paginated.</summary>
    public bool IsPaginated { get; }

    /// <summary>The parameters in method order.</summary>
    public IReadOnlyList<SentryParameter> Parameters { get; }

    /// <summary>
    /// Whether <paramref name="path"/> (an absolute path, after <see cref="Uri"/> normalized it) is this
    /// operation's path under <paramref name="basePath"/>: every literal segment equal, every parameter
    /// exactly one non-empty segment that is not a dot segment.
    /// </summary>
    public bool MatchesPath(string path, string basePath)
    {
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path.AsSpan(basePath.Length);
        for (var i = 0; i < _segments.Length; i++)
        {
            var template = _segments[i];
            var end = rest.IndexOf('/');
            var segment = end < 0 ? rest : rest[..end];
            var matches = template.Length > 0 && template[0] == '{'
                ? segment.Length > 0 && !segment.SequenceEqual(".") && !segment.SequenceEqual("..")
                : segment.SequenceEqual(template.AsSpan());
            if (!matches)
            {
                return false;
            }

            var last = i == _segments.Length - 1;
            if (end < 0 || last)
            {
                // Both end together, or the path has segments the template does not.
                return end < 0 && last;
            }

            rest = rest[(end + 1)..];
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Method} /{PathTemplate})";
}
