using Sentry.OpenApi;

namespace Sentry.Cli;

/// <summary>Reads <c>--base-url</c>: a region name, or a URL (a server root gets <c>/api/0/</c>).</summary>
internal static class BaseUrls
{
    public static Uri Resolve(string? value)
    {
        var text = value?.Trim();
        switch (text?.ToLowerInvariant())
        {
            case null or "":
            case "sentry.io" or "saas":
                return SentryApiClientOptions.SaasBaseUrl;
            case "us":
                return SentryApiClientOptions.UsRegionBaseUrl;
            case "de" or "eu":
                return SentryApiClientOptions.DeRegionBaseUrl;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            // A value with '@' may hold a password: not echoed.
            var shown = text!.Contains('@', StringComparison.Ordinal) ? "the value" : $"'{Output.TerminalText.Clean(text)}'";
            throw new CliUsageException($"--base-url: {shown} is neither a region (us, de) nor an absolute http(s) URL such as https://sentry.example.com/api/0/.");
        }

        // https://sentry.example.com is the server; its API lives under /api/0/. The API root ends in '/', so that
        // paths resolve under it (the library checks the rest: the /api/0/ suffix, no user info).
        var root = url.GetLeftPart(UriPartial.Path);
        return new Uri(url.AbsolutePath is "" or "/" ? new Uri(url, "/api/0/").AbsoluteUri : root.EndsWith('/') ? root : root + "/");
    }
}
