namespace Sentry.OpenApi;

/// <summary>An operation of the spec, as the generated operation table lists it.</summary>
internal sealed record SentryOperationInfo(string OperationId, string Method, string PathTemplate, string Tag, bool IsPaginated)
{
    private readonly string[] _segments = PathTemplate.Split('/');

    /// <summary>Whether <paramref name="path"/> (no query) matches the template; each <c>{name}</c> matches one segment.</summary>
    public bool Matches(string method, string path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segments = path.Split('/');
        if (segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var template = _segments[i];
            if (template.StartsWith('{') && template.EndsWith('}') ? segments[i].Length == 0 : !string.Equals(template, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Finds the operation a request belongs to (the table itself is generated from the spec).</summary>
internal static partial class SentryOperations
{
    /// <summary>The operation id for a method and path, preferring templates with more literal segments.</summary>
    public static string? Find(string method, string? path)
    {
        if (path is null)
        {
            return null;
        }

        return All.Where(o => o.Matches(method, path))
            .OrderByDescending(o => o.PathTemplate.Split('/').Count(s => !s.StartsWith('{')))
            .Select(o => o.OperationId)
            .FirstOrDefault();
    }
}
