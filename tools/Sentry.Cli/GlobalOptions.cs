using System.CommandLine;

namespace Sentry.Cli;

/// <summary>The options every command takes (anywhere on the line): who calls, which organization, where, and how to print.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Token { get; } = new("--token")
    {
        Description = "Auth token (visible to other users in the process list: prefer SENTRY_AUTH_TOKEN or ~/.netrc, which are used when this is absent).",
        HelpName = "TOKEN",
        Recursive = true,
    };

    public Option<string> Org { get; } = new("--org", "-o")
    {
        Description = "Organization slug [default: $SENTRY_ORG].",
        HelpName = "SLUG",
        Recursive = true,
    };

    public Option<string> BaseUrl { get; } = new("--base-url")
    {
        Description = "API root: 'us' or 'de' for a Sentry region, or a URL such as https://sentry.example.com/api/0/ [default: $SENTRY_URL, else https://sentry.io/api/0/].",
        HelpName = "URL|us|de",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON for scripts: one document, or with --all one item per line (JSON lines).",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log each HTTP request, retry and rate-limit wait on standard error (never the token).",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Token, Org, BaseUrl, Json, Verbose];
}
