namespace Sentry.OpenApi.Http;

/// <summary>
/// Turns a caller's value into exactly one path segment. <see cref="Uri.EscapeDataString(string)"/> escapes
/// <c>/</c>, <c>?</c>, <c>#</c> and <c>%</c> but not <c>.</c>, and <see cref="Uri"/> then collapses the dot segments
/// <c>.</c> and <c>..</c>: <c>RetrieveIssueAsync("acme", "..")</c> would address the organization itself. So an
/// empty value and the dot segments are refused, before anything is sent.
/// </summary>
internal static class SentryPath
{
    /// <summary>The escaped segment for <paramref name="value"/>; <paramref name="parameter"/> names it in the error.</summary>
    /// <exception cref="ArgumentException">The value is empty, <c>.</c> or <c>..</c>.</exception>
    public static string Segment(string? value, string parameter)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"'{parameter}' must not be empty: an empty path segment addresses another endpoint.", parameter);
        }

        if (value is "." or "..")
        {
            throw new ArgumentException($"'{parameter}' must not be '{value}': a dot segment addresses another endpoint.", parameter);
        }

        return Uri.EscapeDataString(value);
    }
}
