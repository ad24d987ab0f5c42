using Sentry.Cli.Output;

namespace Sentry.Cli.Api;

/// <summary>
/// Where <c>api</c> sends a PATH: relative to the API root (<c>organizations/acme/</c>, <c>/api/0/organizations/acme/</c>
/// or <c>/organizations/acme/</c>), or an absolute URL under the same API root (such as a <c>Link</c> URL). Anything
/// that would leave the API root (another host, scheme or port, <c>..</c> above <c>/api/0/</c>) is refused: the
/// request carries the token.
/// </summary>
internal static class ApiPath
{
    private const string ApiPrefix = "api/0/";

    public static Uri Resolve(Uri baseUrl, string path)
    {
        var text = path.Trim();
        if (text.Length == 0)
        {
            throw new CliUsageException("api: PATH is empty; give an endpoint such as organizations/acme/.");
        }

        Uri url;
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var absolute))
            {
                throw new CliUsageException("api: PATH is not a valid URL.");
            }

            url = absolute;
        }
        else if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith(@"\\", StringComparison.Ordinal))
        {
            throw new CliUsageException($"api: '{Shown(text)}' names another host or scheme; give a path relative to the API root ({baseUrl.GetLeftPart(UriPartial.Path)}).");
        }
        else
        {
            var relative = text.TrimStart('/');
            if (relative.StartsWith(ApiPrefix, StringComparison.Ordinal))
            {
                relative = relative[ApiPrefix.Length..];
            }

            // "./" keeps a first segment with a ':' (e.g. "issues:1") from being read as a URL scheme.
            url = new Uri(baseUrl, "./" + relative);
        }

        if (!SameOrigin(url, baseUrl))
        {
            throw new CliUsageException($"api: refusing {Shown(url.GetLeftPart(UriPartial.Authority))}: the token is only sent to {baseUrl.GetLeftPart(UriPartial.Authority)} (the --base-url).");
        }

        if (url.UserInfo.Length > 0)
        {
            throw new CliUsageException("api: refusing a URL with user info (user:password@); the token authenticates.");
        }

        if (!url.AbsolutePath.StartsWith(baseUrl.AbsolutePath, StringComparison.Ordinal))
        {
            throw new CliUsageException($"api: '{Shown(url.AbsolutePath)}' is outside the API root {baseUrl.AbsolutePath}.");
        }

        // Sentry's endpoints all end in '/'; without it Django answers with a redirect (which is not followed).
        if (!url.AbsolutePath.EndsWith('/'))
        {
            url = new UriBuilder(url) { Path = url.AbsolutePath + "/" }.Uri;
        }

        return url;
    }

    /// <summary><paramref name="url"/> with its <c>cursor</c> query parameter set to <paramref name="cursor"/> (the other parameters kept).</summary>
    public static Uri WithCursor(Uri url, string cursor)
    {
        var kept = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !pair.Split('=', 2)[0].Equals("cursor", StringComparison.Ordinal));
        var query = string.Join('&', kept.Append("cursor=" + Uri.EscapeDataString(cursor)));
        return new UriBuilder(url) { Query = query }.Uri;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    // A URL's user info may be a password: never echoed.
    private static string Shown(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return TerminalText.Clean(at >= 0 ? (scheme >= 0 && scheme < at ? text[..(scheme + 3)] : "") + "…" + text[at..] : text);
    }
}
