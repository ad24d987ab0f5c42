namespace Sentry.OpenApi.Auth;

/// <summary>
/// How a URL from the options is shown in messages, logs and <c>ToString()</c>: without its user info, so a
/// <c>user:password@</c> never reaches a log even where such a URL is refused.
/// </summary>
internal static class UrlDisplay
{
    public static string Show(Uri? url) => url switch
    {
        null => "(null)",
        { IsAbsoluteUri: true } => url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped),
        _ => url.OriginalString.Contains('@', StringComparison.Ordinal) ? "(a relative URL)" : url.OriginalString,
    };
}
