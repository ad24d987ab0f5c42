using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>JSON pointers in URI-fragment form (<c>#/paths/~1api~10~1/get</c>), as the findings print them.</summary>
internal static class JsonPointers
{
    public const string Root = "#";

    public static string Append(string pointer, string segment) => $"{pointer}/{Escape(segment)}";

    public static string Append(string pointer, int index) => $"{pointer}/{index}";

    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The unescaped segments of <c>#/a/b</c> (or <c>/a/b</c>); percent-escapes of a URI fragment are decoded.</summary>
    public static IReadOnlyList<string> Segments(string pointer)
    {
        var text = pointer.StartsWith('#') ? Uri.UnescapeDataString(pointer[1..]) : pointer;
        if (text.Length == 0)
        {
            return [];
        }

        return text.TrimStart('/').Split('/')
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToList();
    }

    public static string FromSegments(IEnumerable<string> segments) => segments.Aggregate(Root, Append);

    /// <summary>The node at a local pointer (<c>#/components/schemas/Issue</c>) under <paramref name="root"/>, or null.</summary>
    public static JsonNode? Find(JsonNode? root, string pointer)
    {
        var node = root;
        foreach (var segment in Segments(pointer))
        {
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
